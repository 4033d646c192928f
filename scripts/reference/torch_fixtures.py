"""Writes test/fixtures/torch.json: values and autograd derivatives from PyTorch itself (float64),
and numpy.linspace for the lab's grids. The tests compare the TypeScript library with these numbers.

Run with a Python that has torch and numpy (on Debian: apt-get install python3-torch python3-numpy):
    /usr/bin/python3 scripts/reference/torch_fixtures.py
Not part of CI: the output is committed, so CI needs neither PyTorch nor numpy.
"""
import json
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

CASES = [
    ("sigmoid", {}, lambda x, p: torch.sigmoid(x)),
    ("tanh", {}, lambda x, p: torch.tanh(x)),
    ("relu", {}, lambda x, p: F.relu(x)),
    ("relu6", {}, lambda x, p: F.relu6(x)),
    ("leaky_relu", {}, lambda x, p: F.leaky_relu(x)),
    ("leaky_relu", {"negative_slope": 0.2}, lambda x, p: F.leaky_relu(x, **p)),
    ("prelu", {}, lambda x, p: F.prelu(x, torch.tensor([0.25]))),
    ("prelu", {"weight": -0.5}, lambda x, p: F.prelu(x, torch.tensor([p["weight"]]))),
    ("rrelu", {}, lambda x, p: F.rrelu(x, training=False)),
    ("rrelu", {"lower": 0.1, "upper": 0.3}, lambda x, p: F.rrelu(x, **p, training=False)),
    ("elu", {}, lambda x, p: F.elu(x)),
    ("elu", {"alpha": 0.5}, lambda x, p: F.elu(x, **p)),
    ("celu", {}, lambda x, p: F.celu(x)),
    ("celu", {"alpha": 2.0}, lambda x, p: F.celu(x, **p)),
    ("selu", {}, lambda x, p: F.selu(x)),
    ("gelu", {}, lambda x, p: F.gelu(x)),
    ("gelu", {"approximate": "tanh"}, lambda x, p: F.gelu(x, approximate="tanh")),
    ("silu", {}, lambda x, p: F.silu(x)),
    ("mish", {}, lambda x, p: F.mish(x)),
    ("softplus", {}, lambda x, p: F.softplus(x)),
    ("softplus", {"beta": 2.0, "threshold": 10.0}, lambda x, p: F.softplus(x, **p)),
    ("softsign", {}, lambda x, p: F.softsign(x)),
    ("hardtanh", {}, lambda x, p: F.hardtanh(x)),
    ("hardtanh", {"min_val": -2.0, "max_val": 0.5}, lambda x, p: F.hardtanh(x, **p)),
    ("hardsigmoid", {}, lambda x, p: F.hardsigmoid(x)),
    ("hardswish", {}, lambda x, p: F.hardswish(x)),
    ("logsigmoid", {}, lambda x, p: F.logsigmoid(x)),
    ("tanhshrink", {}, lambda x, p: F.tanhshrink(x)),
    ("softshrink", {}, lambda x, p: F.softshrink(x)),
    ("softshrink", {"lambd": 1.25}, lambda x, p: F.softshrink(x, **p)),
    ("hardshrink", {}, lambda x, p: F.hardshrink(x)),
    ("hardshrink", {"lambd": 2.0}, lambda x, p: F.hardshrink(x, **p)),
    ("threshold", {}, lambda x, p: F.threshold(x, 0.0, 0.5)),
    ("threshold", {"threshold": 1.0, "value": -2.0}, lambda x, p: F.threshold(x, p["threshold"], p["value"])),
]

# Kinks of every case above, ordinary points, and the extremes.
POINTS = sorted(set([
    -1000.0, -100.0, -40.0, -20.0, -10.0, -6.0, -5.0, -3.5, -3.0, -2.5, -2.0, -1.25, -1.0, -0.75, -0.5, -0.25, -0.1,
    -1e-3, 0.0, 1e-3, 0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 3.5, 5.0, 6.0, 6.5, 10.0, 15.0, 20.0, 40.0,
    100.0, 1000.0,
]))


def main():
    cases = []
    for name, params, fn in CASES:
        x = torch.tensor(POINTS, requires_grad=True)
        y = fn(x, params)
        (dy,) = torch.autograd.grad(y.sum(), x)
        cases.append({"name": name, "params": params, "z": POINTS, "y": y.tolist(), "dy": dy.tolist()})
    grids = {
        "linspace(-10, 10, 400)": np.linspace(-10, 10, 400).tolist(),
        "linspace(-5, 5, 100)": np.linspace(-5, 5, 100).tolist(),
        "linspace(-7, 7, 281)": np.linspace(-7, 7, 281).tolist(),
        "arange(-10, 10, 0.1)": np.arange(-10, 10, 0.1).tolist(),
        "arange(-5, 5, 0.25)": np.arange(-5, 5, 0.25).tolist(),
    }
    # The lab's own numpy functions on the lab's grids, as the notebook computes them.
    def lab(z):
        sig = 1 / (1 + np.exp(-z))
        return {
            "z": z.tolist(),
            "sigmoid": {"y": sig.tolist(), "dy": (sig * (1 - sig)).tolist()},
            "relu": {"y": np.maximum(0, z).tolist(), "dy": np.where(z > 0, 1, 0).astype(float).tolist()},
            "tanh": {"y": np.tanh(z).tolist(), "dy": (1 - np.tanh(z) ** 2).tolist()},
        }

    labs = {
        "sigmoid-vs-relu": lab(np.linspace(-10, 10, 400)),
        "relu-vs-tanh": lab(np.linspace(-5, 5, 100)),
    }
    out = {
        "generator": "scripts/reference/torch_fixtures.py",
        "torch": torch.__version__,
        "numpy": np.__version__,
        "cases": cases,
        "grids": grids,
        "lab": labs,
    }
    path = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "torch.json"
    path.write_text(json.dumps(out, allow_nan=False) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()

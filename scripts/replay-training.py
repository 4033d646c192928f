"""Replays a training figure's <id>.training.json in PyTorch (float64) and compares every loss and
gradient norm with the file's, to 1e-9 relative: the figure must be what PyTorch computes.

    /usr/bin/python3 scripts/replay-training.py figures/<id>.training.json [--write FIXTURE]

Rebuilds each run's MLP from its initial weights, trains it on the file's x and y with full-batch
gradient descent (torch.autograd for the gradients), and prints the largest relative difference per run.
Exit 0 when all agree, 1 when any differs. --write FIXTURE also writes what torch computed (loss and
gradNorm per run, with torch's version) as JSON, for tests on machines without torch.
"""
import json
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
TOLERANCE = 1e-9

# Activations whose PyTorch call is not F.<name>(x, **params).
SPECIAL = {
    "prelu": lambda x, p: F.prelu(x, torch.tensor([p["weight"]])),
    "rrelu": lambda x, p: F.rrelu(x, p["lower"], p["upper"], training=False),
    "threshold": lambda x, p: F.threshold(x, p["threshold"], p["value"]),
    "sigmoid": lambda x, p: torch.sigmoid(x),
    "tanh": lambda x, p: torch.tanh(x),
}


def activation(name, params):
    if name in SPECIAL:
        return lambda x: SPECIAL[name](x, params)
    fn = getattr(F, name)
    return lambda x: fn(x, **params)


def replay(doc, run):
    f = activation(run["activation"], run["params"])
    x = torch.tensor(doc["x"], dtype=torch.float64)
    y = torch.tensor(doc["y"], dtype=torch.float64)
    weights = [torch.tensor(layer["W"], dtype=torch.float64).requires_grad_() for layer in run["layers"]]
    biases = [torch.tensor(layer["b"], dtype=torch.float64).requires_grad_() for layer in run["layers"]]
    lr = doc["lr"]
    losses, norms = [], []
    for step in range(doc["steps"] + 1):
        h = x
        for W, b in zip(weights[:-1], biases[:-1]):
            h = f(h @ W.T + b)
        out = (h @ weights[-1].T + biases[-1]).squeeze(1)
        if doc["loss"] == "bce":
            loss = F.binary_cross_entropy_with_logits(out, y)
        else:
            loss = F.mse_loss(out, y)
        losses.append(loss.item())
        if step == doc["steps"]:
            break
        grads = torch.autograd.grad(loss, weights + biases)
        norms.append([g.norm().item() for g in grads[: len(weights)]])
        with torch.no_grad():
            for p, g in zip(weights + biases, grads):
                p -= lr * g
    return losses, norms


def worst(ours, theirs):
    return max(abs(a - b) / max(abs(b), 1e-300) for a, b in zip(ours, theirs))


def main():
    args = sys.argv[1:]
    out = None
    if "--write" in args:
        i = args.index("--write")
        out = args[i + 1]
        del args[i : i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    with open(args[0]) as f:
        doc = json.load(f)
    ok = True
    results = []
    for run in doc["runs"]:
        losses, norms = replay(doc, run)
        flat = [v for row in norms for v in row]
        ours = [v for row in run["gradNorm"] for v in row]
        loss_err = worst(run["loss"], losses)
        grad_err = worst(ours, flat)
        agree = len(losses) == len(run["loss"]) and len(flat) == len(ours) and max(loss_err, grad_err) <= TOLERANCE
        ok = ok and agree
        print(f"{run['activation']}: loss {loss_err:.1e}, gradNorm {grad_err:.1e} {'ok' if agree else 'DIFFERS'}")
        results.append({"activation": run["activation"], "params": run["params"], "loss": losses, "gradNorm": norms})
    if out:
        with open(out, "w") as f:
            json.dump({"generator": "scripts/replay-training.py", "torch": torch.__version__, "runs": results}, f)
            f.write("\n")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""The benchmark's peer: numpy + matplotlib drawing the same figures, the way the original lab did.

Usage:
    /usr/bin/python3 bench/peer_matplotlib.py CONFIG.json OUT_DIR

The bench calls it with Debian's /usr/bin/python3 (python3-matplotlib and python3-numpy, installed by
scripts/setup-system.sh): `python3` on PATH may be a pyenv Python without matplotlib.

CONFIG.json is one of ours (e.g. bench/w24.config.json). For every entry of `figures[]` it draws one subplot
per panel, side by side, in the lab's style: the activation solid (blue/green by panel, as our 'lab' palette),
its derivative red dashed, a legend, a grid, the title "<Name> Activation & Gradient", x label
"Input Value (z)" and y label "Activation / Gradient". It writes OUT_DIR/<id>.png at 2x (dpi 192 for a
96-dpi figure), OUT_DIR/<id>.svg and OUT_DIR/<id>.pdf.

Supported per panel: `activation` (sigmoid, relu, tanh, leaky_relu, elu, softplus, gelu, silu; anything else
raises), and optionally `params` (same names and defaults as ours), `grid`, `title`, `color`.

Import time is part of the process, as a user would pay it. The last stdout line is JSON:
    {"figures": N, "importSeconds": ..., "loopSeconds": ...}
"""
import time

_t0 = time.perf_counter()
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import matplotlib  # noqa: E402

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - _t0

# Our figures: each panel's plot area is 360x300 CSS px; with axis titles, panel title and padding a
# one-panel figure of ours comes out about 426x380 px. Matplotlib figures here are sized in inches at 96 dpi.
DPI = 96
PANEL_WIDTH_IN = 440 / DPI
FIGURE_HEIGHT_IN = 380 / DPI
PNG_SCALE = 2
ACTIVATION_COLORS = ['#0000ff', '#008000']  # our 'lab' palette: the lab's blue, then green
DERIVATIVE_COLOR = '#ff0000'


# ---- activations and their derivatives (plain numpy; derivative conventions at kinks as ours/PyTorch) ----

def _sigmoid(z):
    # Numerically stable: never exponentiates a large positive number.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid(z, p):
    s = _sigmoid(z)
    return s, s * (1.0 - s)


def relu(z, p):
    return np.maximum(0.0, z), np.where(z > 0, 1.0, 0.0)


def tanh(z, p):
    t = np.tanh(z)
    return t, 1.0 - t * t


def leaky_relu(z, p):
    a = float(p['negative_slope'])
    return np.where(z > 0, z, a * z), np.where(z > 0, 1.0, a)


def elu(z, p):
    a = float(p['alpha'])
    zn = np.minimum(z, 0.0)
    return np.where(z > 0, z, a * np.expm1(zn)), np.where(z > 0, 1.0, a * np.exp(zn))


def softplus(z, p):
    b, thr = float(p['beta']), float(p['threshold'])
    bz = b * z
    # log(1 + e^x) = max(x, 0) + log1p(e^-|x|); PyTorch (and we) return z itself where beta*z > threshold.
    sp = (np.maximum(bz, 0.0) + np.log1p(np.exp(-np.abs(bz)))) / b
    return np.where(bz > thr, z, sp), np.where(bz > thr, 1.0, _sigmoid(bz))


_erfc = np.frompyfunc(math.erfc, 1, 1)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_BETA = math.sqrt(2.0 / math.pi)
_KAPPA = 0.044715


def gelu(z, p):
    if p['approximate'] == 'tanh':
        u = _BETA * (z + _KAPPA * z ** 3)
        s = _sigmoid(2.0 * u)  # (1 + tanh u) / 2
        sech2 = 4.0 * s * (1.0 - s)
        return z * s, s + 0.5 * z * sech2 * _BETA * (1.0 + 3.0 * _KAPPA * z * z)
    if p['approximate'] != 'none':
        raise ValueError(f"gelu: approximate must be 'none' or 'tanh', got {p['approximate']!r}")
    # Exact: z * Phi(z), Phi(z) = erfc(-z / sqrt 2) / 2 (keeps accuracy for negative z).
    phi = 0.5 * _erfc(-z * math.sqrt(0.5)).astype(float)
    return z * phi, phi + z * np.exp(-0.5 * z * z) * _INV_SQRT_2PI


def silu(z, p):
    s = _sigmoid(z)
    return z * s, s * (1.0 + z * (1.0 - s))


# name -> (display name, function, parameter defaults)
ACTIVATIONS = {
    'sigmoid': ('Sigmoid', sigmoid, {}),
    'relu': ('ReLU', relu, {}),
    'tanh': ('Tanh', tanh, {}),
    'leaky_relu': ('Leaky ReLU', leaky_relu, {'negative_slope': 0.01}),
    'elu': ('ELU', elu, {'alpha': 1}),
    'softplus': ('Softplus', softplus, {'beta': 1, 'threshold': 20}),
    'gelu': ('GELU', gelu, {'approximate': 'none'}),
    'silu': ('SiLU (Swish)', silu, {}),
}


def resolve(panel):
    name = panel['activation']
    if name not in ACTIVATIONS:
        raise ValueError(f'unknown activation {name!r} (supported: {", ".join(ACTIVATIONS)})')
    display, fn, defaults = ACTIVATIONS[name]
    given = panel.get('params') or {}
    unknown = set(given) - set(defaults)
    if unknown:
        raise ValueError(f'{name}: unknown params {sorted(unknown)}')
    params = {**defaults, **given}
    changed = ', '.join(f'{k}={params[k]}' for k in defaults if params[k] != defaults[k])
    label = f'{display} ({changed})' if changed else display
    return display, label, fn, params


def draw(figure, out_dir):
    panels = figure['panels']
    n = len(panels)
    fig, axes = plt.subplots(1, n, figsize=(n * PANEL_WIDTH_IN, FIGURE_HEIGHT_IN), dpi=DPI, squeeze=False)
    for i, (ax, panel) in enumerate(zip(axes[0], panels)):
        display, label, fn, params = resolve(panel)
        g = panel.get('grid') or figure['grid']
        z = np.linspace(g['min'], g['max'], int(g['samples']))
        y, dy = fn(z, params)
        ax.plot(z, y, label=f'{display} Activation', color=panel.get('color', ACTIVATION_COLORS[i % len(ACTIVATION_COLORS)]))
        ax.plot(z, dy, label=f'{display} Derivative', color=DERIVATIVE_COLOR, linestyle='--')
        ax.set_title(panel.get('title', f'{label} Activation & Gradient'))
        ax.set_xlabel('Input Value (z)')
        ax.set_ylabel('Activation / Gradient')
        ax.grid(True)
        ax.legend()
    fig.tight_layout()
    base = os.path.join(out_dir, figure['id'])
    fig.savefig(base + '.png', dpi=DPI * PNG_SCALE)
    fig.savefig(base + '.svg')
    fig.savefig(base + '.pdf')
    plt.close(fig)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(f'usage: /usr/bin/python3 {argv[0]} CONFIG.json OUT_DIR\n')
        return 2
    with open(argv[1], encoding='utf-8') as fh:
        config = json.load(fh)
    out_dir = argv[2]
    os.makedirs(out_dir, exist_ok=True)
    t = time.perf_counter()
    figures = config['figures']
    for figure in figures:
        draw(figure, out_dir)
    loop_seconds = time.perf_counter() - t
    print(json.dumps({'figures': len(figures), 'importSeconds': round(IMPORT_SECONDS, 4), 'loopSeconds': round(loop_seconds, 4)}))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

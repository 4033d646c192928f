#!/usr/bin/env bash
# One command from a fresh clone to a working project: Debian packages, then npm packages (whose
# `prepare` compiles src/ to dist/). Idempotent: run it again at any time. README's quick start and
# .ci/run both call it.
set -euo pipefail
cd "$(dirname "$0")/.."

# What canvas compiles against (the script the package ships), plus this repository's own needs:
# chromium for the browser tests, numpy and matplotlib for the benchmark's peer (bench/peer_matplotlib.py).
# Noto CJK and Noto core: the fallback fonts for text in scripts DejaVu lacks (src/font.ts). ffmpeg: the
# tests of `animate.mp4` (a course needs it only where a figure asks for an MP4).
bash scripts/setup-system.sh chromium python3-matplotlib python3-numpy fonts-noto-cjk fonts-noto-core ffmpeg

# canvas compiles from source here (its prebuilt binary cannot be downloaded); package.json approves
# its install script. `npm ci` installs exactly the locked versions.
if [ -d node_modules/canvas/build/Release ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "setup: node_modules is current"
  npm run --silent build
else
  npm ci --no-audit --no-fund
fi

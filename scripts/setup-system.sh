#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that canvas (node-canvas) compiles against, idempotently: it calls
# apt-get only when something is missing. Shipped in the package: `npx actfig setup-system`, or
# `sudo bash node_modules/activation-figures/scripts/setup-system.sh` before canvas is built.
# Extra package names given as arguments are installed too (this repository's own set-up adds
# chromium for the browser tests and python3-matplotlib for the benchmark's peer).
set -euo pipefail

packages=(build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev "$@")

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "setup-system: no apt-get here; install the equivalents of: ${packages[*]}" >&2
  exit 2
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all Debian packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup-system: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

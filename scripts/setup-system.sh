#!/usr/bin/env bash
# Installs the Debian packages the project needs, idempotently:
# - cairo/pango/jpeg/gif/rsvg headers: canvas compiles from source here (no prebuilt binary can be downloaded);
# - chromium: the gallery's browser test drives Debian's chromium (no test tool can download a browser).
# Safe to run again: it only calls apt-get when something is missing.
set -euo pipefail

packages=(build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev chromium)

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

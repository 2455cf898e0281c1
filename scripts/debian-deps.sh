#!/usr/bin/env bash
# Debian packages the tests use: Chromium for the end-to-end suite (never a downloaded browser),
# poppler-utils (pdftoppm) and qpdf for checking PDFs. Installs only what is missing.
set -euo pipefail
pkgs=(chromium poppler-utils qpdf fonts-dejavu-core)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Shared set-up for scripts/demo.sh and scripts/test.sh: a virtual environment in .venv
# with the package installed (editable), Decap CMS from npm (scripts/decap.sh) and, for the
# tests, Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

extra="${1:-}"
if [ "$extra" = "test" ] && ! command -v chromium >/dev/null 2>&1; then
  as_root=""
  [ "$(id -u)" = 0 ] || as_root="sudo"
  echo "Memasang Chromium (paket Debian) untuk uji peramban..." >&2
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq chromium >/dev/null
fi
bash scripts/decap.sh  # Decap CMS and decap-server from npm: the sites' /admin/ form editor and its browser test
if [ "$extra" = "test" ]; then
  bash scripts/axe.sh  # axe-core from npm for the accessibility test
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ "$extra" = "test" ]; then
  .venv/bin/python -m pip install -q -e '.[test,mesin]'  # mesin: ProperDocs and Zensical, for the engine test
else
  .venv/bin/python -m pip install -q -e .
fi

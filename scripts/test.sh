#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest -q "$@"

#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, lints (ruff, mypy; both configured
# in pyproject.toml), then runs the whole test suite. Arguments go to pytest, e.g.
# `bash scripts/test.sh -m "not slow"` for the quick tier.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/python -m ruff check .
.venv/bin/python -m mypy
exec .venv/bin/python -m pytest -q "$@"

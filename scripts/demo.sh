#!/usr/bin/env bash
# Installs the tool, checks the demo records, builds every unit's site and serves it
# on http://127.0.0.1:8000 (Ctrl+C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/kinerja validate
.venv/bin/kinerja build
echo "Situs demo: http://127.0.0.1:${PORT:-8000}/ (Ctrl+C untuk berhenti)" >&2
exec .venv/bin/python -m http.server "${PORT:-8000}" --bind 127.0.0.1 --directory build/site

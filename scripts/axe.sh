#!/usr/bin/env bash
# axe-core for the accessibility test (tests/test_situs_bangun.py), from npm (never a CDN):
# the package tarball unpacked into node_modules/axe-core, whose axe.min.js the test injects
# into Chromium pages. Needs npm (scripts/decap.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_CORE=4.14.1

bash scripts/npm-pack.sh axe-core "$AXE_CORE"

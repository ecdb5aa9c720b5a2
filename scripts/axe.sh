#!/usr/bin/env bash
# axe-core for the accessibility test (tests/test_aksesibilitas.py), from npm (never a CDN):
# the package tarball unpacked into node_modules/axe-core, whose axe.min.js the test injects
# into Chromium pages. Needs npm (scripts/decap.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_CORE=4.14.1

if ! grep -qs "\"version\": \"$AXE_CORE\"" node_modules/axe-core/package.json; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "axe-core@$AXE_CORE" >/dev/null)
  rm -rf node_modules/axe-core
  mkdir -p node_modules/axe-core
  tar xzf "$tmp/axe-core-$AXE_CORE.tgz" -C node_modules/axe-core --strip-components=1
  rm -rf "$tmp"
fi

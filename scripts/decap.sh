#!/usr/bin/env bash
# Decap CMS for the /admin/ form editor, from npm (never a CDN): the decap-cms bundle (only its
# dist/, from the package tarball) into node_modules/decap-cms, where `kinerja build` looks for
# it, and decap-server (local editing, the browser test). Installs Node.js from apt if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
DECAP_CMS=3.16.3
DECAP_SERVER=3.11.3

if ! command -v npm >/dev/null 2>&1; then
  as_root=""
  [ "$(id -u)" = 0 ] || as_root="sudo"
  echo "Memasang Node.js dan npm (paket Debian) untuk formulir Decap CMS..." >&2
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -x node_modules/.bin/decap-server ]; then
  npm install --no-save --no-package-lock --no-audit --no-fund --ignore-scripts --loglevel=error \
    "decap-server@$DECAP_SERVER" >/dev/null
fi
bash scripts/npm-pack.sh decap-cms "$DECAP_CMS"

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
if ! grep -qs "\"version\": \"$DECAP_CMS\"" node_modules/decap-cms/package.json; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "decap-cms@$DECAP_CMS" >/dev/null)
  rm -rf node_modules/decap-cms
  mkdir -p node_modules/decap-cms
  tar xzf "$tmp/decap-cms-$DECAP_CMS.tgz" -C node_modules/decap-cms --strip-components=1
  rm -rf "$tmp"
fi

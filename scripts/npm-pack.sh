#!/usr/bin/env bash
# Unpacks one npm package's published tarball (npm pack: no install scripts, no dependencies)
# into node_modules/<name>, unless that version is already there. Usage: npm-pack.sh NAME VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
name="$1"
version="$2"
if ! grep -qs "\"version\": \"$version\"" "node_modules/$name/package.json"; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
  rm -rf "node_modules/$name"
  mkdir -p "node_modules/$name"
  tar xzf "$tmp/$name-$version.tgz" -C "node_modules/$name" --strip-components=1
  rm -rf "$tmp"
fi

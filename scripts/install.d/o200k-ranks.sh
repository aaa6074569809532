#!/usr/bin/env bash
# Installs the npm package js-tiktoken (pinned) into a cache folder outside the source tree. The build
# takes the o200k_base rank data from its dist/ranks/o200k_base.js (reference README §6), and the
# tokenizer oracle test encodes its corpus with it.
# Idempotent: a no-op when the pinned version is already there.
#
# Folder: $SIRAYA_NPM_DIR when set; otherwise /var/cache/siraya/npm when /var/cache is writable,
# else ${XDG_CACHE_HOME:-$HOME/.cache}/siraya/npm. cmake/o200k_ranks.cmake looks in the same places.
set -euo pipefail

version=1.0.21

if [ -n "${SIRAYA_NPM_DIR:-}" ]; then
  dir=$SIRAYA_NPM_DIR
elif [ -w /var/cache ]; then
  dir=/var/cache/siraya/npm
else
  dir=${XDG_CACHE_HOME:-$HOME/.cache}/siraya/npm
fi

manifest="$dir/node_modules/js-tiktoken/package.json"
ranks="$dir/node_modules/js-tiktoken/dist/ranks/o200k_base.js"
if [ -f "$ranks" ] && [ -f "$manifest" ] && grep -q "\"version\": *\"$version\"" "$manifest"; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "o200k-ranks: npm is missing (scripts/install-deps.sh installs it)" >&2
  exit 1
fi

echo "o200k-ranks: installing js-tiktoken@$version into $dir"
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --no-update-notifier --loglevel=error \
  "js-tiktoken@$version" >/dev/null
[ -f "$ranks" ] || { echo "o200k-ranks: $ranks is missing after the install" >&2; exit 1; }

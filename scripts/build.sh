#!/usr/bin/env bash
# Installs missing dependencies and builds into build/ (or build-asan/ with --sanitize).
# Warnings are errors when CI=true.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/install-deps.sh"

dir="$root/build"
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${1:-}" = "--sanitize" ]; then
  dir="$root/build-asan"
  flags=(-DCMAKE_BUILD_TYPE=Debug -DSIRAYA_SANITIZE=ON)
fi
[ "${CI:-}" = "true" ] && flags+=(-DSIRAYA_WERROR=ON)

cmake -S "$root" -B "$dir" "${flags[@]}" >/dev/null
cmake --build "$dir" -j "$(nproc)"

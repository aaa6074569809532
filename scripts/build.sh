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
# ccache (installed by install-deps.sh) makes a rebuild from a fresh clone on the same machine
# cheap; paths are hashed relative to the source root so that clones share the cache.
if command -v ccache >/dev/null 2>&1; then
  flags+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
fi

cmake -S "$root" -B "$dir" "${flags[@]}" >/dev/null
cmake --build "$dir" -j "$(nproc)"

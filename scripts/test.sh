#!/usr/bin/env bash
# Runs every test: builds (installing what is missing), then CTest. With --sanitize, the same
# under AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/build.sh" "$@"
dir="$root/build"
[ "${1:-}" = "--sanitize" ] && dir="$root/build-asan"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$dir" && ctest --output-on-failure -j "$(nproc)" --timeout 300

#!/usr/bin/env bash
# The main job: build, then run every bundled suite against the embedded siraya-mock and print
# the conformance report. Extra arguments go to `siraya-harness run` (e.g. --base-url URL).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/build.sh" >/dev/null
exec "$root/build/harness/siraya-harness" run --junit "$root/build/conformance-junit.xml" "$@"

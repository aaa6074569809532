#!/usr/bin/env bash
# Throughput of the o200k_base tokenizer (core/tokenizer/) on 1 MiB of mixed text: the strings of
# tests/data/tokenizer_corpus.json (prose, accented Latin, CJK, emoji, code, white-space runs,
# numbers) repeated until the size is reached. Prints a small markdown section on stdout.
#
#   bench/tokenizer.sh [--no-build] [--bytes N] [--runs R]
#
# Builds the tests-only tool siraya-tokenize in Release into build-bench/ (as bench/run.sh does
# for its binaries) and runs its --bench mode: the figure is the best of R encodes (default 5) of
# the same text in one process, after the tokenizer's one-time load, which is printed apart.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build-bench
BYTES=1048576
RUNS=5
BUILD_BINARY=1
while (($#)); do
  case $1 in
    --no-build) BUILD_BINARY=0 ;;
    --bytes) BYTES=${2:?--bytes needs a number}; shift ;;
    --runs) RUNS=${2:?--runs needs a number}; shift ;;
    -h | --help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "tokenizer.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if ((BUILD_BINARY)); then
  echo "[bench] building siraya-tokenize (Release) into $BUILD" >&2
  mkdir -p "$BUILD"
  { cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release &&
    cmake --build "$BUILD" -j2 --target siraya-tokenize; } >"$BUILD/tokenizer-build.log" 2>&1 ||
    { echo "[bench] build failed, see $BUILD/tokenizer-build.log" >&2; exit 1; }
fi
BIN=$BUILD/tests/tokenizer/siraya-tokenize
[[ -x $BIN ]] || { echo "[bench] $BIN is missing (run without --no-build)" >&2; exit 1; }

echo "## Tokenizer (o200k_base)"
echo
echo "Input: tests/data/tokenizer_corpus.json repeated to $BYTES bytes; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)."
echo
echo '```'
"$BIN" --bench "$ROOT/tests/data/tokenizer_corpus.json" --bytes "$BYTES" --runs "$RUNS"
echo '```'

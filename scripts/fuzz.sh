#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, docs/fuzzing.md) with clang into build-fuzz/ and runs each
# for a bounded time on its seed corpus, after replaying the inputs of fuzz/regressions/<target>/.
#
#   scripts/fuzz.sh [--seconds N] [target...]     (default: 15 seconds, every target)
#
# Exits 1 when a target crashes, leaks, times out (-timeout=10 per input) or runs out of memory
# (-rss_limit_mb=2048), printing the path of the input that reproduces it; 2 on bad usage.
# SIRAYA_FUZZ_SEED (default 1) seeds libFuzzer's own randomness; SIRAYA_FUZZ_ARGS adds flags.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/build-fuzz"

all=(sse_decoder suite_loader chat_completions responses messages embeddings rerank fault_header rules config
     schema_generator tokenizer)
seconds=15
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) [ $# -ge 2 ] || { echo "fuzz.sh: --seconds needs a value" >&2; exit 2; }
               seconds=$2; shift 2 ;;
    --seconds=*) seconds=${1#--seconds=}; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: --seconds takes a whole number" >&2; exit 2; }
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target $t (one of: ${all[*]})" >&2; exit 2; }
done

# The build's own dependencies, then clang and its runtime (libFuzzer, the sanitizers).
bash "$root/scripts/install-deps.sh"
clang_missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || clang_missing+=("$p")
done
if [ ${#clang_missing[@]} -gt 0 ]; then
  echo "fuzz.sh: installing ${clang_missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${clang_missing[@]}" >/dev/null
fi
cxx=$(command -v clang++-14 || command -v clang++)

flags=(-DCMAKE_BUILD_TYPE=Debug -DSIRAYA_FUZZ=ON -DSIRAYA_BUILD_TESTS=OFF -DCMAKE_CXX_COMPILER="$cxx")
[ "${CI:-}" = "true" ] && flags+=(-DSIRAYA_WERROR=ON)
if command -v ccache >/dev/null 2>&1; then
  flags+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
fi
cmake -S "$root" -B "$dir" "${flags[@]}" >/dev/null
build_targets=(siraya_fuzz_seeds)
for t in "${targets[@]}"; do build_targets+=("${t}_fuzz"); done
cmake --build "$dir" -j "$(nproc)" --target "${build_targets[@]}"

# Seeds cut out of the test data, regenerated each run (fuzz/make_seeds.cc).
rm -rf "$dir/fuzz-seeds"
"$dir/fuzz/siraya_fuzz_seeds" "$root" "$dir/fuzz-seeds"

# Whole test-data files per target, besides the generated seeds.
seed_dirs() {
  case "$1" in
    sse_decoder) echo "$root/tests/corpus/sse" ;;
    suite_loader) echo "$root/suites $root/tests/data/broken_suites" ;;
    rules) echo "$root/examples/rules $root/tests/data/bad_rules" ;;
    config) echo "$root/tests/data/good_configs $root/tests/data/bad_configs" ;;
    *) echo "$dir/fuzz-seeds/$1" ;;
  esac
}
# Inputs longer than the largest seed only slow the text targets down (a 120 KB SSE capture
# would set the limit); the JSON targets keep libFuzzer's default (their largest seed).
max_len() {
  case "$1" in
    sse_decoder|tokenizer) echo 8192 ;;
    fault_header) echo 512 ;;
  esac
}
dictionary() {
  case "$1" in
    chat_completions|responses|messages|embeddings|rerank) echo request ;;
    *) echo "$1" ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for t in "${targets[@]}"; do
  bin="$dir/fuzz/${t}_fuzz"
  artifacts="$dir/fuzz-artifacts/$t"
  corpus="$dir/fuzz-corpus/$t"
  log="$dir/fuzz-logs/$t.log"
  mkdir -p "$artifacts" "$corpus" "$(dirname "$log")"
  common=(-timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/")

  # Every input that once crashed a target must pass before new inputs are tried.
  regressions=()
  if [ -d "$root/fuzz/regressions/$t" ]; then
    while IFS= read -r -d '' f; do regressions+=("$f"); done \
      < <(find "$root/fuzz/regressions/$t" -type f -print0 | sort -z)
  fi
  if [ ${#regressions[@]} -gt 0 ]; then
    for f in "${regressions[@]}"; do
      if ! "$bin" "${common[@]}" "$f" >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "fuzz.sh: $t: regression input fails again: $f (log: $log)" >&2
        failed+=("$t")
        continue 2
      fi
    done
  fi

  extra=()
  [ -n "$(max_len "$t")" ] && extra+=(-max_len="$(max_len "$t")")
  [ -f "$root/fuzz/dictionaries/$(dictionary "$t").dict" ] && extra+=(-dict="$root/fuzz/dictionaries/$(dictionary "$t").dict")
  # shellcheck disable=SC2046,SC2086
  if "$bin" "${common[@]}" "${extra[@]}" -max_total_time="$seconds" -seed="${SIRAYA_FUZZ_SEED:-1}" \
       -print_final_stats=1 ${SIRAYA_FUZZ_ARGS:-} "$corpus" $(seed_dirs "$t") >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
    echo "fuzz.sh: $t: ok (${runs:-?} runs in ${seconds}s, ${cov:-cov: ?}, ${#regressions[@]} regressions replayed)"
  else
    tail -n 60 "$log" >&2
    reproducer=$(grep -o "Test unit written to .*" "$log" | tail -n 1 | sed 's/^Test unit written to //' || true)
    echo "fuzz.sh: $t: FAILED; reproduce with: $bin ${reproducer:-<input>} (log: $log)" >&2
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets passed"

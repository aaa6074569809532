#!/usr/bin/env bash
# Soak test of siraya-mock: mixed load over every endpoint (buffered and streamed, tools,
# structured output, documented errors and stream faults; bench/wrk/mixed.lua) for a bounded time,
# with the mock's memory sampled every second. Memory must not grow after warm-up.
#
#   bench/soak.sh [--minutes M] [--connections C] [--no-build]
#
# Runs as root on Debian 12 (installs wrk and procps when missing), builds Release binaries into
# build-bench/, everything on 127.0.0.1. Writes bench/results/soak.md (and prints it); exits 1
# when the resident memory at the end exceeds the warm-up level by more than 10 % + 8 MiB, or
# when the mock dies.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build-bench
MINUTES=5
CONNS=32
BUILD_BINARIES=1
while (($#)); do
  case $1 in
    --minutes) MINUTES=${2:?--minutes needs a number}; shift ;;
    --connections) CONNS=${2:?--connections needs a number}; shift ;;
    --no-build) BUILD_BINARIES=0 ;;
    -h | --help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[[ $MINUTES =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: --minutes must be a whole number" >&2; exit 2; }
[[ $CONNS =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: --connections must be a whole number" >&2; exit 2; }

log() { printf '[soak] %s\n' "$*" >&2; }
TMP=$(mktemp -d /tmp/siraya-soak.XXXXXX)
MOCK_PID=""
WRK_PID=""
cleanup() {
  [[ -n $WRK_PID ]] && kill "$WRK_PID" 2>/dev/null || true
  [[ -n $MOCK_PID ]] && kill "$MOCK_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkfifo "$TMP/never"
exec {NEVER_FD}<>"$TMP/never"
pause() { read -r -t "$1" -u "$NEVER_FD" || true; }
rss_kib() { awk '$1 == "VmRSS:" { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
threads() { awk '$1 == "Threads:" { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v ps >/dev/null || missing+=(procps)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2 || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2; }
fi
if ((BUILD_BINARIES)); then
  log "building Release binaries into $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j "$(nproc)" --target siraya-mock >&2
fi
MOCK=$BUILD/mock/siraya-mock
[[ -x $MOCK ]] || { echo "soak.sh: $MOCK is missing (run without --no-build)" >&2; exit 1; }

"$MOCK" --port 0 --seed 42 --key bench-key >"$TMP/mock.out" 2>"$TMP/mock.err" &
MOCK_PID=$!
for _ in $(seq 1 500); do grep -q "listening on" "$TMP/mock.out" 2>/dev/null && break; pause 0.01; done
PORT=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$TMP/mock.out")
[[ -n $PORT ]] || { echo "soak.sh: the mock did not start" >&2; cat "$TMP/mock.err" >&2; exit 1; }

SECONDS_TOTAL=$((MINUTES * 60))
WARMUP=$((SECONDS_TOTAL / 5))  # the first fifth: allocator pools and thread stacks settle
log "mixed load, $CONNS connections, $MINUTES min (warm-up ${WARMUP} s) against 127.0.0.1:$PORT"
SIRAYA_BENCH_KEY=bench-key wrk -t2 -c"$CONNS" -d"${SECONDS_TOTAL}s" --timeout 5s -s "$ROOT/bench/wrk/mixed.lua" \
  "http://127.0.0.1:$PORT" >"$TMP/wrk.out" 2>&1 &
WRK_PID=$!
: >"$TMP/samples"
start=$EPOCHSECONDS
while kill -0 "$WRK_PID" 2>/dev/null && ((EPOCHSECONDS - start <= SECONDS_TOTAL + 10)); do
  kill -0 "$MOCK_PID" 2>/dev/null || break
  echo "$((EPOCHSECONDS - start)) $(rss_kib "$MOCK_PID") $(threads "$MOCK_PID")" >>"$TMP/samples"
  pause 1
done
wait "$WRK_PID" || true
WRK_PID=""
alive=yes
kill -0 "$MOCK_PID" 2>/dev/null || alive=no

summary=$(grep '^BENCH' "$TMP/wrk.out" || true)
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<" $summary"; }
warm=$(awk -v w="$WARMUP" '$1 >= w { print $2; exit }' "$TMP/samples")
warm=${warm:-0}
last=$(tail -n1 "$TMP/samples" | awk '{ print $2 }')
peak=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$TMP/samples")
# Least-squares slope of RSS over time after warm-up, in KiB per minute.
slope=$(awk -v w="$WARMUP" '$1 >= w { n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 }
  END { d = n * sxx - sx * sx; printf "%.1f", (n > 1 && d != 0 ? (n * sxy - sx * sy) / d * 60 : 0) }' "$TMP/samples")
limit=$((warm + warm / 10 + 8192))
verdict=met
[[ $alive == yes && $last -le $limit ]] || verdict="**missed**"

{
  echo "# siraya-mock soak ($MINUTES min, $CONNS connections)"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown); nproc $(nproc)"
  echo "- reproduce (as root, from the repository root): \`bench/soak.sh --minutes $MINUTES --connections $CONNS\`"
  echo "- load: \`wrk -t2 -c$CONNS -d${SECONDS_TOTAL}s -s bench/wrk/mixed.lua\`: a rotation of 16 requests over every endpoint, buffered and streamed, tools, structured output, 400s, a forced 429 and two stream faults"
  echo
  echo "| requests | req/s | p50 ms | p99 ms | transport errors (wrk) | non-2xx (expected: 3 of 16, the 429 and two 400s) |"
  echo "|---:|---:|---:|---:|---:|---:|"
  reqs=$(field requests); dur=$(field duration_us)
  echo "| $reqs | $(awk -v r="$reqs" -v d="$dur" 'BEGIN { printf "%.0f", (d > 0 ? r / (d / 1e6) : 0) }') | $(awk -v v="$(field p50_us)" 'BEGIN { printf "%.2f", v / 1000 }') | $(awk -v v="$(field p99_us)" 'BEGIN { printf "%.2f", v / 1000 }') | $(($(field connect) + $(field read) + $(field write) + $(field timeout))) | $(field status) |"
  echo
  echo "| RSS after warm-up | RSS at the end | peak RSS | slope after warm-up | limit (warm-up + 10 % + 8 MiB) | mock alive | |"
  echo "|---:|---:|---:|---:|---:|---|---|"
  echo "| $((warm / 1024)) MiB | $((last / 1024)) MiB | $((peak / 1024)) MiB | $slope KiB/min | $((limit / 1024)) MiB | $alive | $verdict |"
  echo
  echo "RSS every 30 s (seconds, MiB, threads):"
  echo
  echo '```'
  awk 'NR == 1 || $1 % 30 == 0 { printf "%5d s %8.1f MiB %6d threads\n", $1, $2 / 1024, $3 }' "$TMP/samples"
  echo '```'
} | tee "$ROOT/bench/results/soak.md"
[[ $verdict == met ]]

#!/usr/bin/env bash
# Benchmark of siraya-mock and siraya-harness, side by side with a static nginx reply, in one run.
# See bench/README.md for what each figure means and the targets they are read against.
#
#   bench/run.sh [--quick] [--duration SECONDS] [--streams N] [--no-install] [--no-build]
#
# Runs as root on Debian 12: installs wrk, nginx-light, procps, iproute2 and curl with apt-get when
# they are missing, builds the Release binaries into build-bench/, and measures everything on
# 127.0.0.1 only. Every load loop is bounded in time and every process started here is stopped on
# exit. The markdown report goes to stdout and to bench/results/latest.md; progress and raw tool
# output go to stderr and build-bench/bench-logs/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
BUILD=$ROOT/build-bench
LOGS=$BUILD/bench-logs
RESULTS=$BENCH/results
KEY=bench-key
SEED=42

# Full run: about 2 minutes of measuring on 2 cores (plus the build); --quick: under a minute.
MODE=full
DURATION=8          # wrk -d per load run, seconds
WARMUP=2            # one discarded wrk run per server before measuring
CONNS=(1 16 64 256)
STREAM_RUNS=20
FLOOD_STREAMS=10000       # concurrent streams (issue target: 10,000 with memory under 1 GiB)
# Pause between the 100 events (>= 19.8 s a stream), so every stream is still open when the last
# starts. 10,000 streams at 200 ms are 50,000 events/s; at 50 ms (200,000 events/s) two cores are
# saturated by the events alone and the figure measures the CPU, not how many streams fit.
FLOOD_INTERVAL_MS=200
FLOOD_DEADLINE_S=120
START_RUNS=10
HARNESS_RUNS=3
CONTROL=1           # a deliberately starved mock (--threads 8) shows the honesty check works
INSTALL=1
BUILD_BINARIES=1

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

ARGS=("$@")
while (($#)); do
  case $1 in
    --quick) MODE=quick; DURATION=3; WARMUP=1; STREAM_RUNS=10; START_RUNS=5; HARNESS_RUNS=1; CONTROL=0; FLOOD_STREAMS=2000 ;;
    --streams) FLOOD_STREAMS=${2:?--streams needs a count}; shift ;;
    --duration) DURATION=${2:?--duration needs seconds}; shift ;;
    --no-install) INSTALL=0 ;;
    --no-build) BUILD_BINARIES=0 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[[ $DURATION =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --duration must be a whole number of seconds" >&2; exit 2; }

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Process bookkeeping: every background process is tracked and stopped on exit.
TMP=$(mktemp -d /tmp/siraya-bench.XXXXXX)
PIDS=()
POLICY_RC_CREATED=0
track() { PIDS+=("$1"); }
untrack() {
  local keep=() p
  for p in "${PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}
# True while the process runs; a zombie (exited, not yet reaped) counts as gone, since bash does
# not reap children while it runs a trap.
alive() {
  local stat
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}
MAIN_PID=$BASHPID
cleanup() {
  # A subshell that receives a signal before it has reset the inherited traps must not clean up.
  [[ $BASHPID == "$MAIN_PID" ]] || return 0
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    # Bounded: a process that ignores SIGTERM for 3 s is killed.
    local i
    for ((i = 0; i < 30; i++)); do alive "$p" || break; [[ -n ${NEVER_FD:-} ]] && pause 0.1; done
    alive "$p" && kill -KILL "$p" 2>/dev/null
    wait "$p" 2>/dev/null || true
  done
  ((POLICY_RC_CREATED)) && rm -f /usr/sbin/policy-rc.d
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A fifo opened read-write never delivers data, so `read -t` on it is a pause without a child
# process (nothing to clean up if the run is interrupted).
mkfifo "$TMP/never"
exec {NEVER_FD}<>"$TMP/never"
pause() { read -r -t "$1" -u "$NEVER_FD" || true; }
# Pauses until `start + offset` seconds (used to place probes inside a load run, never to wait
# for readiness).
pause_until() {
  local left
  left=$(awk -v s="$1" -v o="$2" -v n="$EPOCHREALTIME" 'BEGIN { d = s + o - n; printf "%.3f", (d > 0 ? d : 0) }')
  [[ $left == 0.000 ]] || pause "$left"
}

# Stops a process with SIGTERM, kills it after about `limit` seconds; returns its exit status.
# Polls with kill -0 (bash reaps its children as they exit) rather than starting a watchdog
# subshell: killing a subshell right after fork can make it run this script's traps.
stop_pid() {
  local pid=$1 limit=${2:-5} rc=0 i
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < limit * 1000; i++)); do
    alive "$pid" || break
    pause 0.001
  done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
  wait "$pid" || rc=$?
  untrack "$pid"
  return "$rc"
}

# ---------------------------------------------------------------------------------------------
# Numbers
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minimum() { sort -g | head -n1; }
maximum() { sort -g | tail -n1; }
us_to_ms() { awk -v v="$1" 'BEGIN { printf "%.2f", v / 1000 }'; }
s_to_ms() { awk -v v="$1" 'BEGIN { printf "%.1f", v * 1000 }'; }
kib_to_mib() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1024 }'; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", b - a }'; }
proc_field() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# ---------------------------------------------------------------------------------------------
# Set-up: tools, binaries
install_tools() {
  local need=()
  command -v wrk >/dev/null || need+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx-light)
  command -v curl >/dev/null || need+=(curl)
  command -v ss >/dev/null || need+=(iproute2)
  command -v ps >/dev/null || need+=(procps)
  ((${#need[@]})) || return 0
  ((INSTALL)) || die "missing tools (${need[*]}); run without --no-install, as root"
  [[ $(id -u) == 0 ]] || die "missing tools (${need[*]}); run as root so apt-get can install them"
  log "installing ${need[*]}"
  # The nginx package would start a system-wide nginx on port 80; keep services down while
  # installing (the usual policy-rc.d convention), unless the machine already has a policy.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
  if ((POLICY_RC_CREATED)); then rm -f /usr/sbin/policy-rc.d; POLICY_RC_CREATED=0; fi
}

build_binaries() {
  mkdir -p "$LOGS"
  if ((BUILD_BINARIES)); then
    log "building Release binaries into $BUILD (log: $LOGS/build.log)"
    { cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release &&
      cmake --build "$BUILD" -j2 --target siraya-mock siraya-harness siraya-stream-flood; } >"$LOGS/build.log" 2>&1 ||
      { tail -n 30 "$LOGS/build.log" >&2; die "build failed (see $LOGS/build.log)"; }
  fi
  MOCK_BIN=$BUILD/mock/siraya-mock
  HARNESS_BIN=$BUILD/harness/siraya-harness
  FLOOD_BIN=$BUILD/bench/siraya-stream-flood
  [[ -x $MOCK_BIN && -x $HARNESS_BIN && -x $FLOOD_BIN ]] || die "binaries missing in $BUILD (run without --no-build)"
  NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
}

# The commit of the work tree, read from .git without running git (worktrees included).
git_commit() {
  local gitdir=$ROOT/.git common head ref
  if [[ -f $gitdir ]]; then
    gitdir=$(sed -n 's/^gitdir: //p' "$gitdir")
    [[ $gitdir == /* ]] || gitdir=$ROOT/$gitdir
  fi
  [[ -r $gitdir/HEAD ]] || { echo unknown; return; }
  common=$gitdir
  [[ -r $gitdir/commondir ]] && common=$gitdir/$(<"$gitdir/commondir")
  head=$(<"$gitdir/HEAD")
  if [[ $head != ref:* ]]; then echo "$head"; return; fi
  ref=${head#ref: }
  if [[ -r $common/$ref ]]; then
    echo "$(<"$common/$ref") ($ref)"
  elif [[ -r $common/packed-refs ]] && grep -q " $ref\$" "$common/packed-refs"; then
    echo "$(awk -v r="$ref" '$2 == r { print $1 }' "$common/packed-refs") ($ref)"
  else
    echo "none yet ($ref)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Servers
free_port() {
  local p i
  for ((i = 0; i < 100; i++)); do
    p=$((20000 + RANDOM % 20000))
    [[ -z $(ss -Htan "( sport = :$p )") ]] && { echo "$p"; return; }
  done
  die "no free port found"
}

# Connects to 127.0.0.1:port in a tight loop until it accepts (bounded by `limit` seconds and by
# the process staying alive); leaves the connection open on fd CONN_FD.
connect_when_ready() {
  local port=$1 pid=$2 limit=$3 deadline tries=0
  deadline=$(awk -v n="$EPOCHREALTIME" -v l="$limit" 'BEGIN { printf "%.6f", n + l }')
  until { exec {CONN_FD}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; do
    if ((++tries % 256 == 0)); then
      kill -0 "$pid" 2>/dev/null || return 1
      awk -v n="$EPOCHREALTIME" -v d="$deadline" 'BEGIN { exit !(n > d) }' && return 1
    fi
  done
  return 0
}

# Starts siraya-mock on a port the OS picks and reads the port from its first stdout line.
# Sets MOCK_PID, MOCK_PORT, MOCK_FD.
start_mock() {
  local fifo=$TMP/mock-out.$RANDOM line
  mkfifo "$fifo"
  "$MOCK_BIN" --host 127.0.0.1 --port 0 --key "$KEY" --seed "$SEED" "$@" >"$fifo" 2>>"$LOGS/mock.stderr" &
  MOCK_PID=$!
  track "$MOCK_PID"
  exec {MOCK_FD}<"$fifo"
  rm -f "$fifo"
  read -r -t 10 -u "$MOCK_FD" line || die "siraya-mock printed no start line within 10 s (see $LOGS/mock.stderr)"
  [[ $line =~ listening\ on\ http://[^\ ]+:([0-9]+) ]] || die "unexpected start line from siraya-mock: $line"
  MOCK_PORT=${BASH_REMATCH[1]}
  log "siraya-mock $* pid $MOCK_PID on port $MOCK_PORT"
}

stop_mock() {
  local rc=0
  stop_pid "$MOCK_PID" 10 || rc=$?
  exec {MOCK_FD}<&-
  ((rc == 0)) || ANOMALIES+=("siraya-mock (pid $MOCK_PID) exited with status $rc on SIGTERM (0 expected)")
}

start_nginx() {
  NGINX_DIR=$TMP/nginx
  mkdir -p "$NGINX_DIR"
  NGINX_PORT=$(free_port)
  sed -e "s#@DIR@#$NGINX_DIR#g" -e "s#@PORT@#$NGINX_PORT#g" "$BENCH/nginx.conf.template" >"$NGINX_DIR/nginx.conf"
  "$NGINX_BIN" -t -q -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" 2>>"$LOGS/nginx.stderr" ||
    die "nginx rejected its config (see $LOGS/nginx.stderr)"
  "$NGINX_BIN" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" 2>>"$LOGS/nginx.stderr" &
  NGINX_PID=$!
  track "$NGINX_PID"
  connect_when_ready "$NGINX_PORT" "$NGINX_PID" 10 || die "nginx did not accept connections (see $LOGS/nginx.stderr)"
  exec {CONN_FD}>&-
  log "nginx pid $NGINX_PID on port $NGINX_PORT"
}

stop_nginx() {
  cp "$NGINX_DIR/error.log" "$LOGS/nginx-error.log" 2>/dev/null || true
  stop_pid "$NGINX_PID" 10 || true
}

# ---------------------------------------------------------------------------------------------
# Measurements
chat_curl() {  # port body_file: execs curl, which prints "status time_total"
  exec curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time "$((DURATION + 5))" \
    -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' --data-binary "@$2" \
    "http://127.0.0.1:$1/v1/chat/completions"
}
chat_request() { (chat_curl "$@") || true; }

# One wrk run of non-streaming chat completions, with the honesty probes inside it: a fresh curl
# request at 1/2 of the run, and at 3/4 a snapshot (ss) of every client connection to the
# server: how many have received no byte at all. Results go to R[label,field].
declare -A R
load_run() {
  local label=$1 port=$2 conns=$3 duration=$4 threads=2
  ((conns < 2)) && threads=1
  local out=$LOGS/wrk-$label.txt
  R[$label,threads]=$threads
  SIRAYA_BENCH_BODY_FILE=$BENCH/requests/chat.json SIRAYA_BENCH_KEY=$KEY \
    wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 2s --latency -s "$BENCH/wrk/post_body.lua" \
    "http://127.0.0.1:$port/v1/chat/completions" >"$out" 2>&1 &
  local wrk_pid=$! start=$EPOCHREALTIME
  track "$wrk_pid"

  pause_until "$start" "$(awk -v d="$duration" 'BEGIN { print d / 2 }')"
  # In a subshell that becomes curl, so the tracked pid is curl's own.
  (chat_curl "$port" "$BENCH/requests/chat.json") >"$LOGS/curl-mid-$label.txt" &
  local curl_pid=$!
  track "$curl_pid"

  pause_until "$start" "$(awk -v d="$duration" 'BEGIN { print d * 3 / 4 }')"
  ss -tinHO state established state syn-sent state close-wait "( dport = :$port )" >"$LOGS/ss-$label.txt" 2>&1 || true
  R[$label,acceptq]=$(ss -Htln "( sport = :$port )" | awk '{ print $2; exit }')
  # Per connection: bytes_received (total so far) and lastrcv (ms since it last received data);
  # ss prints either only when it is not zero.
  read -r "R[$label,seen]" "R[$label,starved]" "R[$label,minbytes]" "R[$label,medbytes]" "R[$label,maxidle]" < <(
    awk '{ b = 0; i = 0
           if (match($0, /bytes_received:[0-9]+/)) b = substr($0, RSTART + 15, RLENGTH - 15) + 0
           if (match($0, /lastrcv:[0-9]+/)) i = substr($0, RSTART + 8, RLENGTH - 8) + 0
           print b, i }' "$LOGS/ss-$label.txt" | sort -g |
      awk '{ a[NR] = $1; if ($1 == 0) z++; if ($2 > m) m = $2 }
           END { printf "%d %d %d %d %d\n", NR, z, NR ? a[1] : 0, NR ? a[int((NR + 1) / 2)] : 0, m }')

  wait "$wrk_pid" || true
  untrack "$wrk_pid"
  wait "$curl_pid" || true
  untrack "$curl_pid"

  local line
  line=$(grep '^BENCH ' "$out" || true)
  [[ -n $line ]] || { ANOMALIES+=("wrk printed no summary for $label (see $LOGS/wrk-$label.txt)"); line="BENCH requests=0 duration_us=1"; }
  local kv
  for kv in ${line#BENCH }; do R[$label,${kv%%=*}]=${kv#*=}; done
  R[$label,rps]=$(awk -v n="${R[$label,requests]}" -v d="${R[$label,duration_us]}" 'BEGIN { printf "%.0f", n / (d / 1e6) }')
  R[$label,errors]=$(awk -v a="${R[$label,connect]:-0}" -v b="${R[$label,read]:-0}" -v c="${R[$label,write]:-0}" \
    -v s="${R[$label,status]:-0}" -v t="${R[$label,timeout]:-0}" 'BEGIN { print a + b + c + s + t }')
  read -r "R[$label,curl_code]" "R[$label,curl_s]" <"$LOGS/curl-mid-$label.txt" || true
  : "${R[$label,curl_code]:=none}" "${R[$label,curl_s]:=0}"
  log "$label: ${R[$label,rps]} req/s, p99 $(us_to_ms "${R[$label,p99_us]:-0}") ms, errors ${R[$label,errors]}," \
    "no-byte connections ${R[$label,starved]}/${R[$label,seen]}, mid-run curl ${R[$label,curl_code]} in $(s_to_ms "${R[$label,curl_s]}") ms"
}

error_text() {
  local l=$1 parts=() f
  for f in status connect read write timeout; do
    ((${R[$l,$f]:-0} > 0)) && parts+=("$f ${R[$l,$f]}")
  done
  ((${#parts[@]})) && { local IFS=,; echo "${parts[*]}"; } || echo 0
}

# STREAM_RUNS streamed chat requests on new connections; sets S_* (medians, events, [DONE]).
# Optional: an extra header, and the name of the body file kept in $LOGS.
stream_runs() {
  local port=$1 header=${2:-x-bench: default} body=${3:-stream-body.txt} i line code ttfb total size
  : >"$TMP/stream-times"
  for ((i = 0; i < STREAM_RUNS; i++)); do
    line=$(curl -sN -o "$LOGS/$body" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
      --max-time 10 -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -H "$header" \
      --data-binary "@$BENCH/requests/chat_stream.json" "http://127.0.0.1:$port/v1/chat/completions" || true)
    read -r code ttfb total size <<<"$line"
    [[ $code == 200 ]] || { ANOMALIES+=("stream request $i ($header) answered ${code:-nothing}"); continue; }
    echo "$ttfb $total $size" >>"$TMP/stream-times"
  done
  S_OK=$(wc -l <"$TMP/stream-times")
  S_TTFB=$(awk '{ print $1 }' "$TMP/stream-times" | median)
  S_TOTAL=$(awk '{ print $2 }' "$TMP/stream-times" | median)
  S_TOTAL_MAX=$(awk '{ print $2 }' "$TMP/stream-times" | maximum)
  S_BYTES=$(awk '{ print $3 }' "$TMP/stream-times" | median)
  S_EVENTS=$(grep -c '^data:' "$LOGS/$body" || true)
  S_DONE=no
  grep -qx 'data: \[DONE\]' "$LOGS/$body" && S_DONE=yes
  S_EPS=$(awk -v e="$S_EVENTS" -v t="$S_TOTAL" 'BEGIN { printf "%.0f", (t > 0 ? e / t : 0) }')
}

# Start-up: from the fork/exec of siraya-mock to the status line of its first /health answer,
# found by retrying connect() in a tight loop (this loop is the measurement); then the time
# from SIGTERM to exit.
startup_runs() {
  local i port pid t0 t1 line rc
  : >"$TMP/start-times"
  : >"$TMP/stop-times"
  for ((i = 0; i < START_RUNS; i++)); do
    port=$(free_port)
    t0=$EPOCHREALTIME
    "$MOCK_BIN" --host 127.0.0.1 --port "$port" --key "$KEY" --seed "$SEED" >/dev/null 2>>"$LOGS/startup.stderr" &
    pid=$!
    track "$pid"
    if ! connect_when_ready "$port" "$pid" 10; then
      ANOMALIES+=("start-up run $i: siraya-mock did not accept connections within 10 s")
      stop_pid "$pid" 5 || true
      continue
    fi
    printf 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&"$CONN_FD"
    line=""
    read -r -t 10 -u "$CONN_FD" line || true
    t1=$EPOCHREALTIME
    exec {CONN_FD}>&-
    if [[ $line == *" 200 "* ]]; then
      elapsed "$t0" "$t1" >>"$TMP/start-times"
      echo >>"$TMP/start-times"
    else
      ANOMALIES+=("start-up run $i: /health answered '${line%$'\r'}'")
    fi
    t0=$EPOCHREALTIME
    rc=0
    stop_pid "$pid" 10 || rc=$?
    t1=$EPOCHREALTIME
    ((rc == 0)) || ANOMALIES+=("start-up run $i: siraya-mock exited with status $rc on SIGTERM")
    elapsed "$t0" "$t1" >>"$TMP/stop-times"
    echo >>"$TMP/stop-times"
  done
  ST_N=$(grep -c . "$TMP/start-times" || true)
  ST_MED=$(grep . "$TMP/start-times" | median)
  ST_MIN=$(grep . "$TMP/start-times" | minimum)
  ST_MAX=$(grep . "$TMP/start-times" | maximum)
  SD_MED=$(grep . "$TMP/stop-times" | median)
}

harness_runs() {
  local jobs i t0 t1 rc
  H_CASES=$("$HARNESS_BIN" list 2>/dev/null | grep -c . || true)
  for jobs in 1 4; do
    : >"$TMP/harness-$jobs"
    H_RC[$jobs]=0
    for ((i = 0; i < HARNESS_RUNS; i++)); do
      t0=$EPOCHREALTIME
      rc=0
      NO_COLOR=1 timeout 120 "$HARNESS_BIN" run --jobs "$jobs" >"$LOGS/harness-j$jobs.txt" 2>&1 || rc=$?
      t1=$EPOCHREALTIME
      elapsed "$t0" "$t1" >>"$TMP/harness-$jobs"
      echo >>"$TMP/harness-$jobs"
      ((rc == 0)) || H_RC[$jobs]=$rc
    done
    H_MED[$jobs]=$(grep . "$TMP/harness-$jobs" | median)
    H_CPS[$jobs]=$(awk -v c="$H_CASES" -v t="${H_MED[$jobs]}" 'BEGIN { printf "%.0f", (t > 0 ? c / t : 0) }')
    if ((H_RC[$jobs] != 0)); then
      ANOMALIES+=("siraya-harness run --jobs $jobs exited with status ${H_RC[$jobs]}: $(grep -v '^PASS' "$LOGS/harness-j$jobs.txt" | tail -n 2 | tr '\n' ' ')")
    fi
  done
}

# shellcheck source=bench/lib/streams.sh
source "$BENCH/lib/streams.sh"

# ---------------------------------------------------------------------------------------------
ANOMALIES=()
declare -A H_RC H_MED H_CPS FLOOD

install_tools
build_binaries
rm -f "$LOGS"/wrk-*.txt "$LOGS"/ss-*.txt "$LOGS"/curl-mid-*.txt "$LOGS"/*.stderr "$LOGS"/harness-*.txt
DATE=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
COMMIT=$(git_commit)
NPROC=$(nproc)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
KERNEL=$(uname -r)
WRK_VERSION=$(wrk -v 2>&1 | awk 'NR == 1 { print $2 }' || true)
NGINX_VERSION=$("$NGINX_BIN" -v 2>&1 | sed 's#.*/##')
CURL_VERSION=$(curl --version | awk 'NR == 1 { print $2 }')
REPRODUCE="bench/run.sh${ARGS[*]:+ ${ARGS[*]}}"

log "mode $MODE: wrk -d ${DURATION}s at ${CONNS[*]} connections"
start_mock
MOCK_MAIN_PID=$MOCK_PID
MOCK_MAIN_PORT=$MOCK_PORT
# Idle memory: after start and one answered request.
check=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$MOCK_PORT/health" || true)
[[ $check == 200 ]] || die "siraya-mock /health answered '$check'"
IDLE_RSS=$(proc_field "$MOCK_PID" VmRSS)
IDLE_THREADS=$(proc_field "$MOCK_PID" Threads)
# The load must be measured on real answers: the chat request has to succeed first.
check=$(chat_request "$MOCK_PORT" "$BENCH/requests/chat.json" | awk '{ print $1 }')
[[ $check == 200 ]] || die "siraya-mock answered the benchmark chat request with status $check"

start_nginx
check=$(chat_request "$NGINX_PORT" "$BENCH/requests/chat.json" | awk '{ print $1 }')
[[ $check == 200 ]] || die "nginx answered the benchmark chat request with status $check"

log "warm-up (${WARMUP}s each, discarded)"
load_run warmup-mock "$MOCK_PORT" 16 "$WARMUP"
load_run warmup-nginx "$NGINX_PORT" 16 "$WARMUP"
# Interleaved per connection count, so that drift of the machine hits both servers alike.
for c in "${CONNS[@]}"; do
  load_run "mock-c$c" "$MOCK_PORT" "$c" "$DURATION"
  load_run "nginx-c$c" "$NGINX_PORT" "$c" "$DURATION"
done

log "streaming ($STREAM_RUNS requests)"
stream_runs "$MOCK_PORT"

LOADED_HWM=$(proc_field "$MOCK_PID" VmHWM)
LOADED_RSS=$(proc_field "$MOCK_PID" VmRSS)
LOADED_THREADS=$(proc_field "$MOCK_PID" Threads)
NGINX_RSS=$(ps -o rss= -p "$NGINX_PID" --ppid "$NGINX_PID" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
stop_mock
stop_nginx

log "100-event streams ($STREAM_RUNS requests) and $FLOOD_STREAMS concurrent streams, on a fresh siraya-mock"
start_mock --rules "$BENCH/requests/rules_stream_100.json"
stream100_runs "$MOCK_PORT"
flood_run "$MOCK_PORT" "$MOCK_PID"
stop_mock

if ((CONTROL)); then
  log "control: siraya-mock --threads 8 at 256 connections (expected to starve)"
  start_mock --threads 8
  load_run control-c256 "$MOCK_PORT" 256 "$DURATION"
  stop_mock
fi

log "start-up ($START_RUNS starts)"
startup_runs
log "siraya-harness ($HARNESS_RUNS runs per --jobs)"
harness_runs

# ---------------------------------------------------------------------------------------------
# Report
for c in "${CONNS[@]}"; do
  R[ratio,$c]=$(awk -v m="${R[mock-c$c,rps]}" -v n="${R[nginx-c$c,rps]}" 'BEGIN { printf "%.2f", (n > 0 ? m / n : 0) }')
  for s in mock nginx; do
    l=$s-c$c
    ((${R[$l,errors]} > 0)) && ANOMALIES+=("$s at $c connections: wrk errors ($(error_text "$l"))$(
      ((${R[$l,timeout]:-0} > 0)) && echo "; a timeout is a request unanswered after 2 s, left out of wrk's latency figures" || true)")
    ((${R[$l,starved]} > 0)) && ANOMALIES+=("$s at $c connections: ${R[$l,starved]} of ${R[$l,seen]} connections had received no byte at 3/4 of the run")
    ((${R[$l,seen]} < c)) && ANOMALIES+=("$s at $c connections: only ${R[$l,seen]} connections open at 3/4 of the run")
    [[ ${R[$l,curl_code]} == 200 ]] || ANOMALIES+=("$s at $c connections: the mid-run curl request got '${R[$l,curl_code]}'")
    ((${R[$l,maxidle]:-0} > 1000)) && ANOMALIES+=("$s at $c connections: a connection had received nothing for ${R[$l,maxidle]} ms at 3/4 of the run")
    awk -v t="${R[$l,curl_s]}" 'BEGIN { exit !(t > 0.1) }' &&
      ANOMALIES+=("$s at $c connections: the mid-run curl request took $(s_to_ms "${R[$l,curl_s]}") ms")
  done
done
if ((CONTROL)) && ((${R[control-c256,starved]} == 0)); then
  ANOMALIES+=("the starved control run showed no starved connection: the ss check may not see starvation here")
fi

met() { awk "BEGIN { exit !($1) }" && echo met || echo "**missed**"; }
MIN_RATIO=$(printf '%s\n' "${R[ratio,16]:-0}" "${R[ratio,64]:-0}" | minimum)
MAX_P99=$(printf '%s\n' "${R[mock-c16,p99_us]:-0}" "${R[mock-c64,p99_us]:-0}" | maximum)
ERR_1664=$((${R[mock-c16,errors]:-0} + ${R[mock-c64,errors]:-0} + ${R[mock-c16,starved]:-0} + ${R[mock-c64,starved]:-0}))

REPORT=$TMP/report.md
{
  echo "# siraya benchmark ($MODE run)"
  echo
  echo "- date: $DATE"
  echo "- commit: $COMMIT"
  echo "- machine: nproc $NPROC, $CPU, Linux $KERNEL"
  echo "- tools: wrk $WRK_VERSION, nginx $NGINX_VERSION, curl $CURL_VERSION; binaries: Release build in build-bench/"
  echo "- reproduce (as root, from the repository root): \`$REPRODUCE\`"
  echo "- everything on 127.0.0.1; wrk and the servers share the same $NPROC cores, so read figures as ±30 % and compare ratios within this run"
  echo
  echo "## 1. Non-streaming chat completion"
  echo
  echo "POST /v1/chat/completions with bench/requests/chat.json; nginx returns a fixed chat completion of similar size."
  echo "\`wrk -tT -cC -d${DURATION}s --timeout 2s --latency -s bench/wrk/post_body.lua\` (T = 1 at 1 connection, else 2). Errors: non-2xx, connect, read, write, timeout."
  echo
  echo "| conns | mock req/s | mock p50 ms | mock p99 ms | mock errors | nginx req/s | nginx p50 ms | nginx p99 ms | nginx errors | mock/nginx |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for c in "${CONNS[@]}"; do
    echo "| $c | ${R[mock-c$c,rps]} | $(us_to_ms "${R[mock-c$c,p50_us]:-0}") | $(us_to_ms "${R[mock-c$c,p99_us]:-0}") | $(error_text "mock-c$c") |" \
      "${R[nginx-c$c,rps]} | $(us_to_ms "${R[nginx-c$c,p50_us]:-0}") | $(us_to_ms "${R[nginx-c$c,p99_us]:-0}") | $(error_text "nginx-c$c") | ${R[ratio,$c]} |"
  done
  echo
  echo "Response size (bytes per response incl. headers, from wrk): mock $(awk -v b="${R[mock-c16,bytes]:-0}" -v n="${R[mock-c16,requests]:-1}" 'BEGIN { printf "%.0f", b / n }')," \
    "nginx $(awk -v b="${R[nginx-c16,bytes]:-0}" -v n="${R[nginx-c16,requests]:-1}" 'BEGIN { printf "%.0f", b / n }')."
  echo
  echo "## 2. Honesty checks (progress per connection)"
  echo
  echo "wrk never counts a request that is never answered. At 3/4 of each run, \`ss -tinO\` lists every client connection to the server:"
  echo "bytes received so far, and the longest time any connection has gone without receiving a byte (lastrcv). At 1/2 of each run"
  echo "a fresh \`curl\` sends the same request on a new connection."
  echo
  echo "| run | conns open at 3/4 | received no byte | min / median bytes received | longest silence (ms) | accept queue | fresh curl mid-run |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  labels=()
  for c in "${CONNS[@]}"; do labels+=("mock-c$c" "nginx-c$c"); done
  ((CONTROL)) && labels+=(control-c256)
  for l in "${labels[@]}"; do
    name=$l
    [[ $l == control-c256 ]] && name="control: mock --threads 8, 256 conns (${R[$l,rps]} req/s, p99 $(us_to_ms "${R[$l,p99_us]:-0}") ms, errors $(error_text "$l"))"
    echo "| $name | ${R[$l,seen]} | ${R[$l,starved]} | ${R[$l,minbytes]} / ${R[$l,medbytes]} | ${R[$l,maxidle]} | ${R[$l,acceptq]:-?} |" \
      "${R[$l,curl_code]} in $(s_to_ms "${R[$l,curl_s]}") ms |"
  done
  echo
  echo "## 3. Streaming"
  echo
  echo "\`curl -sN\` with bench/requests/chat_stream.json, a new connection each time, $S_OK of $STREAM_RUNS answered 200 (idle server)."
  echo
  echo "| time to first byte (median) | total time (median / max) | events per response | events/s | bytes | ends with [DONE] |"
  echo "|---:|---:|---:|---:|---:|---|"
  echo "| $(s_to_ms "$S_TTFB") ms | $(s_to_ms "$S_TOTAL") / $(s_to_ms "$S_TOTAL_MAX") ms | $S_EVENTS | $S_EPS | $S_BYTES | $S_DONE |"
  echo
  echo "A 100-event stream (bench/requests/rules_stream_100.json scripts a 97-word answer: role chunk, one chunk per word, finish chunk, [DONE]), $S100_OK of $STREAM_RUNS answered 200:"
  echo
  echo "| time to first byte (median) | total time (median / max) | events per response | events/s | bytes | ends with [DONE] |"
  echo "|---:|---:|---:|---:|---:|---|"
  echo "| $(s_to_ms "$S100_TTFB") ms | $(s_to_ms "$S100_TOTAL") / $(s_to_ms "$S100_TOTAL_MAX") ms | $S100_EVENTS | $S100_EPS | $S100_BYTES | $S100_DONE |"
  echo
  echo "## 3b. Concurrent streams"
  echo
  echo "\`siraya-stream-flood --connections $FLOOD_STREAMS\` (bench/stream_flood/: one epoll thread) opens every connection, sends the 100-event stream request paced by"
  echo "\`x-siraya-mock: interval=$FLOOD_INTERVAL_MS\` (so a stream lasts at least 99 intervals) and reads each to \`data: [DONE]\`; connects are set up 512 at a time."
  echo "*Open at once* is the most answers begun and not yet finished at one moment, seen by the client. Peak memory is the mock's VmHWM after the run (fresh process)."
  echo
  echo "| streams | completed | failed | open at once | first byte p50 / p99 | stream total p50 / p99 | wall | mock peak RSS | mock threads after |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| $FLOOD_STREAMS | ${FLOOD[completed]:-0} | ${FLOOD[failed]:-?} | ${FLOOD[peak_open]:-0} | ${FLOOD[ttfb_p50_ms]:-?} / ${FLOOD[ttfb_p99_ms]:-?} ms |" \
    "${FLOOD[total_p50_ms]:-?} / ${FLOOD[total_p99_ms]:-?} ms | $(awk -v v="${FLOOD[wall_ms]:-0}" 'BEGIN { printf "%.1f", v / 1000 }') s | $(kib_to_mib "${FLOOD[hwm_kib]:-0}") MiB | ${FLOOD[threads]:-?} |"
  echo
  echo "## 4. Start-up"
  echo
  echo "From fork/exec of \`siraya-mock --port P\` to the status line of the first /health answer, connect() retried in a tight loop."
  echo
  echo "| starts | median | min | max | SIGTERM to exit (median) |"
  echo "|---:|---:|---:|---:|---:|"
  echo "| $ST_N | $(s_to_ms "$ST_MED") ms | $(s_to_ms "$ST_MIN") ms | $(s_to_ms "$ST_MAX") ms | $(s_to_ms "$SD_MED") ms |"
  echo
  echo "## 5. Memory"
  echo
  echo "| siraya-mock idle RSS (after start + 1 request) | peak RSS after the load runs (VmHWM) | RSS after the load runs | threads idle / after load | nginx master + workers RSS after load |"
  echo "|---:|---:|---:|---:|---:|"
  echo "| $(kib_to_mib "$IDLE_RSS") MiB | $(kib_to_mib "$LOADED_HWM") MiB | $(kib_to_mib "$LOADED_RSS") MiB | $IDLE_THREADS / $LOADED_THREADS | $(kib_to_mib "$NGINX_RSS") MiB |"
  echo
  echo "## 6. Harness"
  echo
  echo "\`siraya-harness run --jobs J\` (bundled suites against the embedded mock), wall time, median of $HARNESS_RUNS."
  echo
  echo "| jobs | cases | wall (median) | cases/s | exit status |"
  echo "|---:|---:|---:|---:|---:|"
  for j in 1 4; do
    echo "| $j | $H_CASES | $(s_to_ms "${H_MED[$j]}") ms | ${H_CPS[$j]} | ${H_RC[$j]} |"
  done
  echo
  echo "## Targets (issue 10)"
  echo
  echo "| target | measured | |"
  echo "|---|---|---|"
  echo "| non-streaming chat >= 0.25x static nginx at 16-64 connections | min ratio $MIN_RATIO | $(met "$MIN_RATIO >= 0.25") |"
  echo "| p99 < 10 ms at 16-64 connections | max p99 $(us_to_ms "$MAX_P99") ms | $(met "$MAX_P99 < 10000") |"
  echo "| no errors and no starved connection at 16-64 connections | $ERR_1664 | $(met "$ERR_1664 == 0") |"
  echo "| start-up to first response < 50 ms | median $(s_to_ms "$ST_MED") ms | $(met "$ST_N > 0 && $ST_MED < 0.05") |"
  echo "| bundled suites against the embedded mock < 3 s (the default --jobs 4, as the README's command runs them) | --jobs 4: $(s_to_ms "${H_MED[4]}") ms, exit ${H_RC[4]} (--jobs 1: $(s_to_ms "${H_MED[1]}") ms) | $(met "${H_RC[4]} == 0 && ${H_MED[4]} < 3") |"
  echo "| 10,000 concurrent streams, memory < 1 GiB | ${FLOOD[completed]:-0} of $FLOOD_STREAMS completed, ${FLOOD[peak_open]:-0} open at once, peak $(kib_to_mib "${FLOOD[hwm_kib]:-0}") MiB | $(met "$FLOOD_STREAMS >= 10000 && ${FLOOD[completed]:-0} == $FLOOD_STREAMS && ${FLOOD[peak_open]:-0} == $FLOOD_STREAMS && ${FLOOD[hwm_kib]:-0} < 1048576") |"
  echo
  echo "## Anomalies"
  echo
  if ((${#ANOMALIES[@]})); then
    for a in "${ANOMALIES[@]}"; do echo "- $a"; done
  else
    echo "none"
  fi
  echo
  echo "Raw tool output: build-bench/bench-logs/."
} >"$REPORT"

mkdir -p "$RESULTS"
cp "$REPORT" "$RESULTS/latest.md"
cat "$REPORT"
log "report written to $RESULTS/latest.md"

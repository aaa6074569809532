# Sourced by bench/run.sh: the long-stream and concurrent-stream measurements (sections 3b and 7
# of the report). Uses run.sh's helpers (start_mock, stop_mock, median, ...) and sets the S100_*
# and FLOOD_* variables the report prints.

# A 100-event stream: bench/requests/rules_stream_100.json scripts a 97-word answer, which chat
# streams as the role chunk, one chunk per word, the finish chunk and [DONE].
stream100_runs() {
  local S_OK S_TTFB S_TOTAL S_TOTAL_MAX S_BYTES S_EVENTS S_DONE S_EPS
  stream_runs "$1" 'x-bench: stream-100' stream100-body.txt
  S100_OK=$S_OK S100_TTFB=$S_TTFB S100_TOTAL=$S_TOTAL S100_TOTAL_MAX=$S_TOTAL_MAX
  S100_BYTES=$S_BYTES S100_EVENTS=$S_EVENTS S100_DONE=$S_DONE S100_EPS=$S_EPS
  ((S100_EVENTS == 100)) || ANOMALIES+=("the 100-event stream had $S100_EVENTS events")
}

# Concurrent streams: siraya-stream-flood opens FLOOD_STREAMS connections, each the 100-event
# stream above paced by `x-siraya-mock: interval=FLOOD_INTERVAL_MS` so that all are open at once,
# and reads every one to data: [DONE]. The mock's peak memory is read from VmHWM afterwards.
flood_run() {
  local port=$1 pid=$2 line rc=0
  local before_hwm
  before_hwm=$(proc_field "$pid" VmHWM)
  line=$("$FLOOD_BIN" --port "$port" --connections "$FLOOD_STREAMS" --key "$KEY" \
    --body "$BENCH/requests/chat_stream.json" --header 'x-bench: stream-100' --header "x-siraya-mock: interval=$FLOOD_INTERVAL_MS" \
    --deadline "$FLOOD_DEADLINE_S" 2>"$LOGS/flood.stderr") || rc=$?
  echo "$line" >"$LOGS/flood.txt"
  local kv k v
  for kv in $line; do
    k=${kv%%=*} v=${kv#*=}
    FLOOD[$k]=$v
  done
  FLOOD[hwm_kib]=$(proc_field "$pid" VmHWM)
  FLOOD[before_hwm_kib]=$before_hwm
  FLOOD[threads]=$(proc_field "$pid" Threads)
  FLOOD[rc]=$rc
  if ((rc != 0)); then
    ANOMALIES+=("concurrent streams: ${FLOOD[completed]:-0} of $FLOOD_STREAMS completed ($(tr '\n' ' ' <"$LOGS/flood.stderr"))")
  fi
}

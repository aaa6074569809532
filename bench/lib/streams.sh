# Sourced by bench/run.sh: the long-stream and concurrent-stream measurements (sections 3b and 7
# of the report). Uses run.sh's helpers (start_mock, stop_mock, median, ...) and sets the S100_*
# and FLOOD_* variables the report prints.

# A 100-event stream: bench/requests/rules_stream_100.json scripts a 97-word answer, which chat
# streams as the role chunk, one chunk per word, the finish chunk and [DONE].
stream100_runs() {
  local port=$1 i line code ttfb total size
  : >"$TMP/stream100-times"
  for ((i = 0; i < STREAM_RUNS; i++)); do
    line=$(curl -sN -o "$LOGS/stream100-body.txt" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
      --max-time 10 -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -H 'x-bench: stream-100' \
      --data-binary "@$BENCH/requests/chat_stream.json" "http://127.0.0.1:$port/v1/chat/completions" || true)
    read -r code ttfb total size <<<"$line"
    [[ $code == 200 ]] || { ANOMALIES+=("100-event stream request $i answered ${code:-nothing}"); continue; }
    echo "$ttfb $total $size" >>"$TMP/stream100-times"
  done
  S100_OK=$(wc -l <"$TMP/stream100-times")
  S100_TTFB=$(awk '{ print $1 }' "$TMP/stream100-times" | median)
  S100_TOTAL=$(awk '{ print $2 }' "$TMP/stream100-times" | median)
  S100_TOTAL_MAX=$(awk '{ print $2 }' "$TMP/stream100-times" | maximum)
  S100_BYTES=$(awk '{ print $3 }' "$TMP/stream100-times" | median)
  S100_EVENTS=$(grep -c '^data:' "$LOGS/stream100-body.txt" || true)
  S100_DONE=no
  grep -qx 'data: \[DONE\]' "$LOGS/stream100-body.txt" && S100_DONE=yes
  S100_EPS=$(awk -v e="$S100_EVENTS" -v t="$S100_TOTAL" 'BEGIN { printf "%.0f", (t > 0 ? e / t : 0) }')
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

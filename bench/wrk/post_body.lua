-- wrk script for bench/run.sh: POSTs the JSON body in the file named by SIRAYA_BENCH_BODY_FILE
-- with the key in SIRAYA_BENCH_KEY, and prints one machine-readable summary line at the end.
-- No response() callback: wrk then parses nothing per response, so the client stays cheap.

local function read_file(path)
  local f = assert(io.open(path, "rb"), "cannot read " .. tostring(path))
  local text = f:read("*a")
  f:close()
  return text
end

wrk.method = "POST"
wrk.body = read_file(os.getenv("SIRAYA_BENCH_BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("SIRAYA_BENCH_KEY") or "bench-key")

-- Latencies are in microseconds. errors.status counts responses with a status of 400 or more
-- (wrk's "Non-2xx or 3xx responses"); wrk never counts a request that got no answer at all,
-- which is why run.sh also checks every connection with ss (perf-notes: measuring honestly).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50.0), latency:percentile(90.0), latency:percentile(99.0), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end

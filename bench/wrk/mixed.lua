-- wrk script for bench/soak.sh: every request is the next of a fixed rotation over all endpoints,
-- buffered and streamed, with documented errors and stream faults, so that a long run exercises
-- every path of the mock. Prints one machine-readable summary line at the end.
local key = os.getenv("SIRAYA_BENCH_KEY") or "bench-key"
local chat = '{"model":"openai/gpt-4o","messages":[{"role":"user","content":"Tell me about rivers."}]'
local requests = {
  {"POST", "/v1/chat/completions", chat .. '}', nil},
  {"POST", "/v1/chat/completions", chat .. ',"stream":true,"stream_options":{"include_usage":true}}', nil},
  {"POST", "/v1/chat/completions", chat .. ',"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],"tool_choice":"required"}', nil},
  {"POST", "/v1/chat/completions", chat .. ',"response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"type":"object","properties":{"name":{"type":"string"},"length_km":{"type":"integer"}},"required":["name","length_km"]}}}}', nil},
  {"POST", "/v1/responses", '{"model":"openai/gpt-4o","input":"Name three rivers.","stream":true}', nil},
  {"POST", "/v1/responses", '{"model":"openai/gpt-4o","input":"Name three rivers."}', nil},
  {"POST", "/v1/messages", '{"model":"anthropic/claude-sonnet-4","max_tokens":128,"messages":[{"role":"user","content":"Hello"}],"stream":true}', nil},
  {"POST", "/v1/messages", '{"model":"anthropic/claude-sonnet-4","max_tokens":128,"messages":[{"role":"user","content":"Hello"}]}', nil},
  {"POST", "/v1/embeddings", '{"model":"openai/text-embedding-3-small","input":["a river","a mountain"]}', nil},
  {"POST", "/v1/rerank", '{"model":"cohere/rerank-v3.5","query":"rivers","documents":["the Nile","a mountain","the Danube"]}', nil},
  {"GET", "/v1/models", nil, nil},
  {"POST", "/v1/chat/completions", chat .. '}', "status=429"},
  {"POST", "/v1/chat/completions", chat .. ',"stream":true}', "fault=truncate;after=3"},
  {"POST", "/v1/chat/completions", chat .. ',"stream":true}', "fault=error;after=4;code=503"},
  {"POST", "/v1/chat/completions", '{"model":"openai/gpt-4o","messages":[]', nil},
  {"POST", "/v1/chat/completions", chat .. ',"temperature":9}', nil},
}
local counter = 0

function request()
  counter = counter + 1
  local r = requests[(counter % #requests) + 1]
  local headers = {["Authorization"] = "Bearer " .. key}
  if r[3] then headers["Content-Type"] = "application/json" end
  if r[4] then headers["x-siraya-mock"] = r[4] end
  return wrk.format(r[1], r[2], headers, r[3])
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p99_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end

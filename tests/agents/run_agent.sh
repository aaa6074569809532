#!/usr/bin/env bash
# run_agent.sh MOCK_BIN CLI CASE [DIALECT]
#
# Runs one agent CLI (claude_code, codex or opencode; clients.sh pins them) against siraya-mock,
# offline: both run inside a network namespace that holds only loopback (unshare -n), the CLI with
# a fresh HOME, a minimal environment and the switches that stop update checks and telemetry
# (agent-clients.md). CASE plain: the prompt must end with the mock's scripted text on stdout.
# CASE tool: "list the files" must make the CLI run its own tool in a fresh working directory
# that holds a uniquely named file; the mock answers the distinctive final text only when the
# tool result names that file (rules.json), so that text on stdout proves the tool really ran.
# DIALECT (opencode only): chat, messages or responses, by the AI SDK provider package.
#
# Exit 0: passed; 1: failed (with the CLI's output, the mock's log and its request journal);
# 77: skipped, with the reason (the CLI is not installed, or no network namespace can be made).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/clients.sh"

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

if [ "${1:-}" != "--inside" ]; then
  [ $# -ge 3 ] || fail "usage: run_agent.sh MOCK_BIN claude_code|codex|opencode plain|tool [chat|messages|responses]"
  cli=$2
  [ -x "$1" ] || fail "siraya-mock is not built: $1"
  if [ -z "$(agent_command "$cli")" ]; then
    reason="not installed in $(agent_dir "$cli")"
    [ -f "$(agent_dir "$cli").failed" ] && reason=$(cat "$(agent_dir "$cli").failed")
    skip "$(agent_package "$cli")@$(agent_version "$cli"): $reason (the agents.install test installs it)"
  fi
  [ "$(id -u)" = 0 ] || skip "a network namespace holding only loopback needs root (unshare -n); run the tests as root"
  err=$(unshare -n true 2>&1) || skip "unshare -n is not permitted here: $err"
  exec unshare -n -- bash "${BASH_SOURCE[0]}" --inside "$@"
fi

# ---- inside the namespace: loopback only ----
shift
mock=$1 cli=$2 case=$3 dialect=${4:-}
ip link set lo up || fail "cannot bring up loopback in the network namespace"
command=$(agent_command "$cli")

work=$(mktemp -d "${TMPDIR:-/tmp}/siraya-agent.XXXXXX") || fail "mktemp failed"
mock_pid=
cleanup() {
  [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
home=$work/home project=$work/project
mkdir -p "$home" "$project"
marker=siraya-marker-7f3a.txt  # rules.json answers SIRAYA-TOOL-OK only for a listing that names it
echo "# scratch project" >"$project/README.md"
: >"$project/$marker"

case "$cli" in
  claude_code) example=claude_code_bash.json ;;
  codex) example=codex_exec_command.json ;;
  opencode) example=opencode_bash.json ;;
  *) fail "unknown CLI $cli" ;;
esac
case "$case" in
  plain) prompt="Reply with the agreed greeting." expected="SIRAYA-PLAIN-OK: hello from siraya-mock." ;;
  tool) prompt="List the files in this directory." expected="SIRAYA-TOOL-OK: the listing shows $marker." ;;
  *) fail "unknown case $case" ;;
esac

# The mock announces its port on its first stdout line; reading that line is the readiness wait.
key=sk-siraya-agents-test admin=siraya-agents-admin
mkfifo "$work/mock.fifo"
"$mock" --port 0 --seed 7 --strict --key "$key" --admin-token "$admin" \
  --rules "$here/rules.json" --rules "$root/examples/rules/$example" >"$work/mock.fifo" 2>"$work/mock.err" &
mock_pid=$!
exec 3<"$work/mock.fifo"
IFS= read -r -t 30 listening <&3 || fail "siraya-mock did not start: $(cat "$work/mock.err")"
cat <&3 >/dev/null &  # keep draining its stdout
[[ $listening =~ ^siraya-mock\ listening\ on\ (http://[^ ]+) ]] || fail "unexpected first line: $listening"
origin=${BASH_REMATCH[1]}

# A minimal environment: nothing of the caller's (API keys, proxies, XDG folders) leaks in.
env_base=(HOME="$home" PATH="$PATH" LANG=C.UTF-8 TERM=dumb TMPDIR="$work" NO_COLOR=1 CI=true)
args=()
case "$cli" in
  claude_code)
    # The SDK appends /v1/messages to the host root; 401, 429 and 5xx are retried, at most once here.
    env_base+=(ANTHROPIC_BASE_URL="$origin" ANTHROPIC_API_KEY="$key"
               DISABLE_TELEMETRY=1 DISABLE_AUTOUPDATER=1 CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1
               DISABLE_ERROR_REPORTING=1 CLAUDE_CODE_MAX_RETRIES=1)
    args=(-p "$prompt")
    ;;
  codex)
    # A custom provider speaks HTTP only (the built-in one tries a WebSocket first) and reads
    # its key from env_key. Codex speaks only the Responses API.
    mkdir -p "$home/.codex"
    cat >"$home/.codex/config.toml" <<EOF
model = "gpt-5-codex"
model_provider = "mock"
check_for_update_on_startup = false
[analytics]
enabled = false
[features]
plugins = false
remote_plugin = false
apps = false
[model_providers.mock]
name = "siraya-mock"
base_url = "$origin/v1"
env_key = "MOCK_API_KEY"
wire_api = "responses"
request_max_retries = 0
stream_max_retries = 0
EOF
    env_base+=(CODEX_HOME="$home/.codex" MOCK_API_KEY="$key")
    args=(exec --skip-git-repo-check "$prompt")
    ;;
  opencode)
    case "$dialect" in
      chat) package=@ai-sdk/openai-compatible ;;
      messages) package=@ai-sdk/anthropic ;;
      responses) package=@ai-sdk/openai ;;
      *) fail "opencode needs a dialect: chat, messages or responses" ;;
    esac
    config='{"$schema":"https://opencode.ai/config.json","autoupdate":false,"share":"disabled",
      "model":"mock/mock-model","small_model":"mock/mock-model",
      "provider":{"mock":{"npm":"'$package'","name":"siraya-mock",
        "options":{"baseURL":"'$origin'/v1","apiKey":"'$key'"},
        "models":{"mock-model":{"name":"Mock model","tool_call":true}}}}}'
    env_base+=(OPENCODE_CONFIG_CONTENT="$config" OPENCODE_DISABLE_AUTOUPDATE=1 OPENCODE_DISABLE_MODELS_FETCH=1
               OPENCODE_DISABLE_LSP_DOWNLOAD=1 OPENCODE_DISABLE_DEFAULT_PLUGINS=1 OPENCODE_DISABLE_SHARE=1
               OPENCODE_DISABLE_CLAUDE_CODE=1 OPENCODE_DISABLE_EXTERNAL_SKILLS=1)
    args=(run --pure ${SIRAYA_AGENTS_DEBUG:+--print-logs} "$prompt")
    ;;
esac

started=$(date +%s%N)
(cd "$project" && env -i "${env_base[@]}" timeout -k 5 120 "$command" "${args[@]}" \
   </dev/null >"$work/stdout" 2>"$work/stderr")
rc=$?
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

# What the mock was asked, one line per request: method, path, status, rule.
journal=$(node -e '
  fetch(process.argv[1] + "/__admin/requests", { headers: { authorization: "Bearer " + process.argv[2] } })
    .then((r) => r.json())
    .then((j) => { for (const e of j.data) console.log(`${e.method} ${e.path} ${e.status} rule=${e.rule || "-"}`); })
    .catch((e) => console.log("journal unavailable: " + e.message));' "$origin" "$admin")

report() {
  echo "--- $cli ${dialect:+($dialect) }$case: exit $rc after $elapsed_ms ms"
  echo "--- requests the mock answered:"; echo "$journal"
  echo "--- stdout:"; cat "$work/stdout"
  echo "--- stderr (last 40 lines):"; tail -n 40 "$work/stderr"
  echo "--- siraya-mock stderr:"; cat "$work/mock.err"
}

[ "$rc" = 124 ] && { report; fail "$cli did not finish within 120 s"; }
[ "$rc" = 0 ] || { report; fail "$cli exited with $rc"; }
grep -qF "$expected" "$work/stdout" || { report; fail "stdout lacks the mock's answer \"$expected\""; }
if [ "$case" = tool ]; then
  grep -q 'rule=listing shows the marker$' <<<"$journal" ||
    { report; fail "the mock never saw a tool result naming $marker"; }
fi
report
echo "PASS: $cli ${dialect:+($dialect) }$case in $elapsed_ms ms"

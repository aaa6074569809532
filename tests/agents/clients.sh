# The agent CLIs under test, pinned: the newest releases observed working on Node.js 20
# (reference: agent-clients.md). Sourced by install.sh and run_agent.sh. Each is installed once
# into its own folder of the cache, named after the package and version, and reused by later runs.
#
# agent_package NAME / agent_version NAME / agent_bin NAME print the npm package, its pinned
# version and the command it installs; agent_dir NAME prints the folder it is installed into.

SIRAYA_AGENTS_CACHE=${SIRAYA_AGENTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/siraya-conformance/agents}
AGENT_NAMES=(claude_code codex opencode)

agent_package() {
  case "$1" in
    claude_code) echo "@anthropic-ai/claude-code" ;;  # 2.1.197: what `npm i` picks on Node 20
    codex) echo "@openai/codex" ;;
    opencode) echo "opencode-ai" ;;
  esac
}

agent_version() {
  case "$1" in
    claude_code) echo "2.1.197" ;;
    codex) echo "0.169.0" ;;
    opencode) echo "1.18.33" ;;
  esac
}

agent_bin() {
  case "$1" in
    claude_code) echo "claude" ;;
    codex) echo "codex" ;;
    opencode) echo "opencode" ;;
  esac
}

agent_dir() { echo "$SIRAYA_AGENTS_CACHE/${1//_/-}-$(agent_version "$1")"; }

# The installed command, or nothing when the CLI is not (completely) installed.
agent_command() {
  local dir
  dir=$(agent_dir "$1")
  [ -f "$dir/.siraya-installed" ] && [ -x "$dir/node_modules/.bin/$(agent_bin "$1")" ] &&
    echo "$dir/node_modules/.bin/$(agent_bin "$1")"
}

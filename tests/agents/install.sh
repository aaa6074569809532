#!/usr/bin/env bash
# Installs the pinned agent CLIs (clients.sh) into the cache folder, each once: a CLI whose
# folder is complete is left alone, so later runs cost milliseconds. One that cannot be
# installed (no network, an npm error) is reported with the reason, which its tests print when
# they skip. Exit 0: all installed; 77 (CTest's skip code here): at least one is missing.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/clients.sh"

if ! command -v npm >/dev/null 2>&1; then
  echo "SKIP: npm is not installed (scripts/install-deps.sh installs Node.js and npm); no agent CLI can be installed"
  exit 77
fi
mkdir -p "$SIRAYA_AGENTS_CACHE" || { echo "SKIP: cannot create $SIRAYA_AGENTS_CACHE"; exit 77; }
exec 9>"$SIRAYA_AGENTS_CACHE/.install.lock"
flock -w 1800 9 || { echo "SKIP: another install holds $SIRAYA_AGENTS_CACHE/.install.lock"; exit 77; }

missing=0
for name in "${AGENT_NAMES[@]}"; do
  dir=$(agent_dir "$name")
  spec="$(agent_package "$name")@$(agent_version "$name")"
  if [ -n "$(agent_command "$name")" ]; then
    echo "$spec: installed in $dir"
    continue
  fi
  echo "$spec: installing into $dir (node $(node --version 2>/dev/null))"
  rm -rf "$dir" "$dir.failed"
  mkdir -p "$dir"
  started=$(date +%s)
  # The package's own install script links its native binary; --no-save: no package.json here.
  if ! log=$(cd "$dir" && timeout 900 npm install --no-save --no-audit --no-fund --no-update-notifier \
               --fetch-retries=1 --fetch-timeout=60000 "$spec" 2>&1); then
    reason="\`npm install $spec\` failed: $(echo "$log" | grep -m3 -iE 'npm (error|ERR)' | tr '\n' ' ')"
    [ "$reason" = "\`npm install $spec\` failed: " ] && reason+=$(echo "$log" | tail -3 | tr '\n' ' ')
    echo "$reason" | tee "$dir.failed"
    rm -rf "$dir"
    missing=1
    continue
  fi
  bin="$dir/node_modules/.bin/$(agent_bin "$name")"
  if ! version=$(timeout 60 "$bin" --version 2>&1); then
    echo "$spec installed, but \`$(agent_bin "$name") --version\` failed: $version" | tee "$dir.failed"
    missing=1
    continue
  fi
  echo "$spec" >"$dir/.siraya-installed"
  echo "$spec: installed in $(( $(date +%s) - started )) s ($version, $(du -sh "$dir" | cut -f1))"
done
[ "$missing" = 0 ] || { echo "SKIP: not every agent CLI could be installed (see above); their tests skip"; exit 77; }

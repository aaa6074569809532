#!/usr/bin/env bash
# Installs what the build and the tests need, from Debian's packages (and, in the steps under
# scripts/install.d/, from the npm registry).
# Idempotent and non-interactive: packages already present are not touched.
set -euo pipefail

packages=(cmake g++ make pkg-config libcpp-httplib-dev nlohmann-json3-dev libcli11-dev
          libgtest-dev libssl-dev zlib1g-dev libbrotli-dev libpcre2-dev ccache ca-certificates)
# Node.js and npm: whatever the machine has (some ship a nodejs package that bundles npm and
# conflicts with Debian's npm); Debian's packages otherwise.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# valijson is header-only, but Debian's libvalijson-dev depends on Qt, Poco, yaml-cpp and more
# for adapters we do not use. Extract only its headers into /usr/local/include.
if [ ! -f /usr/local/include/valijson/validator.hpp ] && [ ! -f /usr/include/valijson/validator.hpp ]; then
  echo "install-deps: extracting valijson headers"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && apt-get download libvalijson-dev >/dev/null 2>&1) || {
    "${sudo_cmd[@]}" apt-get update -qq
    (cd "$tmp" && apt-get download libvalijson-dev >/dev/null)
  }
  dpkg-deb -x "$tmp"/libvalijson-dev_*.deb "$tmp/root"
  "${sudo_cmd[@]}" mkdir -p /usr/local/include
  "${sudo_cmd[@]}" cp -r "$tmp/root/usr/include/valijson" /usr/local/include/
fi

# Further steps, one concern per file (npm packages the build or tests need), in name order.
for step in "$(dirname "$0")"/install.d/*.sh; do
  [ -e "$step" ] || continue
  bash "$step"
done

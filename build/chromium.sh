#!/usr/bin/env bash
# Headless Chromium from Debian's packages, for the tests of `nonblocking report --html` and README's screenshot.
#   build/chromium.sh install                     installs chromium when missing (apt-get; needs root); prints its path
#   build/chromium.sh dom <page.html>             prints the page's DOM after its scripts ran
#   build/chromium.sh screenshot <page.html> <out.png> [width,height]
# Flags as this machine needs them: no sandbox as root, no background networking (the network is closed), a new
# empty profile each time.
set -euo pipefail

install() {
  if ! command -v chromium >/dev/null; then
    echo "chromium.sh: installing chromium from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends chromium >&2
  fi
  command -v chromium
}

run() {
  local profile; profile="$(mktemp -d)"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" "$@" 2>/dev/null
  local status=$?
  rm -rf "$profile"
  return $status
}

case "${1:-}" in
  install) install ;;
  dom) install >/dev/null; run --dump-dom "file://$(realpath "$2")" ;;
  screenshot) install >/dev/null; run --hide-scrollbars --window-size="${4:-1000,900}" --screenshot="$(realpath -m "$3")" "file://$(realpath "$2")" ;;
  *) echo "usage: $0 install | dom <page.html> | screenshot <page.html> <out.png> [width,height]" >&2; exit 2 ;;
esac

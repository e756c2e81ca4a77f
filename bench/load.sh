#!/usr/bin/env bash
# Load test: bench/LoadApp (woven) vs bench/LoadApp.Plain (unwoven) vs the unwoven app with .NET's own
# alternative on (EventPipe tracing of the TPL provider), driven by wrk on loopback. Rounds are interleaved so
# machine noise hits every variant alike; medians of requests/s are compared. A run now and then comes out a
# fifth slower than its neighbours, in any variant, so the median over 5 rounds, robust to two such runs per
# variant, is compared rather than pairing runs round by round. Writes markdown rows to $1.
# Assumes build/pack.sh has run (bench/run.sh does that). Env: LOAD_SECONDS (10), LOAD_ROUNDS (5).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$bench/stats.sh"
out="${1:-/dev/stdout}"
seconds="${LOAD_SECONDS:-10}"
rounds="${LOAD_ROUNDS:-5}"
port=5187

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else sudo apt-get install -y -qq wrk >/dev/null || { sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; }
  fi
fi

for p in LoadApp LoadApp.Plain; do
  dotnet build "$bench/$p/$p.csproj" -c Release -nologo -v:q -clp:NoSummary ${BENCH_MSBUILD_ARGS:-} >/dev/null
done
woven="$bench/LoadApp/bin/Release/net10.0/LoadApp.dll"
plain="$bench/LoadApp.Plain/bin/Release/net10.0/LoadApp.Plain.dll"
trace_dir="$(mktemp -d)"
trap 'rm -rf "$trace_dir"; [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true' EXIT

# wrk gets CPU 0 and the app the others: sharing both cores, the two traded places run by run and throughput
# swung by a fifth between runs of the same build; pinned, runs of a variant agree within a few per cent. (One
# core: no pinning.) The app's requests/s is then that of n-1 cores, the same for every variant.
if [ "$(nproc)" -gt 1 ] && command -v taskset >/dev/null; then
  pin_wrk=(taskset -c 0); pin_app=(taskset -c "1-$(( $(nproc) - 1 ))")
  app_cores="$(( $(nproc) - 1 )) core(s), wrk on another"
else
  pin_wrk=(); pin_app=(); app_cores="1 core shared with wrk"
fi

# One measurement: start the app (with extra env), wait for it, warm up, then wrk; prints requests/s.
measure() {
  local dll="$1"; shift
  env "$@" "${pin_app[@]}" dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
  "${pin_wrk[@]}" wrk -t1 -c32 -d3s -s "$bench/orders.lua" "http://127.0.0.1:$port" >/dev/null
  local rps
  rps=$("${pin_wrk[@]}" wrk -t1 -c32 -d"${seconds}s" -s "$bench/orders.lua" "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2}')
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  rm -f "$trace_dir"/*
  echo "$rps"
}

declare -a r_plain r_woven r_hang r_peer
# Each round starts with a different variant, so no variant always runs first (right after a build, or right
# after the EventPipe peer has flushed its trace).
for round in $(seq 1 "$rounds"); do
  for k in 0 1 2 3; do
    case $(( (k + round - 1) % 4 )) in
      0) r_plain+=("$(measure "$plain" NONBLOCKING_UNUSED=1)") ;;
      1) r_woven+=("$(measure "$woven" NONBLOCKING_UNUSED=1)") ;;
      2) r_hang+=("$(measure "$woven" NONBLOCKING_HANG_MS=auto)") ;;
      3) r_peer+=("$(measure "$plain" DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath="$trace_dir/trace.nettrace" \
            DOTNET_EventPipeConfig='System.Threading.Tasks.TplEventSource:0xFFFF:5')") ;;
    esac
  done
  echo "round $round: unwoven ${r_plain[-1]} req/s, woven ${r_woven[-1]} req/s ($(ratio "${r_woven[-1]}" "${r_plain[-1]}")), woven+hang watchdog ${r_hang[-1]} req/s, unwoven+EventPipe TPL ${r_peer[-1]} req/s" >&2
done

m_plain=$(median "${r_plain[@]}"); m_woven=$(median "${r_woven[@]}"); m_hang=$(median "${r_hang[@]}"); m_peer=$(median "${r_peer[@]}")
{
  echo "| load: ASP.NET Core on ${app_cores}, wrk -c32 ${seconds}s × ${rounds}, unwoven | $(printf '%.0f' "$m_plain") req/s | 1.000 | |"
  echo "| load: woven (NonBlocking on, defaults) | $(printf '%.0f' "$m_woven") req/s | $(ratio "$m_woven" "$m_plain") | ≥ 0.99 |"
  echo "| load: woven, hang watchdog on (NONBLOCKING_HANG_MS=auto) | $(printf '%.0f' "$m_hang") req/s | $(ratio "$m_hang" "$m_plain") | |"
  echo "| load: unwoven + EventPipe TPL tracing (DOTNET_EnableEventPipe) | $(printf '%.0f' "$m_peer") req/s | $(ratio "$m_peer" "$m_plain") | (peer) |"
} > "$out"

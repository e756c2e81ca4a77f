#!/usr/bin/env bash
# Load test: bench/LoadApp (woven) vs bench/LoadApp.Plain (unwoven) vs the unwoven app with .NET's own
# alternative on (EventPipe tracing of the TPL provider), driven by wrk on loopback. Writes markdown rows to $1.
# Each round measures the unwoven and the woven app back to back (which goes first alternates), then the two
# other variants; a variant's ratio is the median over rounds of its requests/s divided by the unwoven app's in
# the same round. The machine drifts by several per cent between rounds — more than the difference measured —
# and a paired ratio cancels what the two measurements of a round share; a comparison of medians across rounds
# does not (the two estimates, same data, differed by 4 % in one run).
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

declare -a r_plain r_woven r_hang r_peer q_woven q_hang q_peer
plain_run() { r_plain+=("$(measure "$plain" NONBLOCKING_UNUSED=1)"); }
woven_run() { r_woven+=("$(measure "$woven" NONBLOCKING_UNUSED=1)"); }
hang_run() { r_hang+=("$(measure "$woven" NONBLOCKING_HANG_MS=auto)"); }
peer_run() {
  r_peer+=("$(measure "$plain" DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath="$trace_dir/trace.nettrace" \
    DOTNET_EventPipeConfig='System.Threading.Tasks.TplEventSource:0xFFFF:5')")
}
for round in $(seq 1 "$rounds"); do
  # Alternate which of a pair goes first, so neither always runs right after a build or after the peer's trace flush.
  if (( round % 2 )); then plain_run; woven_run; hang_run; peer_run; else woven_run; plain_run; peer_run; hang_run; fi
  q_woven+=("$(ratio "${r_woven[-1]}" "${r_plain[-1]}")")
  q_hang+=("$(ratio "${r_hang[-1]}" "${r_plain[-1]}")")
  q_peer+=("$(ratio "${r_peer[-1]}" "${r_plain[-1]}")")
  echo "round $round: unwoven ${r_plain[-1]} req/s, woven ${r_woven[-1]} req/s (${q_woven[-1]}), woven+hang watchdog ${r_hang[-1]} req/s (${q_hang[-1]}), unwoven+EventPipe TPL ${r_peer[-1]} req/s (${q_peer[-1]})" >&2
done

m_plain=$(median "${r_plain[@]}"); m_woven=$(median "${r_woven[@]}"); m_hang=$(median "${r_hang[@]}"); m_peer=$(median "${r_peer[@]}")
med3() { printf '%.3f' "$(median "$@")"; }
spread() { printf '%s\n' "$@" | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%s–%s", lo, hi}'; }
{
  echo "| load: ASP.NET Core on ${app_cores}, wrk -c32 ${seconds}s × ${rounds}, unwoven | $(printf '%.0f' "$m_plain") req/s | 1.000 | |"
  echo "| load: woven (NonBlocking on, defaults); rounds $(spread "${q_woven[@]}") | $(printf '%.0f' "$m_woven") req/s | $(med3 "${q_woven[@]}") | ≥ 0.99 |"
  echo "| load: woven, hang watchdog on (NONBLOCKING_HANG_MS=auto); rounds $(spread "${q_hang[@]}") | $(printf '%.0f' "$m_hang") req/s | $(med3 "${q_hang[@]}") | |"
  echo "| load: unwoven + EventPipe TPL tracing (DOTNET_EnableEventPipe); rounds $(spread "${q_peer[@]}") | $(printf '%.0f' "$m_peer") req/s | $(med3 "${q_peer[@]}") | (peer) |"
} > "$out"

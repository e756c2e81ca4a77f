#!/usr/bin/env bash
# Load test: bench/LoadApp (woven; defaults, and with the hang watchdog on) vs bench/LoadApp.Plain (unwoven) vs
# the unwoven app with .NET's own alternative on (EventPipe tracing of the TPL provider), driven by wrk on
# loopback. Writes markdown rows to $1.
#
# The apps start at once and stay up; each is frozen (SIGSTOP) except while wrk drives it, so it costs the one
# being measured nothing, not even a timer's wake-up. Each is warmed up alone first: a young process is still
# tiering its code (throughput climbs by a third over its first ~20 s of load), and two young processes climb
# at different moments, which paired bursts cannot cancel.
# Then, round after round, each app gets a 2 s burst; the woven app's burst always sits next to the unwoven
# one's, and which of the two goes first alternates. A variant's ratio is the median over rounds of its requests/s
# divided by the unwoven app's in the same round: the machine's own speed moves by a tenth within a minute,
# in steps, and a pair a few seconds apart shares it (the median sets aside the pair a step fell between).
# Assumes build/pack.sh has run (bench/run.sh does that).
# A second copy of the unwoven app ("twin"), measured like the others, shows what the test resolves: two processes
# of one build differed by about a per cent here, which pairing cannot cancel either.
# Env: LOAD_WARMUP (seconds per app, 20), LOAD_SECONDS (per burst, 2), LOAD_ROUNDS (20), LOAD_AA=0 (no twin).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$bench/stats.sh"
out="${1:-/dev/stdout}"
warmup="${LOAD_WARMUP:-20}"
seconds="${LOAD_SECONDS:-2}"
rounds="${LOAD_ROUNDS:-20}"

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

# wrk gets CPU 0 and the apps the others: sharing both cores, wrk and the app traded places run by run and
# throughput swung by a fifth; pinned, it does not. (One core: no pinning.) The requests/s measured are then
# those of n-1 cores, the same for every variant.
if [ "$(nproc)" -gt 1 ] && command -v taskset >/dev/null; then
  pin_wrk=(taskset -c 0); pin_app=(taskset -c "1-$(( $(nproc) - 1 ))")
  app_cores="$(( $(nproc) - 1 )) core(s), wrk on another"
else
  pin_wrk=(); pin_app=(); app_cores="1 core shared with wrk"
fi

declare -A pid port
stop_all() { for v in "${!pid[@]}"; do kill -CONT "${pid[$v]}" 2>/dev/null; kill "${pid[$v]}" 2>/dev/null; done; wait 2>/dev/null || true; }
trap stop_all EXIT

# start VARIANT PORT DLL ENV...: start the app, wait until it answers, freeze it.
start() {
  local v="$1" p="$2" dll="$3"; shift 3
  env "$@" "${pin_app[@]}" dotnet "$dll" --urls "http://127.0.0.1:$p" >/dev/null 2>&1 &
  pid[$v]=$!; port[$v]=$p
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$p/health" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$p/health" >/dev/null || { echo "load.sh: $v did not start on port $p" >&2; exit 1; }
  kill -STOP "${pid[$v]}"
}

# burst VARIANT SECONDS: thaw the app, drive it, freeze it again; prints requests/s.
burst() {
  local v="$1" rps
  kill -CONT "${pid[$v]}"
  rps=$("${pin_wrk[@]}" wrk -t1 -c32 -d"$2s" -s "$bench/orders.lua" "http://127.0.0.1:${port[$v]}" | awk '/Requests\/sec/ {print $2}')
  kill -STOP "${pid[$v]}"
  [ -n "$rps" ] || { echo "load.sh: wrk measured nothing for $v" >&2; exit 1; }
  echo "$rps"
}

start plain 5187 "$plain" NONBLOCKING_UNUSED=1
start woven 5188 "$woven" NONBLOCKING_UNUSED=1
start hang 5189 "$woven" NONBLOCKING_HANG_MS=auto
# The trace goes to /dev/null: a file grows by tens of MB a second. EventPipe still serialises every event.
start peer 5190 "$plain" DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath=/dev/null \
  DOTNET_EventPipeConfig='System.Threading.Tasks.TplEventSource:0xFFFF:5'
variants=(plain woven hang peer)
if [ "${LOAD_AA:-1}" = 1 ]; then start twin 5191 "$plain" NONBLOCKING_UNUSED=1; variants=(plain woven twin hang peer); fi
for v in "${variants[@]}"; do burst "$v" "$warmup" >/dev/null; done

declare -A rps ratios
for round in $(seq 1 "$rounds"); do
  # Odd rounds: unwoven, woven, the rest; even rounds: woven, unwoven, the rest reversed. Every burst follows
  # another app's, never the same app's across a round's end, so each app starts its burst as the others do.
  order=("${variants[@]}")
  if (( round % 2 == 0 )); then
    order=("${variants[1]}" "${variants[0]}")
    for (( i = ${#variants[@]} - 1; i >= 2; i-- )); do order+=("${variants[i]}"); done
  fi
  declare -A now=()
  for v in "${order[@]}"; do now[$v]=$(burst "$v" "$seconds"); rps[$v]+="${now[$v]} "; done
  line="round $round: unwoven ${now[plain]} req/s"
  for v in "${variants[@]:1}"; do
    q=$(ratio "${now[$v]}" "${now[plain]}"); ratios[$v]+="$q "
    line+=", $v ${now[$v]} ($q)"
  done
  echo "$line" >&2
done

# med V / medq V: the median requests/s, the median paired ratio. iqr V: the middle half of the paired ratios.
med() { printf '%.0f' "$(median ${rps[$1]})"; }
medq() { printf '%.3f' "$(median ${ratios[$1]})"; }
iqr() { printf '%s\n' ${ratios[$1]} | sort -g | awk '{a[NR]=$1} END {lo=int((NR+3)/4); hi=NR+1-lo; printf "%s–%s", a[lo], a[hi]}'; }
{
  echo "| load: ASP.NET Core on ${app_cores}, each app warmed ${warmup}s, then ${rounds} rounds of wrk -c32 ${seconds}s bursts; unwoven | $(med plain) req/s | 1.000 | |"
  echo "| load: woven (NonBlocking on, defaults); middle half of rounds $(iqr woven) | $(med woven) req/s | $(medq woven) | ≥ 0.99 |"
  echo "| load: woven, hang watchdog on (NONBLOCKING_HANG_MS=auto); middle half $(iqr hang) | $(med hang) req/s | $(medq hang) | |"
  echo "| load: unwoven + EventPipe TPL tracing (DOTNET_EnableEventPipe); middle half $(iqr peer) | $(med peer) req/s | $(medq peer) | (peer) |"
  if [ -n "${pid[twin]:-}" ]; then
    echo "| load: a second copy of the unwoven app (what this test resolves); middle half $(iqr twin) | $(med twin) req/s | $(medq twin) | |"
  fi
} > "$out"

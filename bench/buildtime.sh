#!/usr/bin/env bash
# `dotnet build` time of the same project with the package (bench/LoadApp) and without (bench/LoadApp.Plain):
# full rebuilds (--no-incremental) in pairs, which goes first alternating; the ratio is the median over pairs of
# with/without in the same pair (a full rebuild takes about 2 s and the machine's speed moves by more than the
# difference between runs far apart). BUILD_RUNS pairs (8). Writes a markdown row to $1.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$bench/stats.sh"
out="${1:-/dev/stdout}"
runs="${BUILD_RUNS:-8}"

build() { dotnet build "$bench/$1/$1.csproj" -c Release --no-restore --no-incremental -nologo -v:q -clp:NoSummary ${BENCH_MSBUILD_ARGS:-} >/dev/null; }
timed() { local start; start=$(date +%s%N); build "$1"; echo $(( ($(date +%s%N) - start) / 1000000 )); }
for p in LoadApp LoadApp.Plain; do dotnet restore "$bench/$p/$p.csproj" -v:q ${BENCH_MSBUILD_ARGS:-} >/dev/null; build "$p"; done  # warm the build nodes

declare -a with without ratios
for run in $(seq 1 "$runs"); do
  if (( run % 2 )); then without+=("$(timed LoadApp.Plain)"); with+=("$(timed LoadApp)")
  else with+=("$(timed LoadApp)"); without+=("$(timed LoadApp.Plain)"); fi
  ratios+=("$(ratio "${with[-1]}" "${without[-1]}")")
done
m_with=$(printf '%.0f' "$(median "${with[@]}")"); m_without=$(printf '%.0f' "$(median "${without[@]}")")
echo "| dotnet build (full rebuild) of bench/LoadApp: without → with the package; median of ${runs} paired ratios | ${m_without} ms → ${m_with} ms | $(printf '%.3f' "$(median "${ratios[@]}")") | ≤ 1.10 |" > "$out"

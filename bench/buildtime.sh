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
for p in LoadApp LoadApp.Plain; do dotnet restore "$bench/$p/$p.csproj" -v:q ${BENCH_MSBUILD_ARGS:-} >/dev/null; build "$p"; done  # warm the build nodes

result=$(paired "$runs" "timed LoadApp" "timed LoadApp.Plain"); read -r m_without m_with r <<< "$result"
echo "| dotnet build (full rebuild) of bench/LoadApp: without → with the package; median of ${runs} paired ratios | ${m_without} ms → ${m_with} ms | ${r} | ≤ 1.05 |" > "$out"

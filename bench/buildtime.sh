#!/usr/bin/env bash
# `dotnet build` time of the same project with the package (bench/LoadApp) and without (bench/LoadApp.Plain):
# full rebuilds (--no-incremental), alternated, median of BUILD_RUNS (5). Writes a markdown row to $1.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$bench/stats.sh"
out="${1:-/dev/stdout}"
runs="${BUILD_RUNS:-5}"

build() { dotnet build "$bench/$1/$1.csproj" -c Release --no-restore --no-incremental -nologo -v:q -clp:NoSummary ${BENCH_MSBUILD_ARGS:-} >/dev/null; }
for p in LoadApp LoadApp.Plain; do dotnet restore "$bench/$p/$p.csproj" -v:q ${BENCH_MSBUILD_ARGS:-} >/dev/null; build "$p"; done  # warm the build nodes

declare -a with without
for _ in $(seq 1 "$runs"); do
  for p in LoadApp.Plain LoadApp; do
    start=$(date +%s%N); build "$p"; ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$p" = LoadApp ]; then with+=("$ms"); else without+=("$ms"); fi
  done
done
m_with=$(printf '%.0f' "$(median "${with[@]}")"); m_without=$(printf '%.0f' "$(median "${without[@]}")")
echo "| dotnet build (full rebuild) of bench/LoadApp: without → with the package | ${m_without} ms → ${m_with} ms | $(ratio "$m_with" "$m_without") | ≤ 1.10 |" > "$out"

#!/usr/bin/env bash
# Every benchmark, end to end, on this machine: packs NonBlocking, then
#   1. micro-benchmarks (BenchmarkDotNet): cases (a)-(f) unwoven vs woven, raw probe pairs;
#   2. weaving cost (5,000 async methods) and build-time analysis of a 10,000-method chain;
#   3. `dotnet build` time with and without the package, and with the package's analyzer on and off;
#   4. load test (ASP.NET Core + wrk): unwoven, woven (watchdog off and on), unwoven with EventPipe TPL tracing,
#      and a second unwoven copy.
# Prints one table and writes it to bench/results/latest.md, with the minutes each part took. About 13 minutes on 2 cores.
# --thorough: the iterations, build pairs and load rounds run until 2026-12-06, and the analyzer's two rows that have no
#   target (the compiler's own cost of a local's declarator, the peer CA1849) (about 35 minutes; the same figures, a
#   little steadier).
# --smoke: build everything and run each part once, briefly (what the test suite does).
# Env: BENCH_MSBUILD_ARGS, extra arguments for every dotnet build/restore.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
smoke=""; [ "${1:-}" = "--smoke" ] && smoke="--smoke"
thorough=""; [ "${1:-}" = "--thorough" ] && thorough="--thorough"
# Build pairs per analyzer variant and load rounds: fewer by default (the analyzer's five variants of 8 pairs of
# 10-second builds took 11 of the 35 minutes, the load test's 20 rounds 6).
analyzer_runs=3; load_rounds=10; [ -n "$thorough" ] && { analyzer_runs=8; load_rounds=20; }
# The analyzer's variants with a target (with and without the compiler server, and with no warning to report); the
# "assigned" diagnostic and the CA1849 peer (a minute each) only with --thorough or --smoke (which keeps them building).
analyzer_variants="blocking true,blocking false,clean false"
[ -n "$thorough$smoke" ] && analyzer_variants="blocking true,blocking false,assigned false,clean false,ca1849 false"
# Each part's wall time, for the table's last line (the whole run's target is 15 minutes, issue 33).
started=$(date +%s); part_started=$started; timings=""
part_done() { local now; now=$(date +%s); timings="${timings:+$timings, }$1 $(( (now - part_started) / 60 ))m$(( (now - part_started) % 60 ))s"; part_started=$now; }
results="$bench/results"; mkdir -p "$results"
parts="$(mktemp -d)"; trap 'rm -rf "$parts"' EXIT
# bench/nuget.config lists this folder; restore fails on a missing local source, and a clean clone has none yet.
mkdir -p "$root/artifacts/packages"

# BENCH_MSBUILD_ARGS (the smoke test's): packages already packed elsewhere, e.g.
# "-p:NonBlockingVersion=V -p:RestoreAdditionalProjectSources=/feed"; otherwise pack this tree now.
if [ -z "${BENCH_MSBUILD_ARGS:-}" ]; then
  "$root/build/pack.sh" >/dev/null
  rm -rf "$root/artifacts/bench-packages/nonblocking.weaver" "$root/artifacts/bench-packages/nonblocking.runtime"
fi
part_done "pack"

echo "== micro-benchmarks" >&2
dotnet build "$bench/Micro/Micro.csproj" -c Release -nologo -v:q -clp:NoSummary ${BENCH_MSBUILD_ARGS:-}
dotnet "$bench/Micro/bin/Release/net10.0/NonBlocking.Bench.Micro.dll" $smoke $thorough --out "$parts/micro.md" >"$parts/micro.log" 2>&1 \
  || { tail -50 "$parts/micro.log"; exit 1; }
# (d) and (e) time a call of 1-2 ns, (a) and (c) one of 8-15 ns, and where the JIT places the code moves each by a
# quarter of a nanosecond or more from one process to the next (the same unwoven call measured 1.00 ns in one run,
# 1.22-1.49 ns in others; (e)'s 1.17-1.96 ns in three processes of one day while the woven one read 1.81-1.90; (c)'s
# ratio 0.93-1.46 over the fresh-clone runs of 2026-12-01/02); (g)'s SQLite query moves by a few per cent. Two more
# processes run (a) and (c)-(g) alone; for each, the table keeps the process whose ratio (for (e) and (f), whose
# targets are in nanoseconds, whose nanoseconds added) is the median of the three, and names all three.
if [ -z "$smoke" ]; then
  for k in 2 3; do
    dotnet "$bench/Micro/bin/Release/net10.0/NonBlocking.Bench.Micro.dll" $thorough --filter '*CaseBenchmarks.A*' '*CaseBenchmarks.C*' '*CaseBenchmarks.D*' '*CaseBenchmarks.E*' '*CaseBenchmarks.F*' '*CaseBenchmarks.G*' \
      --out "$parts/rerun$k.md" >"$parts/rerun.log" 2>&1 || { tail -50 "$parts/rerun.log"; exit 1; }
  done
  for c in a c d e f g; do
    rows="$(grep -h "^| $c:" "$parts/micro.md" "$parts/rerun2.md" "$parts/rerun3.md")"
    # The ratio decides, or for (e) and (f), whose targets are in nanoseconds added, the "(here +x ns)" figure.
    keyed="$(printf '%s\n' "$rows" | awk -F'|' '{k = $5; gsub(/ /, "", k); if (match($0, /here [+-][0-9.]+ ns/)) k = substr($0, RSTART + 5, RLENGTH - 8); print k "\t" $0}')"
    case "$c" in e | f) unit=" ns added" ;; *) unit="" ;; esac
    all="$(printf '%s\n' "$keyed" | cut -f1 | paste -sd, | sed 's/,/, /g')$unit"
    pick="$(printf '%s\n' "$keyed" | sort -g -k1,1 | sed -n 2p | cut -f2- | sed -E "s/^(\| [^|]*[^ ]) \|/\1; median of 3 processes: $all |/")"
    awk -v row="$pick" -v c="$c" '$0 ~ "^\\| " c ":" {print row; next} {print}' "$parts/micro.md" > "$parts/micro-$c.md"
    mv "$parts/micro-$c.md" "$parts/micro.md"
  done
fi
# The same with the hang watchdog on (opt-in: its per-segment tracking is compiled in only then), in one process:
# these figures have no target (--thorough: --quick's iterations, as before).
NONBLOCKING_HANG_MS=auto dotnet "$bench/Micro/bin/Release/net10.0/NonBlocking.Bench.Micro.dll" ${smoke:-${thorough:+--quick}} --out "$parts/micro-hang.md" >"$parts/micro.log" 2>&1 \
  || { tail -50 "$parts/micro.log"; exit 1; }

# bench/ThreadIdentity (the hang watchdog's floor, docs/performance.md) is run by hand; the smoke run keeps it building.
[ -n "$smoke" ] && dotnet build "$bench/ThreadIdentity/ThreadIdentity.csproj" -c Release -nologo -v:q -clp:NoSummary ${BENCH_MSBUILD_ARGS:-}

part_done "micro-benchmarks"
echo "== weaving cost" >&2
dotnet build "$bench/WeaveCost/WeaveCost.csproj" -c Release -nologo -v:q -clp:NoSummary ${BENCH_MSBUILD_ARGS:-}
dotnet "$bench/WeaveCost/bin/Release/net10.0/NonBlocking.Bench.WeaveCost.dll" $smoke --out "$parts/weave.md" >/dev/null

part_done "weaving"
echo "== build time" >&2
if [ -n "$smoke" ]; then BUILD_RUNS=1 "$bench/buildtime.sh" "$parts/build.md"; else "$bench/buildtime.sh" "$parts/build.md"; fi

part_done "build time"
echo "== analyzer build cost" >&2
if [ -n "$smoke" ]; then BUILD_RUNS=1 BUILD_WARM=0 ANALYZER_CLASSES=4 ANALYZER_VARIANTS="$analyzer_variants" "$bench/analyzercost.sh" "$parts/analyzer.md"; else BUILD_RUNS=$analyzer_runs ANALYZER_VARIANTS="$analyzer_variants" "$bench/analyzercost.sh" "$parts/analyzer.md"; fi
part_done "analyzer"

echo "== load test" >&2
if [ -n "$smoke" ]; then LOAD_WARMUP=1 LOAD_SECONDS=1 LOAD_ROUNDS=1 "$bench/load.sh" "$parts/load.md"; else LOAD_ROUNDS=$load_rounds "$bench/load.sh" "$parts/load.md"; fi
part_done "load test"

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(dotnet --version) SDK${smoke:+ (SMOKE RUN: one iteration, not figures)}."
  echo
  echo "Defaults (hang watchdog off):"; echo
  cat "$parts/micro.md"; echo; echo
  echo "With \`NONBLOCKING_HANG_MS=auto\` (hang watchdog on, opt-in):"; echo
  cat "$parts/micro-hang.md"; echo; echo
  echo "| cost | measured | ratio / rate | target |"
  echo "|---|---|---|---|"
  cat "$parts/weave.md" "$parts/build.md" "$parts/analyzer.md" "$parts/load.md"
  echo
  total=$(( $(date +%s) - started ))
  echo "The run took $(( total / 60 )) min $(( total % 60 )) s: ${timings}."
} > "$results/latest${smoke:+-smoke}.md"
cat "$results/latest${smoke:+-smoke}.md"

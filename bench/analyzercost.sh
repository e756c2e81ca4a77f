#!/usr/bin/env bash
# `dotnet build` time of bench/AnalyzerApp (2,400 generated methods: 1,200 async with awaits and some blocking calls,
# 1,200 sync helpers, one in five reaching File.AppendAllText through two more calls) with the package's Roslyn
# analyzer on and off (NonBlockingAnalyzer=true/false; the weave runs in both): full rebuilds in pairs, which goes
# first alternating; the ratio is the median over pairs. BUILD_RUNS pairs (8). Then the same without the compiler
# server, the same warnings with the NB0002 call sites outside local declarations, the same methods with no warning to
# report, and, for comparison, the SDK's own CA1849 (the same job: a sync call with an async counterpart in async code)
# on and off with NonBlocking's analyzer off. Writes markdown rows to $1. ANALYZER_VARIANTS: the variants to run, of
# "blocking true" (with the compiler server), "blocking false", "assigned false", "clean false", "ca1849 false"; all five
# by default; "internal false" (the warnings in internal classes) on request.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$bench/stats.sh"
out="${1:-/dev/stdout}"
runs="${BUILD_RUNS:-8}"
app="$bench/AnalyzerApp"
# 40 classes x (30 async + 30 sync) = 2,400 methods; ANALYZER_CLASSES fewer for the smoke run (the same code, smaller).
classes="${ANALYZER_CLASSES:-40}"; per=30
warm="${BUILD_WARM:-1}"   # 0: no warm-up builds (the smoke run, whose figures are not read)
thousands() { echo "$1" | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }  # 2400 -> 2,400 (printf's ' flag needs a locale)
# 21 warnings a class: 5 Thread.Sleep, 5 .Result, 5 Read (NB0001/NB0003), 6 NB0002 paths; CA1849 sees 20 of them.
methods=$(thousands $(( classes * per * 2 ))); warnings=$(thousands $(( classes * 21 ))); ca1849_warnings=$(thousands $(( classes * 20 )))
# Not named *.g.cs: the compiler treats that as generated code, which analyzers skip.

# $1: "blocking" (the calls the warnings are about), "clean" (their async forms, and a helper path with no I/O) or
# "assigned" (blocking, with each async method's call into its helper assigned to the local instead of initialising it),
# or "internal" (blocking, in internal classes a public entry point calls: the analyzer then works out which members
# can run before it reports, SourceLiveMethods).
generate() {
local sleep_call result_call read_call write_helper local_y="int y = " visibility="public"
if [ "$1" = internal ]; then visibility="internal"; fi
if [ "$1" = assigned ]; then local_y="int y; y = "; fi
if [ "$1" != clean ]; then
  sleep_call="Thread.Sleep(1);"; result_call="y += Task.FromResult(y).Result;"; read_call="y += _s.Read(new byte[1], 0, 1);"
  write_helper="private static void Write(int x) => File.AppendAllText(\"log\", x.ToString());"
else
  sleep_call="await Task.Delay(0);"; result_call="y += await Task.FromResult(y);"; read_call="y += await _s.ReadAsync(new byte[1], 0, 1);"
  write_helper="private static readonly System.Text.StringBuilder Log = new System.Text.StringBuilder(); private static void Write(int x) => Log.Append(x);"
fi
{
  echo "using System; using System.IO; using System.Threading; using System.Threading.Tasks;"
  echo "namespace AnalyzerApp {"
  for c in $(seq 1 $classes); do
    echo "$visibility sealed class C$c {"
    echo "  private readonly Stream _s = File.OpenRead(\"data\"); private int _n;"
    for i in $(seq 1 $per); do
      echo "  public async Task<int> A$i(int x, CancellationToken ct) { await Task.Yield(); ${local_y}S$i(x) + _n;"
      case $(( i % 6 )) in
        0) echo "    $sleep_call" ;;
        1) echo "    $result_call" ;;
        2) echo "    if (ct.IsCancellationRequested) $read_call" ;;
        3) echo "    var t = Task.FromResult(y); await t; y += t.Result;" ;;
        *) echo "    y += await Task.FromResult(x);" ;;
      esac
      echo "    return y; }"
      # One helper in five reaches a blocking call two calls down: NB0002 paths for the analyzer to find.
      if (( i % 5 == 0 )); then flush="if (x < -1) Flush(x); "; else flush=""; fi
      echo "  public int S$i(int x) { ${flush}var list = new System.Collections.Generic.List<int> { x, x + 1 }; foreach (var v in list) _n += v; return _n > 100 ? _n - 100 : _n; }"
    done
    echo "  private static void Flush(int x) => Write(x);"
    echo "  $write_helper"
    echo "}"
  done
  if [ "$1" = internal ]; then
    echo "public static class Entry { public static async Task Run() {"
    for c in $(seq 1 $classes); do
      echo "  { var c = new C$c(); $(for i in $(seq 1 $per); do printf 'await c.A%s(0, default); ' "$i"; done)}"
    done
    echo "} }"
  fi
  echo "}"
} > "$app/Methods.cs"
}

# Measured twice: with the compiler server (VBCSCompiler, the SDK's default: the analyzer is loaded and JIT-compiled once
# and stays warm across builds) and without it (UseSharedCompilation=false, as CI machines and this one's environment
# often set: every build starts csc afresh and JIT-compiles the analyzer and the Roslyn code it calls).
shared=true
# build ANALYZER [CA1849]: NonBlocking's analyzer on or off; the SDK's CA1849 as a warning or at its default (off).
build() { dotnet build "$app/AnalyzerApp.csproj" -c Release --no-restore --no-incremental -nologo -v:q -clp:NoSummary "-p:NonBlockingAnalyzer=$1" "-p:BenchCA1849=${2:-false}" "-p:UseSharedCompilation=$shared" ${BENCH_MSBUILD_ARGS:-} >/dev/null; }
trap 'generate blocking' EXIT  # leave the blocking Methods.cs for a build by hand, even when a build fails
dotnet restore "$app/AnalyzerApp.csproj" -v:q ${BENCH_MSBUILD_ARGS:-} >/dev/null

: > "$out"
# The bench's project keeps 840 warnings open (NB0001/NB0003 in half its async methods, 240 NB0002 paths): a stress
# case, since every warning costs the compiler and MSBuild too (the driver's suppression check, the message, the log).
# The same methods with those calls in their async forms ("clean", no warning, the same call graph to search) show
# what a project that has fixed its warnings pays.
# "assigned": the same 840 warnings, with each NB0002 call site an assignment to a local rather than its initialiser.
# The difference from the first rows is the compiler's, not the analyzer's: for a diagnostic reported when the
# compilation ends, Roslyn's [SuppressMessage] check asks for the symbols declared around its location, and a local's
# declarator makes it bind the whole method again with nullable analysis (docs/performance.md). Since the analyzer
# reports such a warning from the declaration's start (PathLocations), the two rows should read alike.
# The peer ("ca1849"): what the SDK's analyzer for the same job costs on the same project, NonBlocking's off in both.
variants="${ANALYZER_VARIANTS:-blocking true,blocking false,assigned false,clean false,ca1849 false}"
IFS=, read -r -a runs_of <<< "$variants"
for run in "${runs_of[@]}"; do
  read -r variant shared <<< "$run"
  if [ "$variant" = ca1849 ]; then generate blocking; on="timed false true"; off="timed false false"
  else generate "$variant"; on="timed true"; off="timed false"; fi
  if [ "$warm" = 1 ]; then $on >/dev/null; $off >/dev/null; fi  # warm the build nodes (and the compiler server)
  result=$(paired "$runs" "$on" "$off"); read -r m_without m_with r <<< "$result"
  if [ "$shared" = true ]; then how="with the compiler server (SDK default)"; else how="without the compiler server (UseSharedCompilation=false)"; fi
  case $variant in
    blocking) what="${warnings} warnings open"; who="analyzer"; target="≤ 1.05" ;;
    assigned) what="${warnings} warnings open, each NB0002 call assigned to a local, not initialising it"; who="analyzer"; target="(diagnostic)" ;;
    clean) what="the blocking calls in their async forms, no warning"; who="analyzer"; target="≤ 1.05" ;;
    internal) what="${warnings} warnings open, in internal classes a public entry point calls"; who="analyzer"; target="≤ 1.05" ;;
    ca1849) what="${warnings} warnings open, the SDK's CA1849 instead (${ca1849_warnings} warnings; NonBlocking's analyzer off)"; who="CA1849"; target="(peer)" ;;
  esac
  echo "| dotnet build (full rebuild) of bench/AnalyzerApp, ${methods} methods, ${what}, ${how}: ${who} off → on; median of ${runs} paired ratios | ${m_without} ms → ${m_with} ms | ${r} | ${target} |" >> "$out"
done

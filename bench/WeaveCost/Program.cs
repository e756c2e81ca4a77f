using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NonBlocking.Weaver;

namespace NonBlocking.Bench.WeaveCost
{
    /// <summary>
    /// Weaving cost, measured on the engine as the build task calls it: the median of several runs, each reading
    /// the compiled assembly and writing a woven copy. Prints markdown rows; --out writes them to a file too.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            bool smoke = args.Contains("--smoke");
            // --entries: a public entry method per class calls its async methods; --internal: the same with the classes
            // internal (the reachability walk runs; compare with --entries, docs/performance.md session 33).
            bool internalClasses = args.Contains("--internal"), entries = internalClasses || args.Contains("--entries");
            int outAt = Array.IndexOf(args, "--out");
            int asyncMethods = smoke ? 200 : 5000, chain = smoke ? 500 : 10000, runs = smoke ? 1 : 7;

            string dir = Path.Combine(Path.GetTempPath(), "nonblocking-weavecost-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string gen = Generated.Compile("Gen", Generated.AsyncMethods(asyncMethods, entries, internalClasses), dir);
                string chainDll = Generated.Compile("Chain", Generated.CallChain(chain), dir);
                var framework = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").ToList();
                string runtime = typeof(NonBlocking.AllowBlockingAttribute).Assembly.Location;

                // --loop N: only weave, N times, for a profiler (dotnet-trace collect -- dotnet …WeaveCost.dll --loop 30).
                int loopAt = Array.IndexOf(args, "--loop");
                if (loopAt >= 0 && loopAt + 1 < args.Length)
                {
                    for (int i = 0; i < int.Parse(args[loopAt + 1], CultureInfo.InvariantCulture); i++)
                    {
                        AssemblyWeaver.Weave(new WeaveOptions
                        {
                            AssemblyPath = gen, OutputPath = Path.Combine(dir, "Gen.loop.dll"), RuntimeAssemblyPath = runtime, ReferencePaths = framework,
                        });
                    }
                    return 0;
                }

                // One MoveNext of many awaits, at two sizes: its instrumentation and its analysis (try/catch, mode switches, completion checks) were once quadratic in them (docs/performance.md).
                int fewAwaits = smoke ? 250 : 2000, manyAwaits = 4 * fewAwaits;
                string fewDll = Generated.Compile("Few", Generated.ManyAwaits(fewAwaits), dir);
                string manyDll = Generated.Compile("Many", Generated.ManyAwaits(manyAwaits), dir);

                // One weave of dll, checked: every async method woven.
                void Weave(string dll, int i, int asyncMethodsInIt)
                {
                    var result = AssemblyWeaver.Weave(new WeaveOptions
                    {
                        AssemblyPath = dll, OutputPath = Path.ChangeExtension(dll, $".woven{i}.dll"), RuntimeAssemblyPath = runtime, ReferencePaths = framework,
                    });
                    if (result.Outcome != WeaveOutcome.Woven || result.AsyncMethodsWoven != asyncMethodsInIt)
                        throw new InvalidOperationException($"weave: {result.Outcome}, {result.AsyncMethodsWoven} woven\n" + string.Join("\n", result.Diagnostics));
                }

                var (weave, weaveBytes) = Median(runs, i => Weave(gen, i, asyncMethods + (entries ? asyncMethods / 100 : 0)));
                var (floor, floorBytes) = Median(runs, _ => CecilFloor.ReadEveryBodyAndWrite(gen, Path.GetDirectoryName(typeof(object).Assembly.Location)!));
                var (analyse, _) = Median(runs, _ =>
                {
                    var result = AssemblyWeaver.Analyze(new WeaveOptions { AssemblyPath = chainDll, ReferencePaths = framework, AnalysisMaxDepth = chain + 1 });
                    if (result.Diagnostics.Count(d => d.Code == "NB0002") != 1) throw new InvalidOperationException("analysis: expected one NB0002\n" + string.Join("\n", result.Diagnostics));
                });

                // One straight-line block of waits on tasks read once, at two sizes: the analysis alone.
                string fewWaitsDll = Generated.Compile("FewWaits", Generated.StraightWaits(fewAwaits), dir);
                string manyWaitsDll = Generated.Compile("ManyWaits", Generated.StraightWaits(manyAwaits), dir);
                TimeSpan AnalyseWaits(string dll, int waits) => Median(runs, _ =>
                {
                    var result = AssemblyWeaver.Analyze(new WeaveOptions { AssemblyPath = dll, ReferencePaths = framework });
                    if (result.Diagnostics.Count(d => d.Code == "NB0003") != waits) throw new InvalidOperationException($"analysis: expected {waits} NB0003\n" + string.Join("\n", result.Diagnostics.Take(5)));
                }).Time;
                var fewWaits = AnalyseWaits(fewWaitsDll, fewAwaits);
                var manyWaits = AnalyseWaits(manyWaitsDll, manyAwaits);
                var references = Generated.References();
                TimeSpan AnalyzerWaits(int waits)
                {
                    string source = Generated.StraightWaits(waits);
                    return Median(runs, _ =>
                    {
                        int found = AnalyzerRun.Warnings(source, references, "NB0003");
                        if (found != waits) throw new InvalidOperationException($"analyzer: expected {waits} NB0003, found {found}");
                    }).Time;
                }
                var fewWaitsSource = AnalyzerWaits(fewAwaits);
                var manyWaitsSource = AnalyzerWaits(manyAwaits);

                // Two async methods in each: Run and the M it awaits.
                var few = Median(runs, i => Weave(fewDll, i, 2)).Time;
                var many = Median(runs, i => Weave(manyDll, i, 2)).Time;

                double perSecond = asyncMethods / weave.TotalSeconds;
                var rows = new List<string>
                {
                    $"| weave {asyncMethods:N0} async methods{(internalClasses ? " in internal classes public entry methods call" : entries ? " in public classes public entry methods call" : "")} (read, analyse, instrument, write) | {Ms(weave)}, {(weaveBytes / 1024.0 / asyncMethods).ToString("N0", CultureInfo.InvariantCulture)} KB allocated per method; the assembly {Mb(new FileInfo(gen).Length)} → {Mb(new FileInfo(Path.ChangeExtension(gen, ".woven0.dll")).Length)} woven | {perSecond.ToString("N0", CultureInfo.InvariantCulture)} methods/s | ≥ 10,000 methods/s |",
                    $"| Mono.Cecil alone on the same {asyncMethods:N0} (read with the PDB, every method body, write with the PDB; nothing analysed or changed): the floor under the weave | {Ms(floor)}, {(floorBytes / 1024.0 / asyncMethods).ToString("N0", CultureInfo.InvariantCulture)} KB allocated per method | {(asyncMethods / floor.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} methods/s; the weave takes {(weave.TotalMilliseconds / floor.TotalMilliseconds).ToString("N2", CultureInfo.InvariantCulture)}× | |",
                    $"| weave one async method of {manyAwaits:N0} awaits (in pairs, each pair in a try/catch: one behind a mode switch, one after a completion check), against one of {fewAwaits:N0} | {Ms(many)} against {Ms(few)} | {(many.TotalMilliseconds / few.TotalMilliseconds).ToString("N1", CultureInfo.InvariantCulture)}× the time for 4× the awaits | ≤ 8× (linear: 4×; quadratic: 16×) |",
                    $"| analyse one async method of {manyAwaits:N0} waits on tasks read once, in one straight-line block (each reported), against one of {fewAwaits:N0} | {Ms(manyWaits)} against {Ms(fewWaits)} | {(manyWaits.TotalMilliseconds / fewWaits.TotalMilliseconds).ToString("N1", CultureInfo.InvariantCulture)}× the time for 4× the waits | ≤ 8× (linear: 4×; quadratic: 16×) |",
                    $"| the Roslyn analyzer on the same two methods' source (the compiler's binding included) | {Ms(manyWaitsSource)} against {Ms(fewWaitsSource)} | {(manyWaitsSource.TotalMilliseconds / fewWaitsSource.TotalMilliseconds).ToString("N1", CultureInfo.InvariantCulture)}× the time for 4× the waits | ≤ 8× (linear: 4×; quadratic: 16×) |",
                    $"| analyse a {chain:N0}-method call chain (NB0002 through all of it) | {Ms(analyse)} | {(chain / analyse.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} methods/s | |",
                };
                foreach (var row in rows) Console.WriteLine(row);
                if (outAt >= 0 && outAt + 1 < args.Length) File.WriteAllLines(args[outAt + 1], rows);
                return 0;
            }
            finally
            {
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
            }
        }

        /// <summary>The median time of the runs, and the median of the bytes each allocated (Cecil's and the engine's).</summary>
        private static (TimeSpan Time, long Bytes) Median(int runs, Action<int> run)
        {
            // Warm-up, as BenchmarkDotNet's: JIT, the catalog, and tiering. Back to back in one process, weaves took
            // 1,530, 1,375, 1,216, then 656 ms: the weaver's code settles at tier 1 only in the third or fourth run,
            // and with a single warm-up the median took in unsettled runs whenever the machine was busy.
            for (int w = 1; w <= 3; w++) run(-w);
            var times = new List<TimeSpan>();
            var bytes = new List<long>();
            for (int i = 0; i < runs; i++)
            {
                // Each run starts from a collected heap, as BenchmarkDotNet's iterations do: otherwise a run pays,
                // or not, for the previous run's garbage, and runs differed by a third.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                var sw = Stopwatch.StartNew();
                run(i);
                times.Add(sw.Elapsed);
                bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
            }
            times.Sort();
            bytes.Sort();
            return (times[times.Count / 2], bytes[bytes.Count / 2]);
        }

        private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N2", CultureInfo.InvariantCulture) + " MB";

        private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Mono.Cecil;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>bench/run.sh --smoke takes the longest of the end-to-end tests: a collection of its own, run beside "package" on the same feed.</summary>
    [CollectionDefinition("bench")]
    public class BenchCollection : ICollectionFixture<PackageFeed> { }

    /// <summary>
    /// bench/run.sh --smoke: every benchmark builds against the packed package and runs once. The figures are not
    /// judged here (that is what bench/run.sh is for), only that each part produced one and compared the right things.
    /// </summary>
    [Collection("bench")]
    public class BenchSmokeTests
    {
        private readonly PackageFeed _feed;

        public BenchSmokeTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void Bench_run_smoke_builds_and_runs_every_part_once()
        {
            string bench = TestPaths.Source("bench");
            var run = ProcessRunner.Run("bash", new[] { Path.Combine(bench, "run.sh"), "--smoke" }, bench,
                new Dictionary<string, string?>
                {
                    ["BENCH_MSBUILD_ARGS"] = $"-p:NonBlockingVersion={_feed.Version} -p:RestoreAdditionalProjectSources={_feed.Feed}",
                }, TimeSpan.FromMinutes(10));
            Assert.True(run.ExitCode == 0, "bench/run.sh --smoke failed: " + run);

            // The two workload copies differ by weaving alone.
            using (var woven = ModuleDefinition.ReadModule(Path.Combine(bench, "Workload.Woven/bin/Release/net10.0/Workload.Woven.dll")))
                Assert.NotNull(woven.GetType("<NonBlocking>Sites"));
            using (var plain = ModuleDefinition.ReadModule(Path.Combine(bench, "Workload.Plain/bin/Release/net10.0/Workload.Plain.dll")))
                Assert.Null(plain.GetType("<NonBlocking>Sites"));

            string table = File.ReadAllText(Path.Combine(bench, "results/latest-smoke.md"));
            foreach (var letter in new[] { "a:", "b:", "c:", "d:", "e:", "f:", "g:" })
                Assert.Matches(new Regex(@"\| " + letter + @"[^|]+\| [\d.]+ ns \| [\d.]+ ns \| \d+\.\d\d \| ≤ "), table);
            // (e)'s target is nanoseconds added; (g), a real I/O call with an async twin, carries the ratio target.
            Assert.Matches(new Regex(@"\| e:[^\n]*\| ≤ 1 ns added \(here [+-][\d.]+ ns\) \|"), table);
            Assert.Matches(new Regex(@"\| g:[^\n]*\| ≤ 1\.02 \|"), table);
            Assert.Matches(new Regex(@"raw probe: Enter exit pair \|.*\| [+-][\d.]+ ns"), table);
            Assert.Matches(new Regex(@"raw probe: Blocking start end pair \|.*\| [+-][\d.]+ ns"), table);
            Assert.Matches(new Regex(@"weave 200 async methods .*\| [\d,]+ methods/s"), table);
            Assert.Matches(new Regex(@"analyse one async method of 1,000 waits on tasks read once, in one straight-line block .*\| \d+ ms against \d+ ms \| [\d.]+× the time for 4× the waits \| ≤ 8×"), table);
            Assert.Matches(new Regex(@"the Roslyn analyzer on the same two methods' source .*\| \d+ ms against \d+ ms \| [\d.]+× the time for 4× the waits \| ≤ 8×"), table);
            // The floor under it: Mono.Cecil reading and writing the same assembly with nothing changed.
            Assert.Matches(new Regex(@"Mono\.Cecil alone on the same 200 .*\| [\d,]+ methods/s; the weave takes \d+\.\d\d× \|"), table);
            Assert.Matches(new Regex(@"dotnet build .*LoadApp.*\| \d+ ms → \d+ ms \| \d+\.\d{3}"), table);
            Assert.Matches(new Regex(@"dotnet build .*AnalyzerApp, [\d,]+ methods, [\d,]+ warnings open, with the compiler server .*: analyzer off → on.*\| \d+ ms → \d+ ms \| \d+\.\d{3} \| ≤ 1.05"), table);
            Assert.Matches(new Regex(@"dotnet build .*AnalyzerApp, [\d,]+ methods, [\d,]+ warnings open, without the compiler server .*: analyzer off → on.*\| \d+ ms → \d+ ms \| \d+\.\d{3} \| ≤ 1.05"), table);
            Assert.Matches(new Regex(@"dotnet build .*AnalyzerApp, [\d,]+ methods, [\d,]+ warnings open, each NB0002 call assigned to a local, not initialising it, without the compiler server .*: analyzer off → on.*\| \d+ ms → \d+ ms \| \d+\.\d{3} \| \(diagnostic\)"), table);
            Assert.Matches(new Regex(@"dotnet build .*AnalyzerApp, [\d,]+ methods, the blocking calls in their async forms, no warning, without the compiler server .*: analyzer off → on.*\| \d+ ms → \d+ ms \| \d+\.\d{3} \| ≤ 1.05"), table);
            Assert.Matches(new Regex(@"dotnet build .*AnalyzerApp, [\d,]+ methods, [\d,]+ warnings open, the SDK's CA1849 instead .*without the compiler server .*: CA1849 off → on.*\| \d+ ms → \d+ ms \| \d+\.\d{3} \| \(peer\)"), table);
            var load = Regex.Matches(table, @"\| load: [^|]+\| (\d+) req/s \| (\d+\.\d{3}) \|").Select(m => double.Parse(m.Groups[1].Value)).ToList();
            Assert.Equal(5, load.Count); // unwoven, woven, twin unwoven copy, woven with the watchdog, EventPipe peer
            Assert.All(load, rps => Assert.True(rps > 0, "a load variant served nothing:\n" + table));
            // The whole run's time and each part's (issue 33: the full run within 15 minutes).
            Assert.Matches(new Regex(@"The run took \d+ min \d+ s: pack \d+m\d+s, micro-benchmarks \d+m\d+s, weaving \d+m\d+s, build time \d+m\d+s, analyzer \d+m\d+s, load test \d+m\d+s\."), table);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NonBlocking.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NonBlocking.Accuracy.Tests
{
    public sealed class AccuracyFixture : IDisposable
    {
        public ScenarioBuild Build { get; } = new ScenarioBuild();
        public Servers Servers { get; } = new Servers();

        public void Dispose() => Servers.Dispose();
    }

    /// <summary>
    /// The run-time accuracy corpus: every labelled scenario in Scenarios/ runs woven, in its own process, and its JSON
    /// reports must be exactly its labels — each expected report (method, from/to lines, duration band, the blocking
    /// calls it names with their lines) and nothing else. Precision and recall of reports and of named calls are
    /// printed and written to bin/…/reports/accuracy-table.md; anything below 100 % fails.
    /// </summary>
    public sealed class RuntimeAccuracyTests : IClassFixture<AccuracyFixture>
    {
        /// <summary>Runs of one scenario at most: timing on a loaded two-core machine can push a sleep past its band once.</summary>
        private const int Attempts = 3;

        private readonly AccuracyFixture _fixture;
        private readonly ITestOutputHelper _output;

        public RuntimeAccuracyTests(AccuracyFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        [Fact]
        public void Corpus_covers_every_required_kind_of_scenario()
        {
            var names = _fixture.Build.Scenarios.Select(s => s.Name).ToList();
            Assert.True(names.Count >= 40, $"{names.Count} scenarios");
            foreach (var prefix in new[] { "inline/", "shapes/", "silent/", "contention/", "cpu/", "sqlite/", "dapper/", "efcore/", "postgres/", "redis/", "web/", "exit/", "hang/", "seed/", "stream/" })
                Assert.Contains(names, n => n.StartsWith(prefix, StringComparison.Ordinal));
            Assert.True(_fixture.Build.Scenarios.Count(s => s.Expect.Count == 0) >= 10, "at least ten scenarios that must stay silent");
        }

        [Fact]
        public void Every_scenario_reports_exactly_its_labels()
        {
            var total = new Score();
            var table = new StringBuilder("| scenario | expected reports | reports TP/FP/FN | calls TP/FP/FN | runs |\n|---|---:|---|---|---:|\n");
            var failures = new List<string>();
            var scenarios = _fixture.Build.Scenarios;
            var outcomes = new (List<Expected> Expected, Score Score, List<ActualReport> Actual, int Runs, List<string> Problems)[scenarios.Count];
            // Two scenario processes at a time: each is mostly asleep (a quarter to half of one core busy), so one at a
            // time left the machine idle for most of this test's minute. Scenarios that need the same server take turns:
            // the Redis ones stop the whole server with DEBUG SLEEP, which would stretch the other's timings.
            var servers = scenarios.Select(s => s.Needs).Where(n => n != null).Distinct().ToDictionary(n => n!, _ => new object());
            System.Threading.Tasks.Parallel.For(0, scenarios.Count, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var scenario = scenarios[i];
                if (scenario.Needs == null) { outcomes[i] = RunUntilExact(scenario); return; }
                lock (servers[scenario.Needs]) outcomes[i] = RunUntilExact(scenario);
            });
            for (int i = 0; i < scenarios.Count; i++)
            {
                var scenario = scenarios[i];
                var (expected, score, actual, runs, problems) = outcomes[i];
                foreach (var problem in problems) _output.WriteLine(problem);
                total.Add(score);
                table.Append($"| {scenario.Name} | {expected.Sum(e => e.Label.Count)} | {score.ReportTp}/{score.ReportFp}/{score.ReportFn} | " +
                             $"{score.CallTp}/{score.CallFp}/{score.CallFn} | {runs} |\n");
                if (!score.Exact)
                    failures.Add($"{scenario.Name}:\n    " + string.Join("\n    ", score.Problems) +
                                 "\n    actual:\n      " + string.Join("\n      ", actual));
            }

            string Percent(double r) => (100 * r).ToString("0.0", CultureInfo.InvariantCulture) + " %";
            table.Append($"\n{_fixture.Build.Scenarios.Count} scenarios ({_fixture.Build.Scenarios.Count(s => s.Expect.Count == 0)} silent). " +
                         $"Reports: precision {Percent(Score.Ratio(total.ReportTp, total.ReportFp))}, recall {Percent(Score.Ratio(total.ReportTp, total.ReportFn))} " +
                         $"({total.ReportTp} right, {total.ReportFp} false, {total.ReportFn} missed). " +
                         $"Named blocking calls: precision {Percent(Score.Ratio(total.CallTp, total.CallFp))}, recall {Percent(Score.Ratio(total.CallTp, total.CallFn))} " +
                         $"({total.CallTp} right, {total.CallFp} false, {total.CallFn} missed).\n");
            string reports = Path.Combine(AppContext.BaseDirectory, "reports");
            Directory.CreateDirectory(reports);
            File.WriteAllText(Path.Combine(reports, "accuracy-table.md"), table.ToString());
            _output.WriteLine(table.ToString());
            Assert.True(failures.Count == 0, $"{failures.Count} scenario(s) not reported exactly as labelled:\n" + string.Join("\n", failures));
        }

        /// <summary>Runs a scenario until its reports are exactly its labels, <see cref="Attempts"/> times at most.</summary>
        private (List<Expected>, Score, List<ActualReport>, int, List<string>) RunUntilExact(Scenario scenario)
        {
            var expected = scenario.Expect.Select(e => new Expected(e, _fixture.Build.Markers)).ToList();
            var problems = new List<string>();
            Score score = null!;
            List<ActualReport> actual = null!;
            int runs = 0;
            while (runs < Attempts)
            {
                runs++;
                actual = Run(scenario);
                score = Score.Of(expected, actual);
                if (score.Exact) break;
                problems.Add($"{scenario.Name} run {runs}: " + string.Join("; ", score.Problems));
            }
            return (expected, score, actual, runs, problems);
        }

        private List<ActualReport> Run(Scenario scenario)
        {
            string output = Path.Combine(_fixture.Build.Directory, "reports-" + Guid.NewGuid().ToString("N") + ".jsonl");
            var environment = new Dictionary<string, string?>
            {
                ["NONBLOCKING_OUTPUT"] = output,
                // Every report is asserted, so none may be rate-limited away.
                ["NONBLOCKING_MAX_REPORTS_PER_SECOND"] = "1000",
                ["NONBLOCKING_MAX_REPORTS_PER_SITE"] = "1000",
            };
            foreach (var (k, v) in _fixture.Servers.Environment) environment[k] = v;
            foreach (var pair in (scenario.Env ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=');
                environment[pair.Substring(0, eq)] = pair.Substring(eq + 1);
            }
            var r = ProcessRunner.Run("dotnet", new[] { _fixture.Build.Assembly, scenario.Name }, _fixture.Build.Directory, environment, TimeSpan.FromMinutes(2));
            Assert.True(r.ExitCode == 0 && r.StdOut.Contains("scenario done: " + scenario.Name), $"{scenario.Name} failed: {r}");
            return File.Exists(output) ? File.ReadAllLines(output).Where(l => l.Length > 0).Select(ActualReport.Parse).ToList() : new List<ActualReport>();
        }
    }
}

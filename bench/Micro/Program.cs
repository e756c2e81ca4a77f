using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace NonBlocking.Bench.Micro
{
    /// <summary>
    /// Runs the micro-benchmarks and writes the woven/unwoven table (markdown) to the path given with --out.
    /// --smoke runs one iteration of each, to prove the project builds and runs; --quick fewer iterations, for trying things;
    /// --thorough the iterations bench/run.sh ran until 2026-12-06 (twice as many, of twice the time); other arguments are
    /// BenchmarkDotNet's (--filter).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            bool smoke = args.Contains("--smoke"), quick = args.Contains("--quick"), thorough = args.Contains("--thorough");
            int outAt = Array.IndexOf(args, "--out");
            string? output = outAt >= 0 && outAt + 1 < args.Length ? args[outAt + 1] : null;

            // In-process: no generated project to build per run, which keeps bench/run.sh short on 2 cores.
            // The default: 10 measured iterations of 250 ms after 3 warm-ups, a quarter of --thorough's time per benchmark, so
            // bench/run.sh fits in 15 minutes on 2 cores; the cases that move from one process to the next get three processes.
            var job = (smoke ? Job.Dry : quick ? Job.Default.WithWarmupCount(3).WithIterationCount(8)
                    : thorough ? Job.Default.WithWarmupCount(6).WithIterationCount(20)
                    : Job.Default.WithWarmupCount(3).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(250)))
                .WithToolchain(InProcessEmitToolchain.Instance);
            var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);

            // Anything else goes to BenchmarkDotNet, e.g. --filter '*D_*' to run one case while trying things.
            var rest = args.Where((a, i) => a != "--smoke" && a != "--quick" && a != "--thorough" && (outAt < 0 || (i != outAt && i != outAt + 1))).ToArray();
            var summaries = new[] { BenchmarkRunner.Run<CaseBenchmarks>(config, rest), BenchmarkRunner.Run<ProbeBenchmarks>(config, rest) };
            string table = Table(summaries[0], summaries[1]);
            Console.WriteLine();
            Console.WriteLine(table);
            if (output != null) File.WriteAllText(output, table);
            return summaries.All(s => s.Reports.All(r => r.Success)) ? 0 : 1;
        }

        private static string Table(Summary cases, Summary probes)
        {
            var lines = new List<string>
            {
                "| case | unwoven (median) | woven (median) | ratio | target | allocated unwoven → woven |",
                "|---|---|---|---|---|---|",
            };
            var targets = new Dictionary<char, double> { ['a'] = 1.25, ['b'] = 1.05, ['c'] = 1.25, ['d'] = 1.25, ['f'] = 1.25, ['g'] = 1.02 };
            foreach (var letter in "abcdefg")
            {
                var plain = Report(cases, char.ToUpperInvariant(letter) + "_Unwoven");
                var woven = Report(cases, char.ToUpperInvariant(letter) + "_Woven");
                if (plain?.ResultStatistics == null || woven?.ResultStatistics == null) continue;
                double ratio = woven.ResultStatistics.Median / plain.ResultStatistics.Median;
                string category = plain.BenchmarkCase.Descriptor.Categories.FirstOrDefault() ?? letter.ToString();
                // (e) and (f) are calls of a nanosecond or two: (e)'s target is at most 1 ns added per call (a ratio of
                // two such calls says little; (g), a real I/O call with an async twin, has the ratio target), and
                // (f)'s is also met by it. bench/run.sh keeps the median of three processes by the "here" figure.
                double added = woven.ResultStatistics.Median - plain.ResultStatistics.Median;
                string here = $"(here {added.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)} ns)";
                string target = letter == 'e' ? "≤ 1 ns added " + here
                    : "≤ " + targets[letter].ToString("0.00", CultureInfo.InvariantCulture) + (letter == 'f' ? " or ≤ 1 ns added " + here : "");
                lines.Add($"| {category} | {Ns(plain)} | {Ns(woven)} | {ratio.ToString("0.00", CultureInfo.InvariantCulture)} | {target} " +
                          $"| {Bytes(plain)} → {Bytes(woven)} |");
            }
            foreach (var name in new[] { "Enter_exit_pair", "Blocking_start_end_pair" })
            {
                var report = Report(probes, name);
                var empty = Report(probes, "Empty_loop");
                if (report?.ResultStatistics == null || empty?.ResultStatistics == null) continue;
                double extra = report.ResultStatistics.Median - empty.ResultStatistics.Median;
                lines.Add($"| raw probe: {name.Replace('_', ' ')} | {Ns(empty)} (empty loop) | {Ns(report)} | {extra.ToString("+0.0;-0.0", CultureInfo.InvariantCulture)} ns | | {Bytes(empty)} → {Bytes(report)} |");
            }
            return string.Join(Environment.NewLine, lines);
        }

        private static BenchmarkReport? Report(Summary summary, string method) =>
            summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);

        private static string Ns(BenchmarkReport report) =>
            report.ResultStatistics!.Median.ToString(report.ResultStatistics.Median < 100 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ns";

        private static string Bytes(BenchmarkReport report) =>
            (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0).ToString(CultureInfo.InvariantCulture) + " B";
    }
}

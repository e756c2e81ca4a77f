using System;
using System.Collections.Generic;
using System.Linq;

namespace NonBlocking.Tool.Report
{
    /// <summary>One blocked async method over all its segment reports.</summary>
    internal sealed record MethodRow(string Method, int Count, long TotalMs, long MedianMs, long MaxMs,
        LoggedCall? TopCall, int TopCallCount, long TopCallTotalMs, string Between);

    /// <summary>One method's hang reports.</summary>
    internal sealed record HangRow(string Method, int Count, long LongestMs, int AtExit, LoggedCall? Call, string From);

    /// <summary>One blocking call site's reports in thread-pool mode (outside any async segment).</summary>
    internal sealed record CallRow(string Api, string Caller, string Site, int Count, long TotalMs, long MaxMs);

    /// <summary>
    /// What a day of reports comes to: the blocked methods by total self time (the time each segment held its thread
    /// itself, nested slow segments left to their own rows), hangs and thread-pool-mode calls apart.
    /// </summary>
    internal sealed class ReportSummary
    {
        public ReportSummary(IReadOnlyList<LoggedReport> reports)
        {
            Reports = reports;
            Methods = reports.Where(r => r.Kind == "segment").GroupBy(r => r.Method)
                .Select(g => Method(g.Key, g.ToList())).OrderByDescending(m => m.TotalMs).ThenBy(m => m.Method, StringComparer.Ordinal).ToList();
            Hangs = reports.Where(r => r.Kind == "hang").GroupBy(r => r.Method)
                .Select(g => new HangRow(g.Key, g.Count(), g.Max(r => r.DurationMs), g.Count(r => r.AtExit),
                    g.OrderByDescending(r => r.DurationMs).First().Calls.FirstOrDefault(), Where(g.First().FromFile, g.First().FromLine)))
                .OrderByDescending(h => h.LongestMs).ToList();
            Calls = reports.Where(r => r.Kind == "blocking").GroupBy(r => (r.Calls[0].Api, r.Calls[0].Caller, r.Calls[0].Site))
                .Select(g => new CallRow(g.Key.Api, g.Key.Caller, g.Key.Site, g.Count(), g.Sum(r => r.DurationMs), g.Max(r => r.DurationMs)))
                .OrderByDescending(c => c.TotalMs).ToList();
        }

        public IReadOnlyList<LoggedReport> Reports { get; }
        public List<MethodRow> Methods { get; }
        public List<HangRow> Hangs { get; }
        public List<CallRow> Calls { get; }
        public DateTimeOffset? First => Reports.Count == 0 ? null : Reports.Min(r => r.Time);
        public DateTimeOffset? Last => Reports.Count == 0 ? null : Reports.Max(r => r.Time);

        private static MethodRow Method(string method, List<LoggedReport> segments)
        {
            var self = segments.Select(s => s.SelfMs).OrderBy(v => v).ToList();
            var top = segments.SelectMany(s => s.Calls).GroupBy(c => (c.Api, c.Site))
                .Select(g => (Call: g.First(), Count: g.Count(), Total: g.Sum(c => c.DurationMs)))
                .OrderByDescending(c => c.Total).FirstOrDefault();
            var between = segments.GroupBy(s => Where(s.FromFile, s.FromLine) + " → " + Where(s.ToFile, s.ToLine))
                .OrderByDescending(g => g.Count()).First().Key;
            return new MethodRow(method, segments.Count, self.Sum(), Median(self), self[self.Count - 1],
                top.Call, top.Count, top.Total, between);
        }

        private static long Median(List<long> sorted) =>
            sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

        public static string Where(string? file, int line) => file == null ? "?" : $"{System.IO.Path.GetFileName(file)}:{line}";
    }
}

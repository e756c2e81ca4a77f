using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NonBlocking.Tool.Report
{
    /// <summary>The summary as plain-text tables, worst first.</summary>
    internal static class TextReport
    {
        public static string Render(ReportSummary summary, int top)
        {
            var sb = new StringBuilder();
            sb.Append("NonBlocking: ").Append(summary.Reports.Count).Append(" report(s)");
            if (summary.First != null) sb.Append(", ").Append(Time(summary.First.Value)).Append(" – ").Append(Time(summary.Last!.Value));
            sb.AppendLine().AppendLine();

            sb.AppendLine(Heading("Blocked async methods, by total self time", summary.Methods.Count, top));
            Table(sb, new[] { "#", "method", "count", "total", "median", "max", "top blocking call", "between awaits" },
                summary.Methods.Take(top).Select((m, i) => new[]
                {
                    (i + 1).ToString(CultureInfo.InvariantCulture), m.Method, m.Count.ToString(CultureInfo.InvariantCulture),
                    Duration(m.TotalMs), Duration(m.MedianMs), Duration(m.MaxMs),
                    m.TopCall == null ? "(none catalogued)" : $"{m.TopCall.Api} at {m.TopCall.Site} ({m.TopCallCount}×, {Duration(m.TopCallTotalMs)})",
                    m.Between,
                }));

            if (summary.Hangs.Count > 0)
            {
                sb.AppendLine().AppendLine(Heading("Hangs (reported while running)", summary.Hangs.Count, top));
                Table(sb, new[] { "method", "count", "longest", "at exit", "blocking call", "from" },
                    summary.Hangs.Take(top).Select(h => new[]
                    {
                        h.Method, h.Count.ToString(CultureInfo.InvariantCulture), Duration(h.LongestMs), h.AtExit.ToString(CultureInfo.InvariantCulture),
                        h.Call == null ? "" : $"{h.Call.Api} at {h.Call.Site}", h.From,
                    }));
            }
            if (summary.Calls.Count > 0)
            {
                sb.AppendLine().AppendLine(Heading("Blocking calls on thread-pool threads outside async segments", summary.Calls.Count, top));
                Table(sb, new[] { "api", "caller", "site", "count", "total", "max" },
                    summary.Calls.Take(top).Select(c => new[]
                    {
                        c.Api, c.Caller, c.Site, c.Count.ToString(CultureInfo.InvariantCulture), Duration(c.TotalMs), Duration(c.MaxMs),
                    }));
            }
            return sb.ToString();
        }

        private static string Heading(string title, int count, int top) =>
            count > top ? $"{title} (top {top} of {count})" : $"{title} ({count})";

        private static void Table(StringBuilder sb, string[] header, IEnumerable<string[]> rows)
        {
            var all = new List<string[]> { header };
            all.AddRange(rows);
            if (all.Count == 1) { sb.AppendLine("  (none)"); return; }
            var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
            foreach (var row in all)
                sb.Append("  ").AppendLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }

        public static string Duration(long ms) =>
            ms < 10_000 ? ms.ToString(CultureInfo.InvariantCulture) + " ms"
            : ms < 3_600_000 ? (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : (ms / 3_600_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " h";

        public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}

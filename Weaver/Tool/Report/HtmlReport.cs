using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;

namespace NonBlocking.Tool.Report
{
    /// <summary>
    /// The summary as one self-contained HTML page: a bar chart of blocked time per method, a timeline of reports and
    /// the tables, drawn as inline SVG, with the chart's numbers also embedded as JSON (<c>#nonblocking-data</c>). No
    /// network access, no external files: it opens from disk in any browser.
    /// </summary>
    internal static class HtmlReport
    {
        private const int ChartWidth = 900, LabelWidth = 320, BarHeight = 22;

        public static string Render(ReportSummary summary, int top, IReadOnlyList<string> sources)
        {
            var methods = summary.Methods.Take(top).ToList();
            var sb = new StringBuilder();
            sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>NonBlocking report</title>\n<style>")
              .Append("body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}")
              .Append("table{border-collapse:collapse;margin-top:8px}th,td{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}")
              .Append("th{cursor:pointer;background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}code{font-size:12px}")
              .Append(".bar{fill:#c0392b}.hang{fill:#8e44ad}.dot{fill:#c0392b;fill-opacity:.55}.axis{stroke:#999}.label{font-size:12px}")
              .Append("</style></head><body>\n");
            sb.Append("<h1>NonBlocking report</h1>\n<p>").Append(summary.Reports.Count).Append(" report(s) from ")
              .Append(Html(string.Join(", ", sources.Select(System.IO.Path.GetFileName))));
            if (summary.First != null)
                sb.Append(", ").Append(TextReport.Time(summary.First.Value)).Append(" – ").Append(TextReport.Time(summary.Last!.Value));
            sb.Append(".</p>\n");

            sb.Append("<h2>Blocked time per method (total self time)</h2>\n");
            BarChart(sb, methods);
            sb.Append("<h2>Timeline</h2>\n");
            Timeline(sb, summary, methods);

            sb.Append("<h2>Blocked async methods</h2>\n");
            Table(sb, "methods", new[] { "#", "method", "count", "total ms", "median ms", "max ms", "top blocking call", "between awaits" },
                methods.Select((m, i) => new[]
                {
                    N(i + 1), Html(m.Method), N(m.Count), N(m.TotalMs), N(m.MedianMs), N(m.MaxMs),
                    m.TopCall == null ? "" : $"<code>{Html(m.TopCall.Api)}</code> at {Html(m.TopCall.Site)} ({m.TopCallCount}×, {Html(TextReport.Duration(m.TopCallTotalMs))})",
                    Html(m.Between),
                }), numeric: new[] { 0, 2, 3, 4, 5 });
            if (summary.Hangs.Count > 0)
            {
                sb.Append("<h2>Hangs</h2>\n");
                Table(sb, "hangs", new[] { "method", "count", "longest ms", "at exit", "blocking call", "from" },
                    summary.Hangs.Take(top).Select(h => new[]
                    {
                        Html(h.Method), N(h.Count), N(h.LongestMs), N(h.AtExit), h.Call == null ? "" : $"<code>{Html(h.Call.Api)}</code> at {Html(h.Call.Site)}", Html(h.From),
                    }), numeric: new[] { 1, 2, 3 });
            }
            if (summary.Calls.Count > 0)
            {
                sb.Append("<h2>Blocking calls outside async segments (thread-pool mode)</h2>\n");
                Table(sb, "calls", new[] { "api", "caller", "site", "count", "total ms", "max ms" },
                    summary.Calls.Take(top).Select(c => new[] { $"<code>{Html(c.Api)}</code>", Html(c.Caller), Html(c.Site), N(c.Count), N(c.TotalMs), N(c.MaxMs) }),
                    numeric: new[] { 3, 4, 5 });
            }

            var data = new
            {
                reports = summary.Reports.Count,
                methods = methods.Select(m => new { method = m.Method, count = m.Count, totalMs = m.TotalMs, medianMs = m.MedianMs, maxMs = m.MaxMs }),
                hangs = summary.Hangs.Take(top).Select(h => new { method = h.Method, count = h.Count, longestMs = h.LongestMs }),
            };
            sb.Append("<script type=\"application/json\" id=\"nonblocking-data\">").Append(JsonSerializer.Serialize(data)).Append("</script>\n");
            // Sortable tables; the page is complete without it.
            sb.Append("<script>document.querySelectorAll('table').forEach(function(t){t.querySelectorAll('th').forEach(function(th,i){")
              .Append("th.addEventListener('click',function(){var b=t.tBodies[0],rows=Array.from(b.rows),num=th.dataset.numeric==='1',")
              .Append("dir=th.dataset.dir==='asc'?-1:1;th.dataset.dir=dir>0?'asc':'desc';rows.sort(function(x,y){var a=x.cells[i].textContent,")
              .Append("c=y.cells[i].textContent;return dir*(num?parseFloat(a)-parseFloat(c):a.localeCompare(c));});rows.forEach(function(r){b.appendChild(r);});});});});")
              .Append("document.documentElement.dataset.ready='1';</script>\n");
            sb.Append("</body></html>\n");
            return sb.ToString();
        }

        private static void BarChart(StringBuilder sb, List<MethodRow> methods)
        {
            if (methods.Count == 0) { sb.Append("<p>No blocked segments.</p>\n"); return; }
            long max = Math.Max(1, methods.Max(m => m.TotalMs));
            int height = methods.Count * (BarHeight + 6) + 10;
            sb.Append($"<svg id=\"bars\" width=\"{ChartWidth}\" height=\"{height}\" role=\"img\" aria-label=\"blocked time per method\">\n");
            for (int i = 0; i < methods.Count; i++)
            {
                var m = methods[i];
                int y = 5 + i * (BarHeight + 6);
                double width = Math.Max(1, (ChartWidth - LabelWidth - 90) * (double)m.TotalMs / max);
                sb.Append($"<text class=\"label\" x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{Html(Shorten(m.Method, 48))}</text>")
                  .Append($"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{F(width)}\" height=\"{BarHeight}\" data-method=\"{Html(m.Method)}\" data-total-ms=\"{m.TotalMs}\">")
                  .Append($"<title>{Html(m.Method)}: {m.Count} report(s), {Html(TextReport.Duration(m.TotalMs))} in total</title></rect>")
                  .Append($"<text class=\"label\" x=\"{F(LabelWidth + width + 6)}\" y=\"{y + 15}\">{Html(TextReport.Duration(m.TotalMs))}</text>\n");
            }
            sb.Append("</svg>\n");
        }

        private static void Timeline(StringBuilder sb, ReportSummary summary, List<MethodRow> methods)
        {
            if (summary.First == null) { sb.Append("<p>No reports.</p>\n"); return; }
            var rows = methods.Select(m => m.Method).ToList();
            int other = rows.Count;
            double start = summary.First.Value.ToUnixTimeMilliseconds(), span = Math.Max(1, summary.Last!.Value.ToUnixTimeMilliseconds() - start);
            int height = (rows.Count + 1) * 20 + 30;
            sb.Append($"<svg id=\"timeline\" width=\"{ChartWidth}\" height=\"{height}\" role=\"img\" aria-label=\"reports over time\">\n");
            for (int i = 0; i <= rows.Count; i++)
                sb.Append($"<text class=\"label\" x=\"{LabelWidth - 6}\" y=\"{14 + i * 20}\" text-anchor=\"end\">{Html(i < rows.Count ? Shorten(rows[i], 48) : "other, hangs, thread-pool")}</text>\n");
            sb.Append($"<line class=\"axis\" x1=\"{LabelWidth}\" y1=\"{height - 20}\" x2=\"{ChartWidth - 10}\" y2=\"{height - 20}\"/>")
              .Append($"<text class=\"label\" x=\"{LabelWidth}\" y=\"{height - 4}\">{Html(TextReport.Time(summary.First.Value))}</text>")
              .Append($"<text class=\"label\" x=\"{ChartWidth - 10}\" y=\"{height - 4}\" text-anchor=\"end\">{Html(TextReport.Time(summary.Last.Value))}</text>\n");
            foreach (var r in summary.Reports)
            {
                int row = r.Kind == "segment" ? rows.IndexOf(r.Method) : -1;
                if (row < 0) row = other;
                double x = LabelWidth + (ChartWidth - LabelWidth - 20) * (r.Time.ToUnixTimeMilliseconds() - start) / span;
                double radius = Math.Min(9, 2 + Math.Sqrt(r.SelfMs) / 6);
                sb.Append($"<circle class=\"{(r.Kind == "hang" ? "hang" : "dot")}\" cx=\"{F(x)}\" cy=\"{10 + row * 20}\" r=\"{F(radius)}\">")
                  .Append($"<title>{Html(r.Method)}: {Html(TextReport.Duration(r.SelfMs))} at {Html(TextReport.Time(r.Time))}</title></circle>\n");
            }
            sb.Append("</svg>\n");
        }

        private static void Table(StringBuilder sb, string id, string[] header, IEnumerable<string[]> rows, int[] numeric)
        {
            sb.Append($"<table id=\"{id}\"><thead><tr>");
            for (int i = 0; i < header.Length; i++) sb.Append($"<th data-numeric=\"{(numeric.Contains(i) ? 1 : 0)}\">{Html(header[i])}</th>");
            sb.Append("</tr></thead><tbody>\n");
            foreach (var row in rows)
            {
                sb.Append("<tr>");
                for (int i = 0; i < row.Length; i++) sb.Append(numeric.Contains(i) ? "<td class=\"n\">" : "<td>").Append(row[i]).Append("</td>");
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody></table>\n");
        }

        private static string Shorten(string s, int max) => s.Length <= max ? s : "…" + s.Substring(s.Length - max + 1);
        private static string Html(string s) => WebUtility.HtmlEncode(s);
        private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        private static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
    }
}

using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace NonBlocking.Tool.Report
{
    /// <summary>
    /// <c>nonblocking report &lt;file.jsonl&gt;... [--top N] [--since &lt;time&gt;] [--html &lt;file&gt;]</c>: the JSON-lines
    /// reports of a day brought down to the few methods that matter. Lines that are not reports are named (file:line)
    /// on stderr and skipped; exit 1 only when nothing could be read.
    /// </summary>
    internal static class ReportCommand
    {
        private const int MaxSkippedShown = 20;

        public static Command Create()
        {
            var files = new Argument<string[]>("files") { Description = "JSON-lines report files (NONBLOCKING_OUTPUT=<file>).", Arity = ArgumentArity.OneOrMore };
            var top = new Option<int>("--top") { Description = "How many methods each table shows.", DefaultValueFactory = _ => 10 };
            var since = new Option<string?>("--since") { Description = "Only reports from this time on: an ISO 8601 time (2026-12-01T08:00Z) or an age (30m, 2h, 1d)." };
            var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained HTML page (bar chart, timeline, tables) to this file." };
            var command = new Command("report", "Summarise JSON-lines reports: the worst blocked methods by total self time, hangs, thread-pool-mode calls.")
            {
                files, top, since, html,
            };
            command.SetAction(parse =>
            {
                var paths = parse.GetValue(files)!;
                var missing = paths.FirstOrDefault(p => !File.Exists(p));
                if (missing != null) return CommonOptions.FailUsage($"{Path.GetFullPath(missing)} does not exist");
                int count = parse.GetValue(top);
                if (count < 1) return CommonOptions.FailUsage("--top must be at least 1");
                DateTimeOffset? from = null;
                string? sinceText = parse.GetValue(since);
                if (sinceText != null)
                {
                    from = ParseSince(sinceText, DateTimeOffset.UtcNow);
                    if (from == null) return CommonOptions.FailUsage($"--since '{sinceText}' is neither an ISO 8601 time nor an age such as 30m, 2h or 1d");
                }

                var (reports, skipped) = ReportLog.Read(paths);
                foreach (var line in skipped.Take(MaxSkippedShown)) Console.Error.WriteLine("nonblocking: " + line + (line.Line > 0 ? "; skipped" : ""));
                if (skipped.Count > MaxSkippedShown) Console.Error.WriteLine($"nonblocking: … and {skipped.Count - MaxSkippedShown} more line(s) skipped");
                bool anyRead = reports.Count > 0;
                if (from != null) reports = reports.Where(r => r.Time >= from.Value).ToList();

                var summary = new ReportSummary(reports);
                Console.Out.Write(TextReport.Render(summary, count));
                var page = parse.GetValue(html);
                if (page != null)
                {
                    File.WriteAllText(page.FullName, HtmlReport.Render(summary, count, paths));
                    Console.Out.WriteLine();
                    Console.Out.WriteLine("HTML: " + page.FullName);
                }
                // Nothing readable at all is a failure; an empty file or a window with no reports is not.
                return !anyRead && skipped.Any(s => s.Line > 0) ? Program.Failed : Program.Ok;
            });
            return command;
        }

        /// <summary>An ISO 8601 time, or an age before <paramref name="now"/> (<c>45s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>).</summary>
        public static DateTimeOffset? ParseSince(string text, DateTimeOffset now)
        {
            var age = Regex.Match(text.Trim(), @"^(\d+)\s*(s|m|h|d)$");
            if (age.Success)
            {
                double n = double.Parse(age.Groups[1].Value, CultureInfo.InvariantCulture);
                var span = age.Groups[2].Value switch { "s" => TimeSpan.FromSeconds(n), "m" => TimeSpan.FromMinutes(n), "h" => TimeSpan.FromHours(n), _ => TimeSpan.FromDays(n) };
                return now - span;
            }
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        }
    }
}

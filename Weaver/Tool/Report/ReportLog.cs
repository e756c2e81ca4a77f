using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NonBlocking.Tool.Report
{
    /// <summary>A call as a report names it.</summary>
    internal sealed record LoggedCall(string Api, string Caller, string? File, int Line, long DurationMs)
    {
        public string Site => File == null ? Caller : ReportSummary.Where(File, Line);
    }

    /// <summary>One report read back from a JSON-lines file (the runtime's <c>NONBLOCKING_OUTPUT</c> format).</summary>
    internal sealed record LoggedReport(string Kind, DateTimeOffset Time, string Assembly, string Method, long DurationMs, long SelfMs,
        string? FromFile, int FromLine, string? ToFile, int ToLine, IReadOnlyList<LoggedCall> Calls, bool AtExit, string? TraceId);

    /// <summary>A line that could not be read, and why: shown to the user as file:line.</summary>
    internal sealed record SkippedLine(string File, int Line, string Reason)
    {
        public override string ToString() => $"{File}:{Line}: {Reason}";
    }

    /// <summary>
    /// Reads JSON-lines report files. A line that is not a report (truncated by a crash, another tool's JSON, a kind this
    /// version does not know) is skipped with a reason and the rest of the file is read.
    /// </summary>
    internal static class ReportLog
    {
        public static (List<LoggedReport> Reports, List<SkippedLine> Skipped) Read(IEnumerable<string> files)
        {
            var reports = new List<LoggedReport>();
            var skipped = new List<SkippedLine>();
            foreach (var file in files)
            {
                int number = 0, read = 0;
                foreach (var line in File.ReadLines(file))
                {
                    number++;
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    try
                    {
                        reports.Add(Parse(line));
                        read++;
                    }
                    catch (JsonException e)
                    {
                        skipped.Add(new SkippedLine(file, number, "not valid JSON (a truncated line?): " + e.Message.Split('.')[0]));
                    }
                    catch (NotAReportException e)
                    {
                        skipped.Add(new SkippedLine(file, number, e.Message));
                    }
                }
                if (number == 0) skipped.Add(new SkippedLine(file, 0, "empty file: no reports"));
                else if (read == 0 && skipped.All(s => s.File != file || s.Line == 0)) skipped.Add(new SkippedLine(file, 0, "no reports in it"));
            }
            return (reports, skipped);
        }

        private sealed class NotAReportException : Exception
        {
            public NotAReportException(string message) : base(message) { }
        }

        private static LoggedReport Parse(string line)
        {
            using var document = JsonDocument.Parse(line);
            var r = document.RootElement;
            if (r.ValueKind != JsonValueKind.Object) throw new NotAReportException("not a NonBlocking report (not a JSON object)");
            string kind = Text(r, "kind") ?? throw new NotAReportException("not a NonBlocking report (no \"kind\")");
            var time = DateTimeOffset.TryParse(Text(r, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t : throw new NotAReportException("not a NonBlocking report (no \"time\")");
            string assembly = Text(r, "assembly") ?? "";
            string? trace = Text(r, "traceId");
            switch (kind)
            {
                case "segment":
                {
                    var (fromFile, fromLine) = Location(r, "from");
                    var (toFile, toLine) = Location(r, "to");
                    var calls = r.TryGetProperty("blocking", out var b) && b.ValueKind == JsonValueKind.Array
                        ? b.EnumerateArray().Select(Call).ToList() : new List<LoggedCall>();
                    return new LoggedReport(kind, time, assembly, Required(r, "method"), Number(r, "durationMs"), Number(r, "selfMs"),
                        fromFile, fromLine, toFile, toLine, calls, false, trace);
                }
                case "hang":
                {
                    var (fromFile, fromLine) = Location(r, "from");
                    var calls = r.TryGetProperty("call", out var c) && c.ValueKind == JsonValueKind.Object ? new List<LoggedCall> { Call(c) } : new List<LoggedCall>();
                    long running = Number(r, "runningMs");
                    return new LoggedReport(kind, time, assembly, Required(r, "method"), running, running, fromFile, fromLine, null, 0, calls,
                        r.TryGetProperty("atExit", out var e) && e.ValueKind == JsonValueKind.True, trace);
                }
                case "blocking":
                {
                    if (!r.TryGetProperty("call", out var c) || c.ValueKind != JsonValueKind.Object) throw new NotAReportException("a \"blocking\" report without its \"call\"");
                    var call = Call(c);
                    return new LoggedReport(kind, time, assembly, call.Caller, call.DurationMs, call.DurationMs, call.File, call.Line, null, 0,
                        new List<LoggedCall> { call }, false, trace);
                }
                default:
                    throw new NotAReportException($"unknown report kind \"{kind}\" (segment, hang and blocking are known)");
            }
        }

        /// <summary>A call as the tables show it: an async call that ran synchronously keeps its kind beside its API.</summary>
        private static LoggedCall Call(JsonElement c)
        {
            string api = Text(c, "api") ?? "?";
            string? kind = Text(c, "kind");
            if (kind != null && kind != "blocking") api += $" ({kind})";
            return new LoggedCall(api, Text(c, "caller") ?? "?", Text(c, "file"), (int)Number(c, "line"), Number(c, "durationMs"));
        }

        private static (string? File, int Line) Location(JsonElement r, string name) =>
            r.TryGetProperty(name, out var l) && l.ValueKind == JsonValueKind.Object ? (Text(l, "file"), (int)Number(l, "line")) : (null, 0);

        private static string Required(JsonElement r, string name) =>
            Text(r, name) ?? throw new NotAReportException($"not a NonBlocking report (no \"{name}\")");

        private static string? Text(JsonElement r, string name) =>
            r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static long Number(JsonElement r, string name) =>
            r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : 0;
    }
}

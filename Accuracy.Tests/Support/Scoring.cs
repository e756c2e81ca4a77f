using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace NonBlocking.Accuracy.Tests
{
    /// <summary>One report as the JSON-lines output wrote it, reduced to what the labels speak of.</summary>
    public sealed class ActualReport
    {
        public string Kind = "";
        public string Method = "";
        public long Ms;
        public long SelfMs;
        public string From = "";
        public string To = "";
        public List<string> Calls = new List<string>();

        public static ActualReport Parse(string json)
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            var report = new ActualReport { Kind = r.GetProperty("kind").GetString()! };
            if (report.Kind == "blocking") return report; // thread-pool mode; the corpus does not turn it on
            report.Method = r.GetProperty("method").GetString()!;
            report.From = Location(r.GetProperty("from"));
            if (report.Kind == "hang")
            {
                if (r.TryGetProperty("atExit", out var atExit) && atExit.GetBoolean()) report.Kind = "exit";
                report.Ms = report.SelfMs = r.GetProperty("runningMs").GetInt64();
                if (r.GetProperty("call").ValueKind == JsonValueKind.Object) report.Calls.Add(Call(r.GetProperty("call")));
                return report;
            }
            report.Ms = r.GetProperty("durationMs").GetInt64();
            report.SelfMs = r.GetProperty("selfMs").GetInt64();
            report.To = Location(r.GetProperty("to"));
            foreach (var c in r.GetProperty("blocking").EnumerateArray()) report.Calls.Add(Call(c));
            return report;
        }

        private static string Location(JsonElement l)
        {
            string kind = l.GetProperty("kind").GetString()!;
            return kind == "start" || kind == "end" ? kind : $"{kind}@{FileName(l)}:{l.GetProperty("line").GetInt32()}";
        }

        /// <summary>"api@File.cs:12", with " (kind)" after the API for a call that is not a blocking API.</summary>
        private static string Call(JsonElement c)
        {
            string kind = c.GetProperty("kind").GetString()!;
            return $"{c.GetProperty("api").GetString()}{(kind == "blocking" ? "" : $" ({kind})")}@{FileName(c)}:{c.GetProperty("line").GetInt32()}";
        }

        private static string FileName(JsonElement e) =>
            e.GetProperty("file").ValueKind == JsonValueKind.String ? System.IO.Path.GetFileName(e.GetProperty("file").GetString()!) : "?";

        public override string ToString() =>
            $"{Kind} {Method} {From} → {To} {Ms} ms (self {SelfMs}) calls [{string.Join(", ", Calls)}]";
    }

    /// <summary>An expectation with its markers resolved to file:line.</summary>
    public sealed class Expected
    {
        public Expected(Expectation e, IReadOnlyDictionary<string, (string File, int Line)> markers)
        {
            Label = e;
            From = Resolve(e.From, markers);
            To = e.Kind == "segment" ? Resolve(e.To, markers) : "";
            Calls = e.Calls.Select(c => Resolve(c, markers)).ToList();
        }

        public Expectation Label { get; }
        public string From { get; }
        public string To { get; }
        public List<string> Calls { get; }

        /// <summary>"await@marker" → "await@File.cs:12"; "api@marker" → "api@File.cs:12"; "start"/"end" unchanged.</summary>
        private static string Resolve(string text, IReadOnlyDictionary<string, (string File, int Line)> markers)
        {
            int at = text.LastIndexOf('@');
            if (at < 0) return text;
            string marker = text.Substring(at + 1);
            if (!markers.TryGetValue(marker, out var place)) throw new InvalidOperationException($"label refers to unknown marker @{marker}");
            return $"{text.Substring(0, at)}@{place.File}:{place.Line}";
        }

        public bool Matches(ActualReport a) =>
            a.Kind == Label.Kind && a.Method == Label.Method && a.From == From && a.To == To &&
            a.Ms >= Label.MinMs && a.Ms <= Label.MaxMs &&
            (Label.MinSelfMs < 0 ? a.SelfMs == a.Ms || Label.Kind != "segment" : a.SelfMs >= Label.MinSelfMs && a.SelfMs <= Label.MaxSelfMs);

        public override string ToString() =>
            $"{Label.Kind} {Label.Method} {From} → {To} {Label.MinMs}..{Label.MaxMs} ms" +
            (Label.MinSelfMs >= 0 ? $" (self {Label.MinSelfMs}..{Label.MaxSelfMs})" : "") + $" calls [{string.Join(", ", Calls)}]";
    }

    /// <summary>True and false positives and negatives, of reports and of the blocking calls they name.</summary>
    public sealed class Score
    {
        public int ReportTp, ReportFp, ReportFn, CallTp, CallFp, CallFn;
        public readonly List<string> Problems = new List<string>();

        public bool Exact => ReportFp == 0 && ReportFn == 0 && CallFp == 0 && CallFn == 0;

        public void Add(Score other)
        {
            ReportTp += other.ReportTp; ReportFp += other.ReportFp; ReportFn += other.ReportFn;
            CallTp += other.CallTp; CallFp += other.CallFp; CallFn += other.CallFn;
        }

        public static double Ratio(int tp, int wrong) => tp + wrong == 0 ? 1 : (double)tp / (tp + wrong);

        /// <summary>Pairs each expected report with an actual one (exact calls preferred), then scores reports and calls.</summary>
        public static Score Of(IReadOnlyList<Expected> expected, IReadOnlyList<ActualReport> actual)
        {
            var score = new Score();
            var wanted = expected.SelectMany(e => Enumerable.Repeat(e, e.Label.Count)).ToList();
            var left = actual.ToList();
            foreach (var e in wanted)
            {
                var candidates = left.Where(e.Matches).ToList();
                var match = candidates.FirstOrDefault(a => SameCalls(e.Calls, a.Calls)) ?? candidates.FirstOrDefault();
                if (match == null)
                {
                    score.ReportFn++;
                    score.CallFn += e.Calls.Count;
                    score.Problems.Add("missing: " + e);
                    continue;
                }
                left.Remove(match);
                score.ReportTp++;
                var missing = Minus(e.Calls, match.Calls);
                var extra = Minus(match.Calls, e.Calls);
                score.CallTp += e.Calls.Count - missing.Count;
                score.CallFn += missing.Count;
                score.CallFp += extra.Count;
                if (missing.Count + extra.Count > 0)
                    score.Problems.Add($"calls of {e.Label.Method}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]");
            }
            foreach (var a in left)
            {
                score.ReportFp++;
                score.CallFp += a.Calls.Count;
                score.Problems.Add("unexpected: " + a);
            }
            return score;
        }

        private static bool SameCalls(List<string> a, List<string> b) => Minus(a, b).Count == 0 && Minus(b, a).Count == 0;

        private static List<string> Minus(List<string> a, List<string> b)
        {
            var rest = b.ToList();
            var result = new List<string>();
            foreach (var x in a)
                if (!rest.Remove(x)) result.Add(x);
            return result;
        }
    }
}

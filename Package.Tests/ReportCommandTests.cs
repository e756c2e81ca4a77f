using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// <c>nonblocking report</c>, installed from the packed tool, on the JSON lines a real woven app wrote — with a
    /// crash-truncated line, another tool's JSON, an unknown kind and an empty file mixed in — as text and as an HTML
    /// page opened in headless Chromium (build/chromium.sh installs it from Debian's packages).
    /// </summary>
    [Collection("package-more")]
    public sealed class ReportCommandTests
    {
        private const string App = @"using System;
using System.Threading;
using System.Threading.Tasks;

public static class Program
{
    // Sync Main: only the methods below are reported.
    public static void Main()
    {
        for (int i = 0; i < 5; i++) Slow().GetAwaiter().GetResult();
        for (int i = 0; i < 2; i++) Slower().GetAwaiter().GetResult();
        Stuck().GetAwaiter().GetResult();
        ReadDevice().GetAwaiter().GetResult();
        Console.WriteLine(""done"");
    }

    // An async API of the framework's that runs synchronously over this stream: named as completed-synchronously.
    private static async Task ReadDevice()
    {
        await Task.Yield();
        await new SlowDevice().ReadAsync(new byte[1], 0, 1);
    }

    [NonBlocking.AllowBlocking]
    private sealed class SlowDevice : System.IO.MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(200);
            return 0;
        }
    }

    private static async Task Slow()
    {
        Thread.Sleep(150);
        await Task.Yield();
    }

    private static async Task Slower()
    {
        await Task.Yield();
        Thread.Sleep(450);
    }

    private static async Task Stuck()
    {
        await Task.Yield();
        Thread.Sleep(1500);
    }
}
";
        private readonly PackageFeed _feed;

        public ReportCommandTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void Report_summarises_a_days_reports_names_bad_lines_and_writes_a_page_a_browser_renders()
        {
            string tool = _feed.InstallTool();
            var project = new UserProject(_feed, "Reported", App);
            project.Build();
            string log = Path.Combine(project.Directory, "reports.jsonl");
            project.Run(new Dictionary<string, string?>
            {
                ["NONBLOCKING_OUTPUT"] = log, ["NONBLOCKING_MAX_REPORTS_PER_SITE"] = "100", ["NONBLOCKING_HANG_MS"] = "600",
            });
            var written = File.ReadAllLines(log).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            long Total(string method) => written.Where(r => r.GetProperty("kind").GetString() == "segment" && r.GetProperty("method").GetString() == method)
                .Sum(r => r.GetProperty("selfMs").GetInt64());
            Assert.Equal(5, written.Count(r => r.GetProperty("kind").GetString() == "segment" && r.GetProperty("method").GetString() == "Program.Slow()"));

            // What a crash, another tool and a newer version leave in a log, and an empty file.
            File.AppendAllLines(log, new[]
            {
                @"{""kind"":""segment"",""time"":""2026-12-01T10:00:00Z"",""assembly"":""Reported"",""method"":""Program.Slo",
                @"{""level"":""info"",""msg"":""started""}",
                @"{""kind"":""mystery"",""time"":""2026-12-01T10:00:00Z""}",
            });
            int truncated = written.Count + 1;
            string empty = Path.Combine(project.Directory, "empty.jsonl");
            File.WriteAllText(empty, "");
            string page = Path.Combine(project.Directory, "report.html");

            var report = ProcessRunner.Run(tool, new[] { "report", log, empty, "--top", "2", "--html", page }, project.Directory);
            Assert.True(report.ExitCode == 0, report.ToString());

            // Worst first by total self time: Stuck (1.5 s), Slower (2 × 450 ms), then Slow (5 × 150 ms) beyond --top 2.
            var rows = Regex.Matches(report.StdOut, @"^\s+(\d+)\s+(Program\.\w+\(\))\s+(\d+)\s+(\d+) ms", RegexOptions.Multiline)
                .Select(m => (Rank: m.Groups[1].Value, Method: m.Groups[2].Value, Count: int.Parse(m.Groups[3].Value), Total: long.Parse(m.Groups[4].Value))).ToList();
            Assert.Equal(new[] { "Program.Stuck()", "Program.Slower()" }, rows.Select(r => r.Method));
            Assert.Equal(2, rows[1].Count);
            Assert.Equal(Total("Program.Slower()"), rows[1].Total);
            Assert.Contains("Blocked async methods, by total self time (top 2 of 4)", report.StdOut);
            int sleepLine = System.Array.FindIndex(App.Split('\n'), l => l.Contains("Thread.Sleep(450)")) + 1;
            Assert.Contains($"System.Threading.Thread.Sleep(int) at Program.cs:{sleepLine} (2×", report.StdOut);
            Assert.Matches(@"Program\.cs:\d+ → Program\.cs:\d+", report.StdOut);
            Assert.Contains("Hangs (reported while running) (1)", report.StdOut);
            Assert.Matches(@"Program\.Stuck\(\)\s+1\s+\d+ ms\s+0\s+System\.Threading\.Thread\.Sleep\(int\)", report.StdOut);

            // An async call that ran synchronously is shown with its kind.
            var all = ProcessRunner.Run(tool, new[] { "report", log }, project.Directory);
            int readLine = System.Array.FindIndex(App.Split('\n'), l => l.Contains("ReadAsync(new byte[1]")) + 1;
            Assert.Contains($"System.IO.Stream.ReadAsync(byte[], int, int) (completed-synchronously) at Program.cs:{readLine} (1×", all.StdOut);

            // Each bad line named by file and line, and why; the rest was summarised.
            Assert.Contains($"{log}:{truncated}: not valid JSON (a truncated line?)", report.StdErr);
            Assert.Contains($"{log}:{truncated + 1}: not a NonBlocking report (no \"kind\")", report.StdErr);
            Assert.Contains($"{log}:{truncated + 2}: unknown report kind \"mystery\"", report.StdErr);
            Assert.Contains($"{empty}:0: empty file: no reports", report.StdErr);

            // The page's chart carries the same numbers, in order.
            string html = File.ReadAllText(page);
            var data = JsonDocument.Parse(Regex.Match(html, "<script type=\"application/json\" id=\"nonblocking-data\">(.*?)</script>").Groups[1].Value).RootElement;
            var charted = data.GetProperty("methods").EnumerateArray().Select(m => (m.GetProperty("method").GetString(), m.GetProperty("totalMs").GetInt64())).ToList();
            Assert.Equal(new[] { ("Program.Stuck()", Total("Program.Stuck()")), ("Program.Slower()", Total("Program.Slower()")) }, charted);
            Assert.DoesNotContain("http", html.Replace("http-equiv", "")); // nothing fetched from anywhere

            // A real browser opens it from the file: the scripts ran, the bars and the timeline are there.
            var dom = ProcessRunner.Run("bash", new[] { TestPaths.Source("build/chromium.sh"), "dom", page }, project.Directory);
            Assert.True(dom.ExitCode == 0, "chromium failed: " + dom);
            Assert.Contains("data-ready=\"1\"", dom.StdOut);
            Assert.Equal(2, Regex.Matches(dom.StdOut, "<rect class=\"bar\"").Count);
            Assert.Contains("data-method=\"Program.Stuck()\"", dom.StdOut);
            Assert.Equal(written.Count, Regex.Matches(dom.StdOut, "<circle class=\"(dot|hang)\"").Count);
            string screenshot = Path.Combine(project.Directory, "report.png");
            var shot = ProcessRunner.Run("bash", new[] { TestPaths.Source("build/chromium.sh"), "screenshot", page, screenshot }, project.Directory);
            Assert.True(shot.ExitCode == 0 && new FileInfo(screenshot).Length > 10_000, "no screenshot: " + shot);

            // --since keeps the later reports only; a bad --since is a usage error.
            var none = ProcessRunner.Run(tool, new[] { "report", log, "--since", "2100-01-01T00:00:00Z" }, project.Directory);
            Assert.Equal(0, none.ExitCode);
            Assert.Contains("NonBlocking: 0 report(s)", none.StdOut);
            Assert.Equal(2, ProcessRunner.Run(tool, new[] { "report", log, "--since", "yesterday-ish" }, project.Directory).ExitCode);
            Assert.Equal(2, ProcessRunner.Run(tool, new[] { "report", Path.Combine(project.Directory, "missing.jsonl") }, project.Directory).ExitCode);
            // Nothing readable at all: exit 1, still naming the line.
            string foreign = Path.Combine(project.Directory, "foreign.jsonl");
            File.WriteAllText(foreign, "{\"level\":\"info\"}\n");
            var unreadable = ProcessRunner.Run(tool, new[] { "report", foreign }, project.Directory);
            Assert.Equal(1, unreadable.ExitCode);
            Assert.Contains($"{foreign}:1: not a NonBlocking report", unreadable.StdErr);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// No report costs the app a blocked thread: the JSON output is a FIFO nobody reads (every open of it for writing
    /// waits for a reader), yet the app's segments run at full speed; the reports that fit the queue are written once a
    /// reader comes, and the next one says how many were dropped.
    /// </summary>
    [Collection("package-more")]
    public sealed class StalledOutputTests
    {
        private const string App = @"using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

public static class Program
{
    // Sync Main: only Work's segments are reported.
    public static void Main()
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 12; i++) Work().GetAwaiter().GetResult();
        Console.WriteLine(""produced in "" + watch.ElapsedMilliseconds + "" ms"");
        Console.ReadLine();
        Last().GetAwaiter().GetResult();
        Console.WriteLine(""done"");
    }

    private static async Task Work()
    {
        Thread.Sleep(120);
        await Task.Yield();
    }

    private static async Task Last()
    {
        Thread.Sleep(120);
        await Task.Yield();
    }
}
";

        private readonly PackageFeed _feed;

        public StalledOutputTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void A_stalled_output_does_not_slow_the_app_and_the_dropped_reports_are_counted()
        {
            var project = new UserProject(_feed, "StalledOutput", App);
            project.Build();
            string fifo = Path.Combine(project.Directory, "reports.fifo");
            var mkfifo = ProcessRunner.Run("mkfifo", new[] { fifo }, project.Directory);
            Assert.True(mkfifo.ExitCode == 0, "mkfifo failed: " + mkfifo);

            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(project.OutputAssembly);
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("NONBLOCKING_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(key);
            start.Environment["NONBLOCKING_OUTPUT"] = fifo;
            start.Environment["NONBLOCKING_THRESHOLD_MS"] = "100";
            start.Environment["NONBLOCKING_MAX_REPORTS_PER_SITE"] = "1000";
            start.Environment["NONBLOCKING_MAX_REPORTS_PER_SECOND"] = "1000";
            start.Environment["NONBLOCKING_OUTPUT_QUEUE"] = "4";
            using var app = Process.Start(start)!;
            try
            {
                // Twelve 120 ms segments: about 1.5 s. Were the output written on the blocked thread, the first report
                // would wait for a reader forever.
                string? produced = ReadLine(app, TimeSpan.FromSeconds(60));
                Assert.NotNull(produced);
                Assert.StartsWith("produced in ", produced);
                long ms = long.Parse(produced!.Split(' ')[2]);
                Assert.InRange(ms, 12 * 120, 12 * 120 + 3000);

                // The output recovers: a reader drains the FIFO. It opens it for reading and writing, so the FIFO always
                // has a writer and never reads end-of-file between two of the app's opens; a reader that closed and
                // reopened at each end-of-file could close just after the app's next open and lose that line.
                var lines = new BlockingCollection<string>();
                var reader = new Thread(() =>
                {
                    using var stream = new StreamReader(new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite));
                    string? line;
                    while ((line = stream.ReadLine()) != null) lines.Add(line);
                }) { IsBackground = true };
                reader.Start();
                var written = new List<JsonElement>();
                for (int i = 0; i < 5; i++)
                {
                    Assert.True(lines.TryTake(out var line, TimeSpan.FromSeconds(30)), $"only {written.Count} reports came once read");
                    written.Add(JsonDocument.Parse(line!).RootElement);
                }

                app.StandardInput.WriteLine("go");
                Assert.True(lines.TryTake(out var last, TimeSpan.FromSeconds(30)), "the last report did not come");
                Assert.Equal("done", ReadLine(app, TimeSpan.FromSeconds(30)));
                Assert.True(app.WaitForExit(30_000));

                // The first report (taken by the writer, stalled in open), four queued, seven dropped; the next says so.
                Assert.All(written, r => Assert.Equal("Program.Work()", r.GetProperty("method").GetString()));
                Assert.All(written, r => Assert.Equal(0, r.GetProperty("dropped").GetInt64()));
                var lastReport = JsonDocument.Parse(last!).RootElement;
                Assert.Equal("Program.Last()", lastReport.GetProperty("method").GetString());
                Assert.Equal(7, lastReport.GetProperty("dropped").GetInt64());
                Assert.False(lines.TryTake(out var extra, TimeSpan.FromMilliseconds(500)), "unexpected report: " + extra);
            }
            finally
            {
                if (!app.HasExited) app.Kill(entireProcessTree: true);
            }
        }

        private static string? ReadLine(Process process, TimeSpan timeout)
        {
            var read = process.StandardOutput.ReadLineAsync();
            return read.Wait(timeout) ? read.Result : null;
        }
    }
}

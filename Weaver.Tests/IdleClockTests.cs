using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    public class IdleClockTests
    {
        [Theory]
        [InlineData("off")]
        [InlineData("auto")] // hang watchdog on: an open segment keeps the ticker awake instead
        public void Ticker_goes_idle_when_no_woven_code_runs_and_the_next_segment_is_still_timed_right(string hang)
        {
            string source = Path.GetDirectoryName(TestPaths.TestAssembly("IdleProbe", "Release"))!;
            string dir = TestPaths.NewTempDirectory("idle-" + hang);
            foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            string dll = Path.Combine(dir, "IdleProbe.dll");
            Assert.Equal(NonBlocking.Weaver.WeaveOutcome.Woven, Woven.Weave(dll).Outcome);
            string output = Path.Combine(dir, "reports.jsonl");

            var run = ProcessRunner.Run("dotnet", new[] { dll }, dir, new Dictionary<string, string?> { ["NONBLOCKING_OUTPUT"] = output, ["NONBLOCKING_HANG_MS"] = hang });

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("idle=True", run.StdOut);
            Assert.Contains("done", run.StdOut);
            var segments = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(r => r.GetProperty("kind").GetString() == "segment").ToList();
            Assert.Equal(2, segments.Count);
            Assert.All(segments, s => Assert.Equal("IdleProbe.Program.Segment(int)", s.GetProperty("method").GetString()));
            // Woken by its start: the clock was idle when it began.
            Assert.InRange(segments[0].GetProperty("durationMs").GetInt64(), 280, 700);
            // The ticker went idle while it ran (no probe for 2 s); its end must not read the idle clock's stale time.
            Assert.InRange(segments[1].GetProperty("durationMs").GetInt64(), 2550, 3200);
        }
    }
}

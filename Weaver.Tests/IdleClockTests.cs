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
        [Fact]
        public void Ticker_goes_idle_when_no_woven_code_runs_and_the_next_segment_is_still_timed_right()
        {
            string source = Path.GetDirectoryName(TestPaths.TestAssembly("IdleProbe", "Release"))!;
            string dir = TestPaths.NewTempDirectory("idle");
            foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            string dll = Path.Combine(dir, "IdleProbe.dll");
            Assert.Equal(NonBlocking.Weaver.WeaveOutcome.Woven, Woven.Weave(dll).Outcome);
            string output = Path.Combine(dir, "reports.jsonl");

            var run = ProcessRunner.Run("dotnet", new[] { dll }, dir, new Dictionary<string, string?> { ["NONBLOCKING_OUTPUT"] = output });

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("idle=True", run.StdOut);
            Assert.Contains("done", run.StdOut);
            var segment = Assert.Single(File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement),
                r => r.GetProperty("kind").GetString() == "segment");
            Assert.Equal("IdleProbe.Program.Segment(int)", segment.GetProperty("method").GetString());
            Assert.InRange(segment.GetProperty("durationMs").GetInt64(), 280, 700);
        }
    }
}

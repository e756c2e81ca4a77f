using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// samples/OpenTelemetryDemo as a user builds it: the packed package plus OpenTelemetry's console exporter,
    /// and nothing but <c>AddMeter("NonBlocking")</c>.
    /// </summary>
    [Collection("package-more")]
    public class OpenTelemetrySampleTests
    {
        private readonly PackageFeed _feed;

        public OpenTelemetrySampleTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void Console_exporter_prints_NonBlockings_histogram_for_the_blocking_method_only()
        {
            string dir = TestPaths.NewTempDirectory("otel-sample");
            string sample = TestPaths.Source("samples/OpenTelemetryDemo");
            foreach (var name in new[] { "OpenTelemetryDemo.csproj", "Program.cs" })
                File.Copy(Path.Combine(sample, name), Path.Combine(dir, name));
            // The sample's own nuget.config points at artifacts/; here the test's feed takes its place.
            _feed.WriteNugetConfig(dir, nugetOrg: true);

            var build = ProcessRunner.Run("dotnet", new[] { "build", Path.Combine(dir, "OpenTelemetryDemo.csproj"), "-c", "Release", "-nologo",
                "-p:NonBlockingVersion=" + _feed.Version }, dir);
            Assert.True(build.ExitCode == 0, "build failed: " + build);
            var run = ProcessRunner.Run("dotnet", new[] { Path.Combine(dir, "bin/Release/net10.0/OpenTelemetryDemo.dll") }, dir,
                new Dictionary<string, string?>());
            Assert.True(run.ExitCode == 0, "run failed: " + run);

            Assert.Contains("OpenTelemetryDemo: done", run.StdOut);
            Assert.Contains("Metric Name: nonblocking.segment.duration", run.StdOut);
            Assert.Contains("Metric Name: nonblocking.blocking.events", run.StdOut);
            Assert.Contains("method: OpenTelemetryDemo.Program.Checkout(int)", run.StdOut);
            // Only Checkout blocked: not Ship (it offloads), not Run (its time is Checkout's).
            Assert.DoesNotContain("Ship", run.StdOut);
            Assert.DoesNotContain("method: OpenTelemetryDemo.Program.Run()", run.StdOut);
            // Three checkouts of 150, 300 and 450 ms.
            var histogram = Regex.Match(run.StdOut, @"method: OpenTelemetryDemo\.Program\.Checkout\(int\)\s*\n\s*Value: Sum: (\d+) Count: (\d+) Min: (\d+) Max: (\d+)");
            Assert.True(histogram.Success, run.StdOut);
            Assert.Equal("3", histogram.Groups[2].Value);
            Assert.InRange(int.Parse(histogram.Groups[1].Value), 880, 1300);
            Assert.InRange(int.Parse(histogram.Groups[3].Value), 140, 300);
            Assert.InRange(int.Parse(histogram.Groups[4].Value), 440, 800);
            // NonBlockingOutput=none went into runtimeconfig.json: no text report.
            Assert.DoesNotContain("[NonBlocking]", run.StdErr);
        }
    }
}

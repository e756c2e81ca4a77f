using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// One precedence order for every knob, on a real woven app run as a process: the environment, then
    /// runtimeconfig.json, then what the build baked in. An operator's edit of runtimeconfig.json takes effect
    /// without rebuilding.
    /// </summary>
    [Collection("package-more")]
    public class ConfigurationEndToEndTests
    {
        private readonly PackageFeed _feed;

        public ConfigurationEndToEndTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void Environment_beats_runtimeconfig_which_beats_the_build()
        {
            var app = new UserProject(_feed, "Configured", SeedRuns.Source,
                "<NonBlockingThresholdMs>5000</NonBlockingThresholdMs><NonBlockingHangMs>auto</NonBlockingHangMs>",
                "<RuntimeHostConfigurationOption Include=\"NonBlocking.ThresholdMs\" Value=\"100\" />");
            app.Build();
            var properties = ConfigProperties(app);
            Assert.Equal("100", properties["NonBlocking.ThresholdMs"]!.ToString());
            Assert.Equal("auto", properties["NonBlocking.HangMs"]!.ToString());

            // runtimeconfig.json's 100 ms beats the baked 5000; the hang watchdog, on from the MSBuild property, uses 10 x 100.
            var reports = SeedRuns.RunWithJsonOutput(app);
            var segments = SeedRuns.Blocked(reports);
            Assert.Equal(2, segments.Count);
            Assert.All(segments, r => Assert.Equal(100, r.GetProperty("thresholdMs").GetInt64()));
            var hang = Assert.Single(SeedRuns.OfKind(reports, "hang"));
            Assert.Equal(1000, hang.GetProperty("hangThresholdMs").GetInt64());
            Assert.InRange(hang.GetProperty("runningMs").GetInt64(), 1000, 1900);

            // The environment beats runtimeconfig.json, knob by knob.
            Assert.Empty(SeedRuns.RunWithJsonOutput(app, new Dictionary<string, string?> { ["NONBLOCKING_THRESHOLD_MS"] = "5000" }));
            var noHang = SeedRuns.RunWithJsonOutput(app, new Dictionary<string, string?> { ["NONBLOCKING_HANG_MS"] = "0" });
            Assert.Equal(2, SeedRuns.Blocked(noHang).Count);
            Assert.Empty(SeedRuns.OfKind(noHang, "hang"));

            // An operator edits runtimeconfig.json after deployment: output off, then everything off.
            properties["NonBlocking.Output"] = "none";
            SaveConfigProperties(app, properties);
            var quiet = app.Run();
            Assert.Contains("SeedDemo: done", quiet.StdOut);
            Assert.DoesNotContain("[NonBlocking]", quiet.StdErr);
            Assert.Equal(2, SeedRuns.Blocked(SeedRuns.RunWithJsonOutput(app)).Count); // the environment's file still wins

            properties["NonBlocking.Disabled"] = true;
            SaveConfigProperties(app, properties);
            Assert.Empty(SeedRuns.RunWithJsonOutput(app));
            Assert.Equal(2, SeedRuns.Blocked(SeedRuns.RunWithJsonOutput(app, new Dictionary<string, string?> { ["NONBLOCKING_DISABLED"] = "0" })).Count);
        }

        private const string ClockSource = @"using System;
using System.Threading.Tasks;
using NonBlocking.Report;

public static class Program
{
    public static async Task Main()
    {
        await Task.Yield(); // woven code runs, so this assembly's threshold is known
        Console.WriteLine(""clock "" + BlockingMonitor.Configuration.ClockResolutionMs + "" ms"");
    }
}
";

        [Fact]
        public void Clock_precision_is_the_users_to_choose()
        {
            var app = new UserProject(_feed, "Clocked", ClockSource, "<NonBlockingThresholdMs>60</NonBlockingThresholdMs><NonBlockingClockMs>2</NonBlockingClockMs>");
            app.Build();
            var properties = ConfigProperties(app);
            Assert.Equal("2", properties["NonBlocking.ClockMs"]!.ToString());

            Assert.Contains("clock 2 ms", app.Run().StdOut); // MSBuild, through runtimeconfig.json
            Assert.Contains("clock 40 ms", app.Run(new Dictionary<string, string?> { ["NONBLOCKING_CLOCK_MS"] = "40" }).StdOut);

            // Not set anywhere: a tenth of the threshold (60 ms here), at most 10 ms.
            properties.Remove("NonBlocking.ClockMs");
            SaveConfigProperties(app, properties);
            Assert.Contains("clock 6 ms", app.Run().StdOut);
            Assert.Contains("clock 10 ms", app.Run(new Dictionary<string, string?> { ["NONBLOCKING_THRESHOLD_MS"] = "500" }).StdOut);
        }

        private static string RuntimeConfig(UserProject app) => Path.ChangeExtension(app.OutputAssembly, ".runtimeconfig.json");

        private static JsonObject ConfigProperties(UserProject app) =>
            JsonNode.Parse(File.ReadAllText(RuntimeConfig(app)))!["runtimeOptions"]!["configProperties"]!.AsObject();

        private static void SaveConfigProperties(UserProject app, JsonObject properties)
        {
            var root = JsonNode.Parse(File.ReadAllText(RuntimeConfig(app)))!;
            root["runtimeOptions"]!["configProperties"] = JsonNode.Parse(properties.ToJsonString());
            File.WriteAllText(RuntimeConfig(app), root.ToJsonString());
        }
    }
}

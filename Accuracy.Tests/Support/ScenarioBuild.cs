using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Accuracy.Tests
{
    /// <summary>
    /// Accuracy.Tests/Scenarios, copied out of the repo and built in Release against the packed NonBlocking.Weaver from a
    /// local folder feed, as a user's project is; then its labels (`--labels`) and the source markers they refer to. The
    /// feed is the one Package.Tests builds against (see <see cref="PackageFeed"/>): whichever runs first packs it.
    /// </summary>
    public sealed class ScenarioBuild
    {
        private readonly PackageFeed _feed = new PackageFeed();

        public ScenarioBuild()
        {
            Directory = TestPaths.NewTempDirectory("accuracy");
            string source = TestPaths.Source("Accuracy.Tests/Scenarios");
            foreach (var file in System.IO.Directory.GetFiles(source).Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj")))
                File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
            _feed.WriteNugetConfig(Directory, nugetOrg: true);
            var build = ProcessRunner.Run("dotnet", new[] { "build", "-c", "Release", "-nologo", "-v:q", "-p:NonBlockingPackageVersion=" + _feed.Version },
                Directory, timeout: TimeSpan.FromMinutes(10));
            Assert.True(build.ExitCode == 0, "scenario build failed: " + build);
            Assembly = Path.Combine(Directory, "bin", "Release", "net10.0", "AccuracyScenarios.dll");
            var labels = ProcessRunner.Run("dotnet", new[] { Assembly, "--labels" }, Directory);
            Assert.True(labels.ExitCode == 0, "--labels failed: " + labels);
            Scenarios = JsonSerializer.Deserialize<List<Scenario>>(labels.StdOut, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
            Markers = ReadMarkers(source);
        }

        public string Directory { get; }
        public string Assembly { get; }
        public List<Scenario> Scenarios { get; }

        /// <summary>Line of every "// @marker" comment in the scenario sources, by marker.</summary>
        public Dictionary<string, (string File, int Line)> Markers { get; }

        private static Dictionary<string, (string, int)> ReadMarkers(string folder)
        {
            var markers = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
            foreach (var file in System.IO.Directory.GetFiles(folder, "*.cs"))
            {
                var lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    var m = Regex.Match(lines[i], @"// @([\w-]+)\s*$");
                    if (!m.Success) continue;
                    if (markers.ContainsKey(m.Groups[1].Value)) throw new InvalidOperationException($"marker @{m.Groups[1].Value} is not unique");
                    markers[m.Groups[1].Value] = (Path.GetFileName(file), i + 1);
                }
            }
            return markers;
        }
    }

    public sealed class Scenario
    {
        public string Name { get; set; } = "";
        public string? Needs { get; set; }
        public string? Env { get; set; }
        public List<Expectation> Expect { get; set; } = new List<Expectation>();
    }

    public sealed class Expectation
    {
        public string Method { get; set; } = "";
        public string Kind { get; set; } = "segment";
        public string From { get; set; } = "";
        public string To { get; set; } = "";
        public int MinMs { get; set; }
        public int MaxMs { get; set; }
        public int MinSelfMs { get; set; } = -1;
        public int MaxSelfMs { get; set; } = -1;
        public List<string> Calls { get; set; } = new List<string>();
        public int Count { get; set; } = 1;
    }
}

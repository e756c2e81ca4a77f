using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace NonBlocking.Tests.Support
{
    /// <summary>samples/SeedDemo's source, its lines, and runs of a built copy with JSON-lines output read back.</summary>
    internal static class SeedRuns
    {
        public static readonly string Source = File.ReadAllText(TestPaths.Source("samples/SeedDemo/Program.cs"));

        /// <summary>The 1-based line of the first line containing <paramref name="text"/>, after the line containing <paramref name="after"/>.</summary>
        public static int LineOf(string text, string? after = null)
        {
            var lines = Source.Split('\n');
            int from = after == null ? 0 : Array.FindIndex(lines, l => l.Contains(after));
            int index = Array.FindIndex(lines, from, l => l.Contains(text));
            Assert.True(index >= 0, $"'{text}' not in SeedDemo/Program.cs");
            return index + 1;
        }

        public static List<JsonElement> RunWithJsonOutput(UserProject app, IDictionary<string, string?>? env = null)
        {
            string output = Path.Combine(app.Directory, "report-" + Guid.NewGuid().ToString("N") + ".jsonl");
            var environment = new Dictionary<string, string?>(env ?? new Dictionary<string, string?>()) { ["NONBLOCKING_OUTPUT"] = output };
            var run = app.Run(environment);
            Assert.Contains("SeedDemo: done", run.StdOut);
            Assert.DoesNotContain("[NonBlocking]", run.StdErr); // JSON mode writes nothing else
            return Read(output);
        }

        public static List<JsonElement> Read(string jsonLinesFile)
        {
            if (!File.Exists(jsonLinesFile)) return new List<JsonElement>();
            return File.ReadAllLines(jsonLinesFile).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        }

        public static List<JsonElement> Segments(List<JsonElement> reports) => OfKind(reports, "segment");

        /// <summary>
        /// The segments that name a blocking call: the seed's two (Foo's, and Main's through Bar) whatever the machine's
        /// load. Tests about something else count these: on two busy cores a segment with no blocking call (Baz's
        /// Task.Run, JIT-compiled on first use) was once held past 100 ms and reported too, a third segment.
        /// </summary>
        public static List<JsonElement> Blocked(List<JsonElement> reports) =>
            Segments(reports).Where(r => r.TryGetProperty("blocking", out var calls) && calls.GetArrayLength() > 0).ToList();

        public static List<JsonElement> OfKind(List<JsonElement> reports, string kind) =>
            reports.Where(r => r.GetProperty("kind").GetString() == kind).ToList();
    }
}

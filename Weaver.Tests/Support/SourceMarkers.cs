using System;
using System.IO;
using System.Linq;

namespace NonBlocking.Tests.Support
{
    /// <summary>Finds the line of a "// @marker" comment in a TestAssemblies source file.</summary>
    internal static class SourceMarkers
    {
        public static int Line(string relativeFile, string marker)
        {
            var lines = File.ReadAllLines(TestPaths.Source(relativeFile));
            var hits = Enumerable.Range(0, lines.Length).Where(i => lines[i].TrimEnd().EndsWith("// @" + marker, StringComparison.Ordinal)).ToList();
            if (hits.Count != 1) throw new InvalidOperationException($"marker @{marker} found {hits.Count} times in {relativeFile}");
            return hits[0] + 1;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>
    /// One blocking site a package's maintainers fixed: the async method, the blocking call, the last buggy and first
    /// fixed versions the registry serves (Historic/bugs.tsv).
    /// </summary>
    public sealed record HistoricBug(string Package, string Assembly, string Buggy, string Fixed, string Method, string Call, string Upstream, string What)
    {
        /// <summary>Whether a warning's message names this site: the async method and the blocking call.</summary>
        public bool NamedBy(string message) =>
            message.Contains(Method, StringComparison.Ordinal) && message.Contains(Call, StringComparison.Ordinal);

        public override string ToString() => $"{Package} {Buggy}→{Fixed} {Method} {Call}";

        public static IReadOnlyList<HistoricBug> ReadAll()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Historic", "bugs.tsv");
            var bugs = new List<HistoricBug>();
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var f = line.Split('\t');
                if (f.Length != 8) throw new InvalidDataException($"{path}: expected 8 tab-separated fields, found {f.Length}: {line}");
                bugs.Add(new HistoricBug(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
            }
            return bugs;
        }
    }
}

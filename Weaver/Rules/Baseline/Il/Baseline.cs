using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// The warnings a codebase had when it adopted NonBlocking, checked in, so that only new ones are reported. One entry
    /// a line: code, async method, call (<see cref="Catalog.BaselineKeys"/>) — no line numbers, so editing around a call does not make
    /// its warning new; lines starting with '#' are comments. The Roslyn analyzer reads the same file and builds the
    /// same keys (its AdditionalFiles), so both front ends report only what the baseline does not list.
    /// </summary>
    internal static class Baseline
    {
        private const string Header =
            "# NonBlocking baseline: build-time warnings accepted when this file was written; only new ones are reported.\n" +
            "# One per line: code, async method, call. Rewrite it with: dotnet build -p:NonBlockingUpdateBaseline=true\n";

        public static HashSet<string> Read(string path) => Catalog.BaselineKeys.Parse(File.ReadAllLines(path));

        /// <summary>Writes the keys of <paramref name="warnings"/>, sorted and once each, through a temporary file.</summary>
        public static int Write(string path, IEnumerable<Diagnostic> warnings)
        {
            var keys = warnings.Select(w => w.Key).Where(k => k != null).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
            string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            string temp = Path.Combine(directory, Path.GetFileName(path) + ".tmp");
            File.WriteAllText(temp, Header + string.Concat(keys.Select(k => k + "\n")), new UTF8Encoding(false));
            if (File.Exists(path)) File.Delete(path);
            File.Move(temp, path);
            return keys.Count;
        }
    }
}

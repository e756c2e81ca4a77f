using System;
using System.Collections.Generic;
using System.IO;

namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>A human's decision on one warning, made by reading the library's source at the pinned version.</summary>
    public enum Verdict { True, False, Unclear }

    /// <summary>
    /// <c>Labels/&lt;assembly&gt;.tsv</c>: one warning per line, <c>TRUE|FALSE|UNCLEAR &lt;tab&gt; key &lt;tab&gt; reason</c>,
    /// keyed as a baseline keys a warning (code, async method, call; no line). '#' lines are comments.
    /// </summary>
    public static class LabelFile
    {
        public static string PathOf(Library library) => Path.Combine(AppContext.BaseDirectory, "Labels", library.Assembly + ".tsv");

        /// <summary>The same file in the source tree, where new lines are appended for a human to decide.</summary>
        public static string SourcePathOf(Library library) => Path.Combine(ProjectFolder(), "Labels", library.Assembly + ".tsv");

        private static string ProjectFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
            Path.GetDirectoryName(Path.GetDirectoryName(here)!)!;

        public static Dictionary<string, (Verdict Verdict, string Reason)> Read(Library library)
        {
            var labels = new Dictionary<string, (Verdict, string)>(StringComparer.Ordinal);
            var path = PathOf(library);
            if (!File.Exists(path)) return labels;
            int number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                var parts = line.Split('\t');
                if (parts.Length < 3 || parts[2].Trim().Length == 0)
                    throw new FormatException($"{path}({number}): expected 'TRUE|FALSE|UNCLEAR<tab>key<tab>reason'");
                var verdict = parts[0] switch
                {
                    "TRUE" => Verdict.True,
                    "FALSE" => Verdict.False,
                    "UNCLEAR" => Verdict.Unclear,
                    _ => throw new FormatException($"{path}({number}): '{parts[0]}' is not TRUE, FALSE or UNCLEAR; decide it against the source"),
                };
                if (!labels.TryAdd(parts[1], (verdict, parts[2])))
                    throw new FormatException($"{path}({number}): '{parts[1]}' is labelled twice");
            }
            return labels;
        }
    }
}

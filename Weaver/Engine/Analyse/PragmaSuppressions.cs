using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// <c>#pragma warning disable NB0001</c> … <c>restore</c> in the source file a warning points at silences it, as it
    /// does the compiler's own warnings — the per-site opt-out that keeps the call's run-time probe (<c>[AllowBlocking]</c>
    /// removes the whole method from weaving). A bare <c>#pragma warning disable</c> silences every code. Files that
    /// cannot be read silence nothing.
    /// </summary>
    internal sealed class PragmaSuppressions
    {
        private readonly Dictionary<string, List<Pragma>?> _files = new Dictionary<string, List<Pragma>?>(StringComparer.Ordinal);

        private readonly struct Pragma
        {
            public Pragma(int line, bool disable, string[] codes)
            {
                Line = line;
                Disable = disable;
                Codes = codes;
            }

            public int Line { get; }
            public bool Disable { get; }
            /// <summary>Empty: every code.</summary>
            public string[] Codes { get; }
        }

        public static IEnumerable<Diagnostic> Filter(IEnumerable<Diagnostic> diagnostics)
        {
            var pragmas = new PragmaSuppressions();
            return diagnostics.Where(d => !pragmas.Suppresses(d)).ToList();
        }

        public bool Suppresses(Diagnostic diagnostic)
        {
            if (diagnostic.File == null || diagnostic.Line <= 0) return false;
            var pragmas = PragmasOf(diagnostic.File);
            if (pragmas == null) return false;
            bool disabled = false;
            foreach (var pragma in pragmas)
            {
                if (pragma.Line >= diagnostic.Line) break;
                if (pragma.Codes.Length == 0 || pragma.Codes.Contains(diagnostic.Code, StringComparer.OrdinalIgnoreCase)) disabled = pragma.Disable;
            }
            return disabled;
        }

        private List<Pragma>? PragmasOf(string file)
        {
            if (_files.TryGetValue(file, out var known)) return known;
            List<Pragma>? pragmas = null;
            try
            {
                if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(file)) pragmas = Parse(File.ReadAllLines(file));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            _files[file] = pragmas;
            return pragmas;
        }

        private static List<Pragma> Parse(string[] lines)
        {
            var pragmas = new List<Pragma>();
            for (int i = 0; i < lines.Length; i++)
            {
                var text = lines[i].Trim();
                if (!text.StartsWith("#", StringComparison.Ordinal)) continue;
                var words = text.Substring(1).Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 3 || words[0] != "pragma" || words[1] != "warning" || (words[2] != "disable" && words[2] != "restore")) continue;
                var codes = words.Skip(3).TakeWhile(w => !w.StartsWith("//", StringComparison.Ordinal)).ToArray();
                pragmas.Add(new Pragma(i + 1, words[2] == "disable", codes));
            }
            return pragmas;
        }
    }
}

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

        public bool Suppresses(Diagnostic diagnostic) =>
            diagnostic.File != null && Suppresses(diagnostic.File, diagnostic.Line, diagnostic.Code);

        /// <summary>Whether <paramref name="code"/> is disabled at <paramref name="line"/> (1-based) of the file.</summary>
        public bool Suppresses(string file, int line, string code)
        {
            if (line <= 0) return false;
            var pragmas = PragmasOf(file);
            if (pragmas == null) return false;
            bool disabled = false;
            foreach (var pragma in pragmas)
            {
                if (pragma.Line >= line) break;
                if (Covers(pragma, code)) disabled = pragma.Disable;
            }
            return disabled;
        }

        /// <summary>Whether the file disables <paramref name="code"/> anywhere: most files do not, and need no line lookups.</summary>
        public bool Disables(string file, string code) =>
            PragmasOf(file) is { } pragmas && pragmas.Any(p => p.Disable && Covers(p, code));

        private static bool Covers(Pragma pragma, string code) =>
            pragma.Codes.Length == 0 || pragma.Codes.Contains(code, StringComparer.OrdinalIgnoreCase);

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

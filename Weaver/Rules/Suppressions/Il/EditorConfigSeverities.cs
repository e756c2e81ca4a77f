using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// <c>dotnet_diagnostic.NB0002.severity = none|silent|suggestion|warning|error</c> in the <c>.editorconfig</c> files
    /// above a warning's source file applies to the weave's warnings as the compiler applies it to the analyzer's: the
    /// nearest file wins, later sections win within a file, and the search stops at <c>root = true</c>.
    /// </summary>
    internal sealed class EditorConfigSeverities
    {
        private sealed class Section
        {
            public Section(Regex glob) => Glob = glob;
            public Regex Glob { get; }
            public Dictionary<string, string> Severities { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        private sealed class ConfigFile
        {
            public string Directory = "";
            public bool Root;
            public List<Section> Sections { get; } = new List<Section>();
        }

        private readonly Dictionary<string, ConfigFile?> _files = new Dictionary<string, ConfigFile?>(StringComparer.Ordinal);

        /// <summary>The diagnostics with their .editorconfig severity; those set to none or silent are left out.</summary>
        public static IEnumerable<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics)
        {
            var configs = new EditorConfigSeverities();
            var result = new List<Diagnostic>();
            foreach (var d in diagnostics)
            {
                string? severity = d.File == null || d.Line <= 0 ? null : configs.SeverityOf(d.File, d.Code);
                switch (severity?.ToLowerInvariant())
                {
                    case "none": case "silent": break;
                    case "suggestion": result.Add(With(d, DiagnosticSeverity.Info)); break;
                    case "warning": result.Add(With(d, DiagnosticSeverity.Warning)); break;
                    case "error": result.Add(With(d, DiagnosticSeverity.Error)); break;
                    default: result.Add(d); break;
                }
            }
            return result;
        }

        private static Diagnostic With(Diagnostic d, DiagnosticSeverity severity) =>
            new Diagnostic(d.Code, severity, d.Message, d.File, d.Line, d.Column);

        private string? SeverityOf(string sourceFile, string code)
        {
            string full;
            try { full = Path.GetFullPath(sourceFile); }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException) { return null; }
            for (var dir = Path.GetDirectoryName(full); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                var config = Load(Path.Combine(dir, ".editorconfig"));
                if (config != null)
                {
                    string relative = full.Substring(config.Directory.Length).TrimStart(Path.DirectorySeparatorChar, '/').Replace('\\', '/');
                    string? found = null;
                    foreach (var section in config.Sections)
                        if (section.Glob.IsMatch(relative) && section.Severities.TryGetValue(code, out var value)) found = value;
                    if (found != null) return found;
                    if (config.Root) break;
                }
            }
            return null;
        }

        private ConfigFile? Load(string path)
        {
            if (_files.TryGetValue(path, out var known)) return known;
            ConfigFile? config = null;
            try
            {
                if (File.Exists(path)) config = Parse(path);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            return _files[path] = config;
        }

        private static ConfigFile Parse(string path)
        {
            var config = new ConfigFile { Directory = Path.GetDirectoryName(path) ?? "" };
            Section? current = null;
            foreach (var raw in File.ReadAllLines(path))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
                if (line[0] == '[' && line[line.Length - 1] == ']')
                {
                    current = new Section(GlobToRegex(line.Substring(1, line.Length - 2)));
                    config.Sections.Add(current);
                    continue;
                }
                int eq = line.IndexOf('=');
                if (eq <= 0) continue;
                string key = line.Substring(0, eq).Trim(), value = line.Substring(eq + 1).Trim();
                int comment = value.IndexOfAny(new[] { '#', ';' });
                if (comment >= 0) value = value.Substring(0, comment).Trim();
                if (current == null)
                {
                    if (key.Equals("root", StringComparison.OrdinalIgnoreCase)) config.Root = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    continue;
                }
                const string Prefix = "dotnet_diagnostic.", Suffix = ".severity";
                if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
                    current.Severities[key.Substring(Prefix.Length, key.Length - Prefix.Length - Suffix.Length)] = value;
            }
            return config;
        }

        /// <summary>An editorconfig section glob as a regex over '/'-separated paths relative to the file's folder.</summary>
        private static Regex GlobToRegex(string glob)
        {
            // A glob without '/' matches a file name in any folder.
            if (!glob.Contains("/")) glob = "**/" + glob;
            else if (glob.StartsWith("/", StringComparison.Ordinal)) glob = glob.Substring(1);
            var sb = new StringBuilder("^");
            for (int i = 0; i < glob.Length; i++)
            {
                char c = glob[i];
                if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    bool folder = i + 2 < glob.Length && glob[i + 2] == '/';
                    sb.Append(folder ? "(.*/)?" : ".*");
                    i += folder ? 2 : 1;
                }
                else if (c == '*') sb.Append("[^/]*");
                else if (c == '?') sb.Append("[^/]");
                else if (c == '{') sb.Append('(');
                else if (c == '}') sb.Append(')');
                else if (c == ',' && glob.LastIndexOf('{', i) > glob.LastIndexOf('}', i)) sb.Append('|');
                else if (c == '[' || c == ']') sb.Append(c);
                else sb.Append(Regex.Escape(c.ToString()));
            }
            return new Regex(sb.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }
}

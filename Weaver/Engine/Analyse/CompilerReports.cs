using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization.Json;
using System.Xml;
using System.Xml.Linq;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>One diagnostic the compiler (the package's analyzer) already reported: its code, file and lines.</summary>
    public sealed class CompilerReport
    {
        public CompilerReport(string code, string file, int startLine, int endLine)
        {
            Code = code; File = file; StartLine = startLine; EndLine = Math.Max(startLine, endLine);
        }

        public string Code { get; }
        public string File { get; }
        public int StartLine { get; }
        public int EndLine { get; }
    }

    /// <summary>
    /// What the compiler reported, so the weave does not report a call site again: the analyzer's NB0002 covers the
    /// paths inside the compilation it can follow, the weave adds the rest. Read from the compiler's SARIF error log
    /// (version 1 or 2.1, as <c>ErrorLog</c> writes it).
    /// </summary>
    public static class CompilerReports
    {
        /// <summary>Our codes in a SARIF log; empty when the file is missing or not SARIF (the weave then reports everything).</summary>
        public static List<CompilerReport> ReadSarif(string path)
        {
            var found = new List<CompilerReport>();
            if (!System.IO.File.Exists(path)) return found;
            XElement root;
            try
            {
                var bytes = System.IO.File.ReadAllBytes(path);
                using (var reader = JsonReaderWriterFactory.CreateJsonReader(bytes, XmlDictionaryReaderQuotas.Max))
                    root = XElement.Load(reader);
            }
            catch (Exception e) when (e is XmlException || e is IOException || e is UnauthorizedAccessException)
            {
                return found;
            }
            // runs[].results[]: { ruleId, locations[]: { physicalLocation: { artifactLocation: { uri }, region } } (2.1)
            // or { resultFile: { uri, region } } (1.0) }
            foreach (var result in root.Descendants("results").SelectMany(r => r.Elements("item")))
            {
                string code = (string?)result.Element("ruleId") ?? "";
                if (!code.StartsWith("NB", StringComparison.Ordinal)) continue;
                foreach (var location in result.Elements("locations").Elements("item"))
                {
                    var physical = location.Element("physicalLocation") ?? location.Element("resultFile");
                    var uri = (string?)physical?.Element("artifactLocation")?.Element("uri") ?? (string?)physical?.Element("uri");
                    var region = physical?.Element("region");
                    if (uri == null || region == null || !int.TryParse((string?)region.Element("startLine"), out int start)) continue;
                    int.TryParse((string?)region.Element("endLine"), out int end);
                    found.Add(new CompilerReport(code, LocalPath(uri), start, end));
                }
            }
            return found;
        }

        private static string LocalPath(string uri) =>
            Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile ? u.LocalPath : uri;

        /// <summary>Whether a report of <paramref name="code"/> in that file overlaps the statement's lines.</summary>
        internal static bool Covers(IReadOnlyCollection<CompilerReport> reports, string code, string? file, int startLine, int endLine)
        {
            if (reports.Count == 0 || file == null) return false;
            foreach (var r in reports)
                if (r.Code == code && r.StartLine <= Math.Max(startLine, endLine) && startLine <= r.EndLine && SamePath(r.File, file)) return true;
            return false;
        }

        /// <summary>The same file, also when the PDB's path is mapped (<c>/_/src/App.cs</c> for a deterministic CI build).</summary>
        private static bool SamePath(string a, string b)
        {
            if (string.Equals(a, b, StringComparison.Ordinal)) return true;
            var x = a.Split('/', '\\');
            var y = b.Split('/', '\\');
            int common = 0;
            while (common < x.Length && common < y.Length && x[x.Length - 1 - common] == y[y.Length - 1 - common]) common++;
            return common >= 1 && common >= Math.Min(x.Length, y.Length) - 1;
        }
    }
}

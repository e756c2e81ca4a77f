using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// The embedded data files' format: one entry a line, <c>Type | members, comma-separated | more columns…</c>;
    /// blank lines and lines starting with '#' are comments. Also the user's entries, <c>Namespace.Type.Member</c>.
    /// </summary>
    internal static class CatalogFile
    {
        /// <summary>Each entry line's columns, trimmed; the members column split.</summary>
        public static IEnumerable<(string Type, string[] Members, string[] Columns)> Read(string resource)
        {
            using var stream = typeof(CatalogFile).Assembly.GetManifestResourceStream("NonBlocking.Weaver." + resource)
                               ?? throw new InvalidOperationException(resource + " is not embedded in the weaver");
            using var reader = new StreamReader(stream);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                line = line.Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                var columns = line.Split('|').Select(p => p.Trim()).ToArray();
                if (columns.Length < 2) continue;
                yield return (columns[0], columns[1].Split(',').Select(m => m.Trim()).Where(m => m.Length > 0).ToArray(), columns);
            }
        }

        /// <summary>The user's <c>Namespace.Type.Member</c> entries as (metadata type name, member); malformed ones skipped.</summary>
        public static IEnumerable<(string Type, string Member)> UserEntries(IEnumerable<string>? entries)
        {
            foreach (var entry in entries ?? Enumerable.Empty<string>())
            {
                string e = entry.Trim();
                int dot = e.LastIndexOf('.');
                if (dot <= 0 || dot == e.Length - 1) continue;
                yield return (e.Substring(0, dot).Replace('+', '/'), e.Substring(dot + 1));
            }
        }
    }
}

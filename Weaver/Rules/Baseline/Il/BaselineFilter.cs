using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>What a baseline does to the build's warnings: writes them (NB0005), or holds back those it lists and says
    /// which of its entries no longer occur (NB0004).</summary>
    internal static class BaselineFilter
    {
        /// <param name="path">The baseline file.</param>
        /// <param name="update">Write the file from the warnings instead of reporting them.</param>
        /// <param name="reported">What this front end would report.</param>
        /// <param name="all">Every warning of both front ends, when the analyzer reports part of them; null when
        /// <paramref name="reported"/> is every one.</param>
        public static List<Diagnostic> Apply(string path, bool update, List<Diagnostic> reported, List<Diagnostic>? all)
        {
            all ??= reported;
            var others = reported.Where(d => d.Key == null).ToList();
            try
            {
                if (update)
                {
                    int count = Baseline.Write(path, all);
                    others.Add(new Diagnostic(DiagnosticCodes.BaselineWritten, DiagnosticSeverity.Info,
                        $"wrote {count} warning(s) to the baseline {path}; from now on only new ones are reported. Check it in.", path));
                    return others;
                }
                if (!File.Exists(path))
                    return Failed(others, $"the baseline {path} (NonBlockingBaseline) does not exist. Write it with dotnet build -p:NonBlockingUpdateBaseline=true, or unset NonBlockingBaseline.", path);
                var listed = Baseline.Read(path);
                var kept = reported.Where(d => d.Key != null && !listed.Contains(d.Key)).ToList();
                var current = new HashSet<string>(all.Where(d => d.Key != null).Select(d => d.Key!), StringComparer.Ordinal);
                foreach (var key in listed.Where(k => !current.Contains(k)).OrderBy(k => k, StringComparer.Ordinal))
                    others.Add(new Diagnostic(DiagnosticCodes.BaselineEntryFixed, DiagnosticSeverity.Info,
                        $"'{key}' no longer occurs: remove it from the baseline {path} (or rewrite it with -p:NonBlockingUpdateBaseline=true).", path));
                return kept.Concat(others).ToList();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Failed(others, $"the baseline {path} could not be {(update ? "written" : "read")}: {e.Message}", path);
            }
        }

        private static List<Diagnostic> Failed(List<Diagnostic> others, string message, string path)
        {
            others.Add(new Diagnostic(DiagnosticCodes.BaselineUnreadable, DiagnosticSeverity.Error, message, path));
            return others;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NonBlocking.Weaver;

namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>
    /// The analysis a build of an assembly would run (references not followed), resolving its references from the other
    /// assemblies of its folder. An analysis that could not run (a reference missing) throws: it would otherwise look like
    /// an assembly with nothing to warn about.
    /// </summary>
    internal static class FolderAnalysis
    {
        public static IReadOnlyList<Diagnostic> Of(string folder, string assembly, string what)
        {
            var path = Path.Combine(folder, assembly + ".dll");
            if (!File.Exists(path)) throw new FileNotFoundException($"{what} did not bring {assembly}.dll into {folder}", path);
            var result = AssemblyWeaver.Analyze(new WeaveOptions
            {
                AssemblyPath = path,
                ReferencePaths = Directory.GetFiles(folder, "*.dll").Where(p => p != path).ToList(),
                StaticAnalysis = StaticAnalysisLevel.Warn,
            });
            var failed = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (failed.Count > 0)
                throw new InvalidOperationException($"{what}: the analysis did not run: " + string.Join("; ", failed.Select(d => d.Message)));
            return result.Diagnostics;
        }
    }
}

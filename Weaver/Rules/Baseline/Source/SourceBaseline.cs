using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The project's baseline (MSBuild <c>NonBlockingBaseline</c>), which the package's build file hands the compiler as
    /// an additional file and names in <c>build_property.NonBlockingBaselineFile</c>: the warnings it lists are not
    /// reported, as the weave does not report them either. Which entries no longer occur is the weave's to say.
    /// </summary>
    internal static class SourceBaseline
    {
        public static HashSet<string> Read(AnalyzerOptions options, AnalyzerConfigOptions global, CancellationToken cancellation)
        {
            if (!global.TryGetValue("build_property.NonBlockingBaselineFile", out var path) || string.IsNullOrWhiteSpace(path))
                return new HashSet<string>(StringComparer.Ordinal);
            string wanted = Normalize(path);
            var file = options.AdditionalFiles.FirstOrDefault(f => string.Equals(Normalize(f.Path), wanted, StringComparison.OrdinalIgnoreCase));
            var text = file?.GetText(cancellation);
            return text == null ? new HashSet<string>(StringComparer.Ordinal) : BaselineKeys.Parse(text.Lines.Select(l => l.ToString()));
        }

        private static string Normalize(string path) => path.Replace('\\', '/').TrimEnd('/');
    }
}

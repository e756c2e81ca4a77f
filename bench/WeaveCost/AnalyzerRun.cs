using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NonBlocking.Bench.WeaveCost
{
    /// <summary>
    /// The package's Roslyn analyzer on one generated source, as a build runs it (switched on the way the package's
    /// props switch it on), the compiler's binding included: the NB warnings it reports.
    /// </summary>
    internal static class AnalyzerRun
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
            ImmutableArray.Create<DiagnosticAnalyzer>(new NonBlocking.Analyzers.BlockingCallAnalyzer());

        /// <param name="references">What the source compiles against (<see cref="Generated.References"/>), made once by the caller.</param>
        public static int Warnings(string source, MetadataReference[] references, string code)
        {
            var compilation = CSharpCompilation.Create("Analysed", new[] { CSharpSyntaxTree.ParseText(source) }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Switch());
            return compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().Result.Count(d => d.Id == code);
        }

        /// <summary>What the package's build props hand the analyzer when it is on.</summary>
        private sealed class Switch : AnalyzerConfigOptionsProvider
        {
            private sealed class On : AnalyzerConfigOptions
            {
                public override bool TryGetValue(string key, out string value)
                {
                    value = "true";
                    return key == "build_property._NonBlockingAnalyzerActive";
                }
            }

            private static readonly On Options = new On();
            public override AnalyzerConfigOptions GlobalOptions => Options;
            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options;
            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options;
        }
    }
}

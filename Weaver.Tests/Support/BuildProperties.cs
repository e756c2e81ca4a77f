using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NonBlocking.Tests.Support
{
    /// <summary>The build properties an analyzer sees (the compiler's generated editorconfig), as a project with the package has them.</summary>
    internal sealed class BuildProperties : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        private BuildProperties(Dictionary<string, string> values) => _global = new Options(values);

        /// <summary>The package's marker that its build step is in the project, plus <paramref name="more"/>.</summary>
        public static AnalyzerOptions AsThePackageSetsThem(Dictionary<string, string>? more = null)
        {
            var values = new Dictionary<string, string>(more ?? new Dictionary<string, string>());
            values.TryAdd("build_property._NonBlockingAnalyzerActive", "true");
            return new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new BuildProperties(values));
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new Options(new Dictionary<string, string>());
            private readonly Dictionary<string, string> _values;
            public Options(Dictionary<string, string> values) => _values = values;
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}

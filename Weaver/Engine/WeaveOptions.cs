using System.Collections.Generic;

namespace NonBlocking.Weaver
{
    /// <summary>How the build-time analysis reports what it finds.</summary>
    public enum StaticAnalysisLevel
    {
        /// <summary>No analysis.</summary>
        None,
        /// <summary>Warnings (subject to NoWarn / WarningsAsErrors like any other).</summary>
        Warn,
        /// <summary>Errors.</summary>
        Error,
    }

    /// <summary>What to weave and how. The engine's only input; adapters (MSBuild, Fody, CLI) fill it in.</summary>
    public sealed class WeaveOptions
    {
        /// <summary>The assembly to weave (read with its PDB when there is one).</summary>
        public string AssemblyPath { get; set; } = "";

        /// <summary>Where to write; null rewrites <see cref="AssemblyPath"/> in place (atomically).</summary>
        public string? OutputPath { get; set; }

        /// <summary>Path of NonBlocking.Runtime.dll, whose probes the woven code calls.</summary>
        public string RuntimeAssemblyPath { get; set; } = "";

        /// <summary>Assemblies the input references, for resolving types while reading and writing.</summary>
        public IList<string> ReferencePaths { get; set; } = new List<string>();

        /// <summary>Default threshold baked into the woven assembly; run-time settings may override it.</summary>
        public int ThresholdMs { get; set; } = 100;

        /// <summary>Key (.snk) to re-sign a strong-named assembly with; null leaves it unsigned or delay-signed.</summary>
        public string? StrongNameKeyFile { get; set; }

        /// <summary>Extra blocking APIs to time, as <c>Namespace.Type.Member</c> (MSBuild item NonBlockingBlockingApi).</summary>
        public IList<string> BlockingApis { get; set; } = new List<string>();

        /// <summary>
        /// APIs that never block, though the catalog or the async-counterpart rule would say so, as
        /// <c>Namespace.Type.Member</c> or <c>Namespace.Type.*</c> (MSBuild item NonBlockingNotBlockingApi).
        /// </summary>
        public IList<string> NotBlockingApis { get; set; } = new List<string>();

        /// <summary>Default for reporting long blocking calls on thread-pool threads outside async segments.</summary>
        public bool ReportThreadPool { get; set; }

        /// <summary>Build-time analysis (NB0001–NB0003): off, warnings (default) or errors.</summary>
        public StaticAnalysisLevel StaticAnalysis { get; set; } = StaticAnalysisLevel.Warn;

        /// <summary>Other assemblies whose code the analysis follows calls into (project references, optionally packages).</summary>
        public IList<string> AnalyzeReferencePaths { get; set; } = new List<string>();

        /// <summary>
        /// The package's Roslyn analyzer reports NB0001 and NB0003 in this compilation, and NB0002 for paths that stay
        /// in it: leave to it every direct call it sees — all but those a bool flag of the async method decides, which
        /// only the call paths can settle — and every path that does not leave the assembly.
        /// </summary>
        public bool SourceAnalyzerReportsDirectCalls { get; set; }

        /// <summary>
        /// A baseline file (MSBuild <c>NonBlockingBaseline</c>): NB0001–NB0003 it lists are not reported, and an entry
        /// that no longer occurs is said to be fixed (NB0004). Null: every warning is reported.
        /// </summary>
        public string? BaselinePath { get; set; }

        /// <summary>Write <see cref="BaselinePath"/> from today's warnings instead of reporting them (NB0005).</summary>
        public bool UpdateBaseline { get; set; }


        /// <summary>Longest chain of sync calls the analysis follows from an async method.</summary>
        public int AnalysisMaxDepth { get; set; } = 16;

        /// <summary>The project delay-signs: keep the public key, do not sign.</summary>
        public bool DelaySign { get; set; }
    }
}

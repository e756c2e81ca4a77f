using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace NonBlocking.Weaver.Tasks
{
    /// <summary>MSBuild adapter: weaves the project's intermediate assembly in place, logging coded diagnostics.</summary>
    public sealed class WeaveNonBlocking : Task
    {
        /// <summary>obj/…/App.dll, after the compiler wrote it.</summary>
        [Required] public string AssemblyPath { get; set; } = "";

        /// <summary>@(ReferencePath): used to resolve types and to find NonBlocking.Runtime.dll.</summary>
        public ITaskItem[] References { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>$(NonBlockingThresholdMs).</summary>
        public int ThresholdMs { get; set; } = 100;

        /// <summary>$(AssemblyOriginatorKeyFile) when $(SignAssembly) is true.</summary>
        public string? KeyFile { get; set; }

        /// <summary>@(NonBlockingBlockingApi): extra blocking APIs, <c>Namespace.Type.Member</c>.</summary>
        public ITaskItem[] BlockingApis { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>@(NonBlockingNotBlockingApi): APIs that never block, <c>Namespace.Type.Member</c> or <c>Namespace.Type.*</c>.</summary>
        public ITaskItem[] NotBlockingApis { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>$(NonBlockingReportThreadPool).</summary>
        public bool ReportThreadPool { get; set; }

        /// <summary>$(NonBlockingStaticAnalysis): none, warn (default) or error.</summary>
        public string StaticAnalysis { get; set; } = "warn";

        /// <summary>$(NonBlockingAnalysisMaxDepth): longest chain of sync calls followed from an async method.</summary>
        public int AnalysisMaxDepth { get; set; } = 16;

        /// <summary>$(NonBlockingAnalyzeReferences): also follow calls into package assemblies.</summary>
        public bool AnalyzeReferences { get; set; }

        /// <summary>$(NoWarn), $(WarningsAsErrors), $(WarningsNotAsErrors), $(TreatWarningsAsErrors), applied to our codes.</summary>
        public string NoWarn { get; set; } = "";
        /// <summary>$(WarningsAsErrors).</summary>
        public string WarningsAsErrors { get; set; } = "";
        /// <summary>$(WarningsNotAsErrors).</summary>
        public string WarningsNotAsErrors { get; set; } = "";
        /// <summary>$(TreatWarningsAsErrors).</summary>
        public bool TreatWarningsAsErrors { get; set; }

        /// <summary>$(DelaySign).</summary>
        public bool DelaySign { get; set; }

        /// <summary>The package's Roslyn analyzer runs in this compilation and reports NB0001/NB0003 itself.</summary>
        public bool SourceAnalyzer { get; set; }

        /// <summary>MSBuild NonBlockingBaseline: the baseline file; empty for none.</summary>
        public string? Baseline { get; set; }

        /// <summary>MSBuild NonBlockingUpdateBaseline: write the baseline from today's warnings.</summary>
        public bool UpdateBaseline { get; set; }

        /// <inheritdoc />
        public override bool Execute()
        {
            var referencePaths = References.Select(r => r.GetMetadata("FullPath")).Where(p => !string.IsNullOrEmpty(p)).ToList();
            var runtime = referencePaths.FirstOrDefault(p => string.Equals(Path.GetFileName(p), "NonBlocking.Runtime.dll", StringComparison.OrdinalIgnoreCase));
            var watch = Stopwatch.StartNew();
            var result = AssemblyWeaver.Weave(new WeaveOptions
            {
                AssemblyPath = AssemblyPath,
                ReferencePaths = referencePaths,
                RuntimeAssemblyPath = runtime ?? "",
                ThresholdMs = ThresholdMs,
                StrongNameKeyFile = string.IsNullOrWhiteSpace(KeyFile) ? null : KeyFile,
                DelaySign = DelaySign,
                BlockingApis = BlockingApis.Select(i => i.ItemSpec).ToList(),
                NotBlockingApis = NotBlockingApis.Select(i => i.ItemSpec).ToList(),
                StaticAnalysis = ParseLevel(StaticAnalysis),
                AnalysisMaxDepth = AnalysisMaxDepth > 0 ? AnalysisMaxDepth : 16,
                AnalyzeReferencePaths = References.Where(FollowedByAnalysis).Select(r => r.GetMetadata("FullPath")).ToList(),
                ReportThreadPool = ReportThreadPool,
                SourceAnalyzerReportsDirectCalls = SourceAnalyzer,
                BaselinePath = string.IsNullOrWhiteSpace(Baseline) ? null : Baseline,
                UpdateBaseline = UpdateBaseline,
            });

            var policy = new WarningPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
            foreach (var d in result.Diagnostics)
            {
                switch (policy.Apply(d))
                {
                    case DiagnosticSeverity.Error:
                        Log.LogError(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Message);
                        break;
                    case DiagnosticSeverity.Warning:
                        Log.LogWarning(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Message);
                        break;
                    default:
                        // The engine's own messages (the baseline's) are for the user to see; others were silenced by NoWarn.
                        if (d.Severity == DiagnosticSeverity.Info) Log.LogMessage(MessageImportance.High, $"NonBlocking: {d.Code}: {d.Message}");
                        else Log.LogMessage(MessageImportance.Low, $"NonBlocking: {d.Code} suppressed (NoWarn) at {d.File}({d.Line},{d.Column}): {d.Message}");
                        break;
                }
            }

            string name = Path.GetFileName(AssemblyPath);
            switch (result.Outcome)
            {
                case WeaveOutcome.Woven:
                    Log.LogMessage(MessageImportance.High, $"NonBlocking: wove {result.AsyncMethodsWoven} async method(s) and {result.BlockingCallsWoven} blocking call(s) in {name} ({result.AsyncMethodsOptedOut} opted out{AsyncCalls(result)}) in {watch.ElapsedMilliseconds} ms");
                    break;
                case WeaveOutcome.AlreadyWoven:
                    Log.LogMessage(MessageImportance.Normal, $"NonBlocking: {name} is already woven; nothing to do");
                    break;
                case WeaveOutcome.NothingToWeave:
                    Log.LogMessage(MessageImportance.Normal, $"NonBlocking: {name} has no async methods to weave ({result.AsyncMethodsOptedOut} opted out)");
                    break;
            }
            return !Log.HasLoggedErrors;
        }

        /// <summary>Project references always; package assemblies when AnalyzeReferences is set; never the framework.</summary>
        private bool FollowedByAnalysis(ITaskItem reference)
        {
            if (reference.GetMetadata("ReferenceSourceTarget") == "ProjectReference") return true;
            return AnalyzeReferences && !string.IsNullOrEmpty(reference.GetMetadata("NuGetPackageId"))
                   && reference.GetMetadata("FrameworkReferenceName").Length == 0
                   && !reference.GetMetadata("NuGetPackageId").StartsWith("NonBlocking.", StringComparison.Ordinal);
        }

        private StaticAnalysisLevel ParseLevel(string value)
        {
            switch ((value ?? "").Trim().ToLowerInvariant())
            {
                case "none": return StaticAnalysisLevel.None;
                case "error": return StaticAnalysisLevel.Error;
                case "":
                case "warn": return StaticAnalysisLevel.Warn;
                default:
                    Log.LogWarning(null, DiagnosticCodes.BadSetting, null, null, 0, 0, 0, 0,
                        $"NonBlockingStaticAnalysis='{value}' is not none, warn or error; using warn.");
                    return StaticAnalysisLevel.Warn;
            }
        }
    
        /// <summary>", 4 async API calls" where the weave timed calls into other assemblies' async APIs; nothing otherwise.</summary>
        private static string AsyncCalls(WeaveResult result) => result.AsyncCallsWoven == 0 ? "" : $", {result.AsyncCallsWoven} async API call(s)";
    }
}

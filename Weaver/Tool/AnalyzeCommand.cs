using System;
using System.CommandLine;
using NonBlocking.Weaver;

namespace NonBlocking.Tool
{
    /// <summary><c>nonblocking analyze in.dll</c>: the build-time warnings (NB0001–NB0003) for a binary; writes nothing.</summary>
    internal static class AnalyzeCommand
    {
        public static Command Create()
        {
            var assembly = CommonOptions.Assembly();
            var references = CommonOptions.References();
            var follow = new Option<bool>("--follow-references")
            {
                Description = "Also follow calls into the referenced assemblies (as NonBlockingAnalyzeReferences=true does).",
            };
            var level = new Option<StaticAnalysisLevel>("--level")
            {
                Description = "Warn (exit 0 with findings) or Error (findings are errors: exit 1).",
                DefaultValueFactory = _ => StaticAnalysisLevel.Warn,
            };
            var maxDepth = CommonOptions.MaxDepth();
            var blockingApis = CommonOptions.BlockingApis();
            var notBlocking = CommonOptions.NotBlockingApis();

            var command = new Command("analyze", "Print the NB warnings for an assembly: blocking calls reachable from its async methods. Writes nothing.")
            {
                assembly, references, follow, level, maxDepth, blockingApis, notBlocking,
            };
            command.SetAction(parse =>
            {
                var input = parse.GetValue(assembly)!;
                if (!input.Exists) return CommonOptions.FailUsage($"{input.FullName} does not exist");
                var chosen = parse.GetValue(level);
                if (chosen == StaticAnalysisLevel.None) return CommonOptions.FailUsage("--level None would print nothing; use Warn or Error");
                try
                {
                    var referencePaths = CommonOptions.ReferencePaths(input, parse.GetValue(references) ?? Array.Empty<string>());
                    var result = AssemblyWeaver.Analyze(new WeaveOptions
                    {
                        AssemblyPath = input.FullName,
                        ReferencePaths = referencePaths,
                        AnalyzeReferencePaths = parse.GetValue(follow) ? referencePaths : new System.Collections.Generic.List<string>(),
                        StaticAnalysis = chosen,
                        AnalysisMaxDepth = parse.GetValue(maxDepth),
                        BlockingApis = parse.GetValue(blockingApis) ?? Array.Empty<string>(),
                        NotBlockingApis = parse.GetValue(notBlocking) ?? Array.Empty<string>(),
                    });
                    bool errors = CommonOptions.Print(result.Diagnostics);
                    PathEnds.Print(result.Diagnostics);
                    return errors || result.Outcome == WeaveOutcome.Failed ? Program.Failed : Program.Ok;
                }
                catch (UsageException e)
                {
                    return CommonOptions.FailUsage(e.Message);
                }
            });
            return command;
        }
    }
}

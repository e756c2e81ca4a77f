using System;
using System.CommandLine;
using System.IO;
using NonBlocking.Weaver;

namespace NonBlocking.Tool
{
    /// <summary><c>nonblocking weave in.dll [-o out.dll]</c>: the same engine the build uses, on a file.</summary>
    internal static class WeaveCommand
    {
        private const string RuntimeFile = "NonBlocking.Runtime.dll";

        public static Command Create()
        {
            var assembly = CommonOptions.Assembly();
            var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the woven assembly (and its .pdb). Default: in place." };
            var threshold = new Option<int>("--threshold") { Description = "Threshold in ms baked into the assembly.", DefaultValueFactory = _ => 100 };
            var references = CommonOptions.References();
            var key = new Option<FileInfo?>("--key") { Description = "A .snk to re-sign a strong-named assembly with (without it the woven copy is unsigned)." };
            var analysis = new Option<StaticAnalysisLevel>("--analysis")
            {
                Description = "Build-time analysis while weaving: None, Warn or Error.",
                DefaultValueFactory = _ => StaticAnalysisLevel.Warn,
            };
            var threadPool = new Option<bool>("--report-thread-pool") { Description = "Bake thread-pool mode in (report long blocking calls outside async code on pool threads)." };
            var maxDepth = CommonOptions.MaxDepth();
            var blockingApis = CommonOptions.BlockingApis();
            var notBlocking = CommonOptions.NotBlockingApis();

            var command = new Command("weave", "Weave an existing assembly: its async methods and blocking calls get NonBlocking's probes.")
            {
                assembly, output, threshold, references, key, analysis, threadPool, maxDepth, blockingApis, notBlocking,
            };
            command.SetAction(parse =>
            {
                var input = parse.GetValue(assembly)!;
                if (!input.Exists) return CommonOptions.FailUsage($"{input.FullName} does not exist");
                if (parse.GetValue(threshold) < 1) return CommonOptions.FailUsage("--threshold must be at least 1 ms");
                var keyFile = parse.GetValue(key);
                if (keyFile != null && !keyFile.Exists) return CommonOptions.FailUsage($"key file {keyFile.FullName} does not exist");
                string target = parse.GetValue(output)?.FullName ?? input.FullName;
                try
                {
                    var options = new WeaveOptions
                    {
                        AssemblyPath = input.FullName,
                        OutputPath = target,
                        ReferencePaths = CommonOptions.ReferencePaths(input, parse.GetValue(references) ?? Array.Empty<string>()),
                        RuntimeAssemblyPath = RuntimeFor(input),
                        ThresholdMs = parse.GetValue(threshold),
                        StrongNameKeyFile = keyFile?.FullName,
                        StaticAnalysis = parse.GetValue(analysis),
                        ReportThreadPool = parse.GetValue(threadPool),
                        AnalysisMaxDepth = parse.GetValue(maxDepth),
                        BlockingApis = parse.GetValue(blockingApis) ?? Array.Empty<string>(),
                        NotBlockingApis = parse.GetValue(notBlocking) ?? Array.Empty<string>(),
                    };
                    var result = AssemblyWeaver.Weave(options);
                    bool errors = CommonOptions.Print(result.Diagnostics);
                    if (errors || result.Outcome == WeaveOutcome.Failed) return Program.Failed;
                    Console.WriteLine(Describe(result, input.FullName, target));
                    if (result.Outcome == WeaveOutcome.Woven) PlaceRuntimeNextTo(target);
                    return Program.Ok;
                }
                catch (UsageException e)
                {
                    return CommonOptions.FailUsage(e.Message);
                }
            });
            return command;
        }

        private static string Describe(WeaveResult result, string input, string target) => result.Outcome switch
        {
            WeaveOutcome.Woven => $"nonblocking: wove {result.AsyncMethodsWoven} async methods and {result.BlockingCallsWoven} blocking calls in {input}" +
                                  (target == input ? "" : $" into {target}") +
                                  (result.AsyncCallsWoven == 0 ? "" : $" ({result.AsyncCallsWoven} async API calls)") +
                                  (result.AsyncMethodsOptedOut > 0 ? $" ({result.AsyncMethodsOptedOut} opted out)" : ""),
            WeaveOutcome.AlreadyWoven => $"nonblocking: {input} is already woven; nothing written",
            _ => $"nonblocking: {input} has no async methods or blocking calls to weave; nothing written",
        };

        /// <summary>The input's own copy of the runtime if it ships one (so versions match), else the tool's.</summary>
        private static string RuntimeFor(FileInfo input)
        {
            string beside = Path.Combine(input.DirectoryName!, RuntimeFile);
            return File.Exists(beside) ? beside : Path.Combine(AppContext.BaseDirectory, RuntimeFile);
        }

        /// <summary>
        /// The woven assembly needs NonBlocking.Runtime at run time. Copy it next to the output when missing; an app
        /// built with a deps.json must also list it, which a PackageReference to NonBlocking.Runtime does.
        /// </summary>
        private static void PlaceRuntimeNextTo(string target)
        {
            string destination = Path.Combine(Path.GetDirectoryName(target)!, RuntimeFile);
            if (File.Exists(destination)) return;
            File.Copy(Path.Combine(AppContext.BaseDirectory, RuntimeFile), destination);
            Console.WriteLine($"nonblocking: copied {RuntimeFile} to {Path.GetDirectoryName(target)}; an app with a deps.json also needs a " +
                              "PackageReference to NonBlocking.Runtime so it is loaded");
        }
    }
}

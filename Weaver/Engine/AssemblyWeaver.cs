using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Analyse;
using NonBlocking.Weaver.Analyse.Reachability;
using NonBlocking.Weaver.Catalog;
using NonBlocking.Weaver.Find;
using NonBlocking.Weaver.Instrument;
using NonBlocking.Weaver.Read;
using NonBlocking.Weaver.Write;

namespace NonBlocking.Weaver
{
    /// <summary>The engine: read → find async machines → analyse → instrument → write. Knows nothing of MSBuild.</summary>
    public static class AssemblyWeaver
    {
        /// <summary>Weaves one assembly. Never throws for bad input: errors come back as diagnostics with outcome Failed.</summary>
        public static WeaveResult Weave(WeaveOptions options) => Guarded(options, diagnostics =>
        {
            using var input = InputAssembly.Read(options.AssemblyPath, options.ReferencePaths, diagnostics);
            var result = Instrument(input.Module, options, diagnostics);
            if (result.Outcome == WeaveOutcome.Woven)
                OutputWriter.Write(input, options.OutputPath ?? options.AssemblyPath, options.StrongNameKeyFile, options.DelaySign);
            return result;
        });

        /// <summary>
        /// Weaves a module its host has read and will write itself (Fody): no file is read or written here, and
        /// <see cref="WeaveOptions.AssemblyPath"/> only names the assembly in messages. Same guarantees as <see cref="Weave"/>.
        /// </summary>
        public static WeaveResult WeaveModule(ModuleDefinition module, WeaveOptions options) =>
            Guarded(options, diagnostics => Instrument(module, options, diagnostics));

        private static WeaveResult Instrument(ModuleDefinition module, WeaveOptions options, List<Diagnostic> diagnostics)
        {
            if (SiteTable.IsWoven(module))
                return new WeaveResult(WeaveOutcome.AlreadyWoven, 0, 0, diagnostics);

            var owners = new MethodOwners();
            var rewritable = new Dictionary<MethodDefinition, bool>();
            var machines = AsyncMachineFinder.Find(module, owners);
            var notOptedOut = machines.Where(m => !OptOut.Applies(m.MoveNext, m.Kickoff)).ToList();
            int optedOut = machines.Count - notOptedOut.Count;
            var toWeave = notOptedOut.Where(m => Rewritable(m.MoveNext, rewritable)).ToList();

            // The compiler's entry point for `async Main` blocks on Main's task by design; leave it alone.
            var synthesizedEntry = module.EntryPoint != null && DisplayName.IsCompilerGenerated(module.EntryPoint.Name) ? module.EntryPoint : null;
            var methods = module.GetTypes().SelectMany(t => t.Methods)
                .Where(m => m.HasBody && m != synthesizedEntry && !OptOut.Applies(m, owners.OwnerOf(m))).ToList();
            var catalog = BlockingCatalog.Load(options.BlockingApis, options.NotBlockingApis);
            // Checked only where a probe would go: most methods have no blocking call.
            var calls = BlockingCallFinder.Find(methods, catalog).Where(c => Rewritable(c.Method, rewritable)).ToList();
            // Async APIs of other assemblies that the woven async methods call: named at run time if they ran synchronously.
            var asyncCalls = AsyncCallFinder.Find(toWeave.Select(m => m.MoveNext), new HashSet<Instruction>(calls.Select(c => c.Call)));
            diagnostics.AddRange(NotRewritable(rewritable.Where(v => !v.Value).Select(v => v.Key), options));
            // Analyse the IL as the compiler wrote it, before any probe goes in.
            // A method left uninstrumented (NB9102) is still the user's code: it is analysed like the rest.
            diagnostics.AddRange(StaticAnalysis(module, notOptedOut, catalog, owners, options));
            if (toWeave.Count == 0 && calls.Count == 0)
                return new WeaveResult(WeaveOutcome.NothingToWeave, 0, optedOut, diagnostics);

            var runtime = RuntimeImports.Load(module, options.RuntimeAssemblyPath);
            var sites = new SiteTable(module, runtime, options.ThresholdMs, options.ReportThreadPool);
            // An async call the runtime has no end probe for (ValueTask on netstandard2.0) stays untimed.
            var ends = new Dictionary<Instruction, MethodReference>();
            foreach (var call in asyncCalls)
                if (AsyncCallEnd.For(call.Call, runtime) is MethodReference end) ends[call.Call] = end;
            foreach (var group in calls.Concat(asyncCalls.Where(c => ends.ContainsKey(c.Call))).GroupBy(c => c.Method))
            {
                var method = group.Key;
                string caller = owners.DisplayNameOf(method);
                Guard(options, caller, method, () =>
                {
                    var probes = new List<(Instruction, FieldReference, MethodReference?)>();
                    var statements = Il.Statements(method);
                    foreach (var call in group)
                    {
                        var statement = statements[call.Call];
                        var end = ends.TryGetValue(call.Call, out var found) ? found : null;
                        probes.Add((call.Call, sites.AddBlocking(DisplayName.OfCall(call.Target), caller,
                            statement?.Document?.Url, statement?.StartLine ?? 0, call.Api.Alternative, call.Api.AsyncCall), end));
                    }
                    BlockingProbe.Apply(method, probes, runtime);
                });
            }
            foreach (var machine in toWeave)
            {
                string name = DisplayName.Of(machine.Kickoff, machine.Type);
                Guard(options, name, machine.MoveNext, () =>
                {
                    var site = sites.Add(name, SegmentLocations.Encode(machine.MoveNext, machine.State));
                    SegmentProbe.Apply(machine, site, runtime);
                });
            }
            sites.Complete();
            return new WeaveResult(WeaveOutcome.Woven, toWeave.Count, optedOut, diagnostics, calls.Count, ends.Count);
        }

        /// <summary>Every failure becomes one coded diagnostic that names the file; nothing escapes as an exception.</summary>
        private static WeaveResult Guarded(WeaveOptions options, Func<List<Diagnostic>, WeaveResult> weave)
        {
            var diagnostics = new List<Diagnostic>();
            try
            {
                return weave(diagnostics);
            }
            catch (AssemblyResolutionException e)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnresolvedReference, DiagnosticSeverity.Error,
                    $"{options.AssemblyPath}: needs {e.AssemblyReference.FullName} to be rewritten, and it was not found among the references. " +
                    "Pass the folder that holds it as a reference (the build task passes @(ReferencePath)). Nothing was written.",
                    options.AssemblyPath));
                return new WeaveResult(WeaveOutcome.Failed, 0, 0, diagnostics);
            }
            catch (WeaveException e)
            {
                diagnostics.Add(new Diagnostic(e.Code, DiagnosticSeverity.Error, e.Message, options.AssemblyPath));
                return new WeaveResult(WeaveOutcome.Failed, 0, 0, diagnostics);
            }
            catch (Exception e)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MethodFailed, DiagnosticSeverity.Error,
                    $"{options.AssemblyPath}: unexpected {e.GetType().Name} while weaving: {e.Message}. Nothing was written; report this with the assembly. Set NonBlockingEnabled=false to build without weaving meanwhile.",
                    options.AssemblyPath));
                return new WeaveResult(WeaveOutcome.Failed, 0, 0, diagnostics);
            }
        }

        /// <summary>
        /// Build-time analysis only: reads the assembly, reports NB0001–NB0003 (and input problems), writes nothing.
        /// </summary>
        public static WeaveResult Analyze(WeaveOptions options) => Guarded(options, diagnostics =>
        {
            using var input = InputAssembly.Read(options.AssemblyPath, options.ReferencePaths, diagnostics);
            var owners = new MethodOwners();
            var roots = AsyncMachineFinder.Find(input.Module, owners).Where(m => !OptOut.Applies(m.MoveNext, m.Kickoff)).ToList();
            diagnostics.AddRange(StaticAnalysis(input.Module, roots, BlockingCatalog.Load(options.BlockingApis, options.NotBlockingApis), owners, options));
            return new WeaveResult(WeaveOutcome.NothingToWeave, 0, 0, diagnostics);
        });

        private static IEnumerable<Diagnostic> StaticAnalysis(ModuleDefinition module, List<Find.AsyncMachine> roots,
            BlockingCatalog catalog, MethodOwners owners, WeaveOptions options)
        {
            if (options.StaticAnalysis == StaticAnalysisLevel.None) return Enumerable.Empty<Diagnostic>();
            roots = LiveMethods.Without(OffloadedLambdas.Without(roots, module), module);
            // Calls into followed references end in their summaries, analysed once per process (see ReferenceSummaries).
            var references = ReferenceSummaries.For(options.AnalyzeReferencePaths, options.ReferencePaths, catalog,
                string.Join(";", options.BlockingApis) + "|" + catalog.NotBlocking.Key, options.AnalysisMaxDepth);
            var graph = new CallGraph(new[] { module }, catalog, m => OptOut.Applies(m, owners.OwnerOf(m)), references);
            var flagGraph = new ContextGraph(graph, new Analyse.Flags.FlagReader(owners), roots);
            var paths = new BlockingPaths(flagGraph, options.AnalysisMaxDepth);
            var severity = options.StaticAnalysis == StaticAnalysisLevel.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            // The source's own suppressions apply to these warnings as to the compiler's: #pragma, then .editorconfig.
            IEnumerable<Diagnostic> Found(bool directCallsInSource) => EditorConfigSeverities.Apply(PragmaSuppressions.Filter(
                AsyncBlockingAnalyzer.Analyze(roots, flagGraph, paths, severity, options.AssemblyPath, directCallsInSource)));
            var reported = Found(options.SourceAnalyzerReportsDirectCalls);
            if (options.BaselinePath == null) return reported;
            // A baseline speaks of every warning, the analyzer's too: it is written from, and checked against, the whole set.
            return BaselineFilter.Apply(options.BaselinePath, options.UpdateBaseline, reported.ToList(),
                options.SourceAnalyzerReportsDirectCalls ? Found(false).ToList() : null);
        }

        /// <summary>False for a body that inserting probes would corrupt (see <see cref="ForeignBranches"/>); each method checked once.</summary>
        private static bool Rewritable(MethodDefinition method, Dictionary<MethodDefinition, bool> verdicts)
        {
            if (!verdicts.TryGetValue(method, out bool ok)) verdicts[method] = ok = !ForeignBranches.In(method.Body);
            return ok;
        }

        /// <summary>One warning per type, naming its methods that were left alone.</summary>
        private static IEnumerable<Diagnostic> NotRewritable(IEnumerable<MethodDefinition> skipped, WeaveOptions options) =>
            skipped.GroupBy(m => m.DeclaringType.FullName).Select(type => new Diagnostic(DiagnosticCodes.ForeignBranches, DiagnosticSeverity.Warning,
                $"{options.AssemblyPath}: {type.Key}: {string.Join(", ", type.Select(m => m.Name).Distinct())} left uninstrumented: their IL " +
                "branches to instructions outside their own bodies, as code injected by another weaver can. With Fody, list <NonBlocking /> " +
                "before that weaver in FodyWeavers.xml.", options.AssemblyPath));

        /// <summary>Turns an unexpected failure while instrumenting one method into a coded error that names it.</summary>
        private static void Guard(WeaveOptions options, string name, MethodDefinition method, Action instrument)
        {
            try
            {
                instrument();
            }
            catch (Exception e) when (!(e is WeaveException) && !(e is AssemblyResolutionException))
            {
                throw new WeaveException(DiagnosticCodes.MethodFailed,
                    $"{options.AssemblyPath}: could not instrument {name} ({method.FullName}): {e.GetType().Name}: {e.Message}. " +
                    "Mark it [AllowBlocking] to skip it, and report the bug with this assembly.", e);
            }
        }
    }
}

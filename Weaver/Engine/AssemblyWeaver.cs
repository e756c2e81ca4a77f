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
        public static WeaveResult Weave(WeaveOptions options)
        {
            var diagnostics = new List<Diagnostic>();
            try
            {
                using var input = InputAssembly.Read(options.AssemblyPath, options.ReferencePaths, diagnostics);
                var module = input.Module;
                if (SiteTable.IsWoven(module))
                    return new WeaveResult(WeaveOutcome.AlreadyWoven, 0, 0, diagnostics);

                var owners = new MethodOwners();
                var machines = AsyncMachineFinder.Find(module, owners);
                var toWeave = machines.Where(m => !OptOut.Applies(m.MoveNext, m.Kickoff)).ToList();
                int optedOut = machines.Count - toWeave.Count;

                // The compiler's entry point for `async Main` blocks on Main's task by design; leave it alone.
                var synthesizedEntry = module.EntryPoint != null && DisplayName.IsCompilerGenerated(module.EntryPoint.Name) ? module.EntryPoint : null;
                var methods = module.GetTypes().SelectMany(t => t.Methods)
                    .Where(m => m.HasBody && m != synthesizedEntry && !OptOut.Applies(m, owners.OwnerOf(m))).ToList();
                var catalog = BlockingCatalog.Load(options.BlockingApis);
                var calls = BlockingCallFinder.Find(methods, catalog);
                // Analyse the IL as the compiler wrote it, before any probe goes in.
                diagnostics.AddRange(StaticAnalysis(input, toWeave, catalog, owners, options));
                if (toWeave.Count == 0 && calls.Count == 0)
                    return new WeaveResult(WeaveOutcome.NothingToWeave, 0, optedOut, diagnostics);

                var runtime = RuntimeImports.Load(module, options.RuntimeAssemblyPath);
                var sites = new SiteTable(module, runtime, options.ThresholdMs, options.ReportThreadPool);
                foreach (var group in calls.GroupBy(c => c.Method))
                {
                    var method = group.Key;
                    string caller = owners.DisplayNameOf(method);
                    Guard(options, caller, method, () =>
                    {
                        var probes = new List<(Instruction, FieldReference)>();
                        var statements = Il.Statements(method);
                        foreach (var call in group)
                        {
                            var statement = statements[call.Call];
                            probes.Add((call.Call, sites.AddBlocking(DisplayName.OfCall(call.Target), caller,
                                statement?.Document?.Url, statement?.StartLine ?? 0, call.Api.Alternative)));
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

                OutputWriter.Write(input, options.OutputPath ?? options.AssemblyPath, options.StrongNameKeyFile, options.DelaySign);
                return new WeaveResult(WeaveOutcome.Woven, toWeave.Count, optedOut, diagnostics, calls.Count);
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
        public static WeaveResult Analyze(WeaveOptions options)
        {
            var diagnostics = new List<Diagnostic>();
            try
            {
                using var input = InputAssembly.Read(options.AssemblyPath, options.ReferencePaths, diagnostics);
                var owners = new MethodOwners();
                var roots = AsyncMachineFinder.Find(input.Module, owners).Where(m => !OptOut.Applies(m.MoveNext, m.Kickoff)).ToList();
                diagnostics.AddRange(StaticAnalysis(input, roots, BlockingCatalog.Load(options.BlockingApis), owners, options));
                return new WeaveResult(WeaveOutcome.NothingToWeave, 0, 0, diagnostics);
            }
            catch (WeaveException e)
            {
                diagnostics.Add(new Diagnostic(e.Code, DiagnosticSeverity.Error, e.Message, options.AssemblyPath));
                return new WeaveResult(WeaveOutcome.Failed, 0, 0, diagnostics);
            }
        }

        private static IEnumerable<Diagnostic> StaticAnalysis(InputAssembly input, List<Find.AsyncMachine> roots,
            BlockingCatalog catalog, MethodOwners owners, WeaveOptions options)
        {
            if (options.StaticAnalysis == StaticAnalysisLevel.None) return Enumerable.Empty<Diagnostic>();
            // Calls into followed references end in their summaries, analysed once per process (see ReferenceSummaries).
            var references = ReferenceSummaries.For(options.AnalyzeReferencePaths, options.ReferencePaths, catalog,
                string.Join(";", options.BlockingApis), options.AnalysisMaxDepth);
            var graph = new CallGraph(new[] { input.Module }, catalog, m => OptOut.Applies(m, owners.OwnerOf(m)), references);
            var paths = new BlockingPaths(graph, options.AnalysisMaxDepth);
            var severity = options.StaticAnalysis == StaticAnalysisLevel.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            return AsyncBlockingAnalyzer.Analyze(roots, graph, paths, severity, options.AssemblyPath);
        }

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

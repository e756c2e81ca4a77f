using System;
using System.Collections.Generic;
using System.Linq;
using NonBlocking.Weaver.Analyse;
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

                var machines = AsyncMachineFinder.Find(module);
                var toWeave = machines.Where(m => !OptOut.Applies(m)).ToList();
                int optedOut = machines.Count - toWeave.Count;
                if (toWeave.Count == 0)
                    return new WeaveResult(WeaveOutcome.NothingToWeave, 0, optedOut, diagnostics);

                var runtime = RuntimeImports.Load(module, options.RuntimeAssemblyPath);
                var sites = new SiteTable(module, runtime, options.ThresholdMs);
                foreach (var machine in toWeave)
                {
                    string name = DisplayName.Of(machine.Kickoff, machine.Type);
                    try
                    {
                        var site = sites.Add(name, SegmentLocations.Encode(machine.MoveNext, machine.State));
                        SegmentProbe.Apply(machine, site, runtime);
                    }
                    catch (Exception e) when (!(e is WeaveException))
                    {
                        throw new WeaveException(DiagnosticCodes.MethodFailed,
                            $"{options.AssemblyPath}: could not instrument {name} ({machine.Type.FullName}.MoveNext): {e.GetType().Name}: {e.Message}. " +
                            "Mark it [AllowBlocking] to skip it, and report the bug with this assembly.", e);
                    }
                }
                sites.Complete();

                OutputWriter.Write(input, options.OutputPath ?? options.AssemblyPath, options.StrongNameKeyFile, options.DelaySign);
                return new WeaveResult(WeaveOutcome.Woven, toWeave.Count, optedOut, diagnostics);
            }
            catch (Mono.Cecil.AssemblyResolutionException e)
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
    }
}

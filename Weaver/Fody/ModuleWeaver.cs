using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Fody;
using NonBlocking.Weaver;

namespace NonBlocking.Fody
{
    /// <summary>
    /// Fody's entry point: hands Fody's module to the same engine the NonBlocking.Weaver package runs, and reports its
    /// diagnostics through Fody (so they carry the NB codes, files and lines). Fody reads, writes and signs the assembly.
    /// </summary>
    public class ModuleWeaver : BaseModuleWeaver
    {
        private const string RuntimeName = "NonBlocking.Runtime";

        public override void Execute()
        {
            var options = WeaverConfig.Read(Config, ModuleDefinition.FileName);
            var references = (References ?? "").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            options.RuntimeAssemblyPath = FindRuntime(references);
            options.ReferencePaths = references;
            var result = AssemblyWeaver.WeaveModule(ModuleDefinition, options);
            foreach (var d in result.Diagnostics) Report(d);
            if (result.Outcome == WeaveOutcome.Woven)
                WriteInfo($"NonBlocking: wove {result.AsyncMethodsWoven} async methods and {result.BlockingCallsWoven} blocking calls" +
                    (result.AsyncCallsWoven == 0 ? "" : $" ({result.AsyncCallsWoven} async API calls)"));
        }

        public override IEnumerable<string> GetAssembliesForScanning() => Enumerable.Empty<string>();

        /// <summary>The app needs NonBlocking.Runtime at run time: keep the reference.</summary>
        public override bool ShouldCleanReference => false;

        private void Report(Diagnostic d)
        {
            // Fody prints "warning/error: message"; the code leads the message so NoWarn-style filtering by eye and grep works.
            string text = $"{d.Code}: {d.Message}";
            var point = d.Line > 0 && d.File != null ? new Mono.Cecil.Cil.SequencePoint(Mono.Cecil.Cil.Instruction.Create(Mono.Cecil.Cil.OpCodes.Nop), new Mono.Cecil.Cil.Document(d.File))
            {
                StartLine = d.Line, StartColumn = Math.Max(1, d.Column), EndLine = d.Line, EndColumn = Math.Max(1, d.Column) + 1,
            } : null;
            switch (d.Severity)
            {
                case DiagnosticSeverity.Error: WriteError(text, point); break;
                case DiagnosticSeverity.Warning: WriteWarning(text, point); break;
                default: WriteInfo(text); break;
            }
        }

        private string FindRuntime(List<string> references)
        {
            var runtime = references.FirstOrDefault(r => string.Equals(Path.GetFileNameWithoutExtension(r), RuntimeName, StringComparison.OrdinalIgnoreCase));
            if (runtime == null)
                throw new WeavingException($"{DiagnosticCodes.RuntimeMissing}: {ModuleDefinition.FileName} does not reference {RuntimeName}.dll, which woven code calls. " +
                                           "NonBlocking.Fody brings it as a package dependency; restore the project, or add a PackageReference to NonBlocking.Runtime.");
            return runtime;
        }
    }
}

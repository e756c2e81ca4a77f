using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>
    /// Calls in the source under <c>#pragma warning disable NB0002</c> (or a bare <c>disable</c>): the maintainer's word
    /// that this call does not block in practice (a read of data already buffered, a TLS alert on an error path). No
    /// NB0002 path runs through such a call, whichever async method it starts from, so one pragma where the path ends
    /// answers every warning that ends there; the call keeps its run-time probe. A call in an async method is the
    /// reported site itself, which the pragma silences as any other warning (<see cref="PragmaSuppressions"/>).
    /// </summary>
    internal sealed class SuppressedCalls
    {
        private readonly PragmaSuppressions _pragmas = new PragmaSuppressions();
        private readonly Dictionary<MethodDefinition, Dictionary<Instruction, SequencePoint?>?> _statements =
            new Dictionary<MethodDefinition, Dictionary<Instruction, SequencePoint?>?>();

        public bool Cuts(MethodDefinition method, Instruction call)
        {
            if (!_statements.TryGetValue(method, out var statements))
                _statements[method] = statements = Disabled(method) ? Il.Statements(method) : null;
            if (statements == null || !statements.TryGetValue(call, out var statement) || statement?.Document?.Url == null) return false;
            return _pragmas.Suppresses(statement.Document.Url, statement.StartLine, DiagnosticCodes.BlockingCallReachable);
        }

        /// <summary>Whether the method's file disables NB0002 anywhere; a method without line information never does.</summary>
        private bool Disabled(MethodDefinition method)
        {
            if (!method.HasBody || !method.DebugInformation.HasSequencePoints) return false;
            var file = method.DebugInformation.SequencePoints[0].Document?.Url;
            return file != null && _pragmas.Disables(file, DiagnosticCodes.BlockingCallReachable);
        }
    }
}

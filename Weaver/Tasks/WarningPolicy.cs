using System;
using System.Collections.Generic;
using System.Linq;

namespace NonBlocking.Weaver.Tasks
{
    /// <summary>
    /// NoWarn, WarningsAsErrors, WarningsNotAsErrors and TreatWarningsAsErrors applied to our codes exactly as the
    /// compiler applies them to its own, whatever the MSBuild version does with task warnings.
    /// </summary>
    internal sealed class WarningPolicy
    {
        private readonly HashSet<string> _noWarn, _asErrors, _notAsErrors;
        private readonly bool _allAsErrors;

        public WarningPolicy(string noWarn, string warningsAsErrors, string warningsNotAsErrors, bool treatWarningsAsErrors)
        {
            _noWarn = Codes(noWarn);
            _asErrors = Codes(warningsAsErrors);
            _notAsErrors = Codes(warningsNotAsErrors);
            _allAsErrors = treatWarningsAsErrors;
        }

        /// <summary>The severity to log a diagnostic with; Info means "log as a low-importance message".</summary>
        public DiagnosticSeverity Apply(Diagnostic d)
        {
            if (d.Severity != DiagnosticSeverity.Warning) return d.Severity;
            if (_noWarn.Contains(d.Code)) return DiagnosticSeverity.Info;
            if (_asErrors.Contains(d.Code) || (_allAsErrors && !_notAsErrors.Contains(d.Code))) return DiagnosticSeverity.Error;
            return DiagnosticSeverity.Warning;
        }

        private static HashSet<string> Codes(string list) =>
            new HashSet<string>((list ?? "").Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()),
                StringComparer.OrdinalIgnoreCase);
    }
}

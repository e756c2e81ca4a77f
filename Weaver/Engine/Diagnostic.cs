namespace NonBlocking.Weaver
{
    /// <summary>Severity of a <see cref="Diagnostic"/>.</summary>
    public enum DiagnosticSeverity { Info, Warning, Error }

    /// <summary>A coded message for the build log (NB0xxx analysis, NB9xxx input and output problems).</summary>
    public sealed class Diagnostic
    {
        /// <summary>Creates a diagnostic.</summary>
        public Diagnostic(string code, DiagnosticSeverity severity, string message, string? file = null, int line = 0, int column = 0)
        {
            Code = code;
            Severity = severity;
            Message = message;
            File = file;
            Line = line;
            Column = column;
        }

        /// <summary>The code users put in NoWarn or WarningsAsErrors.</summary>
        public string Code { get; }
        /// <summary>How serious it is.</summary>
        public DiagnosticSeverity Severity { get; }
        /// <summary>What happened and what to do.</summary>
        public string Message { get; }
        /// <summary>File the message is about (source file or assembly).</summary>
        public string? File { get; }
        /// <summary>1-based line in <see cref="File"/>, 0 if none.</summary>
        public int Line { get; }
        /// <summary>1-based column, 0 if none.</summary>
        public int Column { get; }
        /// <summary>
        /// For NB0002, where the path ends: the method that makes the blocking call, the call, and its line when known. The
        /// same for every warning whose path ends there, so warnings can be grouped by the one call that explains them.
        /// </summary>
        public string? PathEnd { get; internal set; }

        /// <summary>
        /// For NB0001–NB0003, what a baseline records of it: the code, the async method and the call, not the line, so an
        /// edit elsewhere in the file does not make it new (see <see cref="Catalog.BaselineKeys"/>). The analyzer builds the
        /// same key from the same names.
        /// </summary>
        public string? Key { get; internal set; }

        /// <inheritdoc />
        public override string ToString() =>
            (File == null ? "" : Line > 0 ? $"{File}({Line},{System.Math.Max(1, Column)}): " : File + ": ") +
            $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}

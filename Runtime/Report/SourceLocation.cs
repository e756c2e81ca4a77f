namespace NonBlocking.Report
{
    /// <summary>
    /// Where a segment began or ended: a method's start or end, an await, or a <c>yield return</c>; in a hang found by its
    /// wait (no segment known), the waiting call.
    /// </summary>
    public sealed class SourceLocation
    {
        /// <summary>The values of <see cref="Kind"/> besides <c>start</c>, <c>await</c>, <c>yield</c> and <c>end</c>.</summary>
        public static class Kinds
        {
            /// <summary>A hang's waiting call, when the hang was found by its wait rather than by its segment.</summary>
            public const string Call = "call";
        }

        /// <summary>Creates a location.</summary>
        public SourceLocation(string kind, string? file, int line)
        {
            Kind = kind;
            File = file;
            Line = line;
        }

        /// <summary><c>start</c>, <c>await</c>, <c>yield</c> or <c>end</c>; <c>call</c> (<see cref="Kinds.Call"/>) in a hang found by its wait.</summary>
        public string Kind { get; }

        /// <summary>Source file from the PDB, or null when the assembly was woven without symbols.</summary>
        public string? File { get; }

        /// <summary>1-based line, or 0 when unknown.</summary>
        public int Line { get; }

        internal static SourceLocation Unknown(string kind) => new SourceLocation(kind, null, 0);

        internal SourceLocation WithKind(string kind) => kind == Kind ? this : new SourceLocation(kind, File, Line);

        /// <inheritdoc />
        public override string ToString() => File == null ? $"{Kind} (no line info)" : $"{Kind} at {File}:{Line}";
    }
}

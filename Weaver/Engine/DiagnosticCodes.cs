namespace NonBlocking.Weaver
{
    /// <summary>Every code the weaver emits; README documents each.</summary>
    public static class DiagnosticCodes
    {
        /// <summary>An async method calls a catalogued blocking API directly.</summary>
        public const string BlockingCallInAsync = "NB0001";
        /// <summary>An async method calls sync code that (transitively) calls a blocking API.</summary>
        public const string BlockingCallReachable = "NB0002";
        /// <summary>An async method waits synchronously on a task (.Result, .Wait(), GetAwaiter().GetResult()).</summary>
        public const string SyncOverAsync = "NB0003";
        /// <summary>A warning the baseline lists no longer occurs: the entry can go.</summary>
        public const string BaselineEntryFixed = "NB0004";
        /// <summary>The baseline was written (NonBlockingUpdateBaseline).</summary>
        public const string BaselineWritten = "NB0005";
        /// <summary>The baseline file could not be read or written.</summary>
        public const string BaselineUnreadable = "NB9010";
        /// <summary>The input file does not exist.</summary>
        public const string InputMissing = "NB9001";
        /// <summary>The input is not a .NET assembly, or its metadata is corrupt.</summary>
        public const string NotAnAssembly = "NB9002";
        /// <summary>The input is a reference assembly: it has no code to weave.</summary>
        public const string ReferenceAssembly = "NB9003";
        /// <summary>NonBlocking.Runtime.dll could not be found or read.</summary>
        public const string RuntimeMissing = "NB9004";
        /// <summary>Writing the woven assembly failed; the original is intact.</summary>
        public const string WriteFailed = "NB9005";
        /// <summary>The strong-name key could not be read.</summary>
        public const string KeyUnreadable = "NB9006";
        /// <summary>A method could not be instrumented.</summary>
        public const string MethodFailed = "NB9007";
        /// <summary>A referenced assembly needed to rewrite the input could not be found.</summary>
        public const string UnresolvedReference = "NB9008";
        public const string BadWeaverConfig = "NB9009";
        /// <summary>An MSBuild setting has a value NonBlocking does not understand.</summary>
        public const string BadSetting = "NB9101";
        /// <summary>No symbols: woven without file and line information.</summary>
        public const string NoSymbols = "NB9100";
        public const string ForeignBranches = "NB9102";
    }
}

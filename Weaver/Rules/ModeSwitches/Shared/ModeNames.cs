namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// A bool whose name says which mode it selects: <c>IsSynchronous</c>, <c>runSynchronously</c>, <c>_sync</c> say the
    /// sync mode when true; <c>isAsync</c>, <c>useAsync</c>, <c>Asynchronous</c> the async one. Such a value decides a
    /// mode switch by its name alone, where neither side shows an await (Polly's <c>ResilienceContext.IsSynchronous</c>
    /// guards the sync <c>Execute</c> API's waits: <c>if (context.IsSynchronous) task.GetAwaiter().GetResult();</c>).
    /// Shared by the engine (IL) and the analyzer (source).
    /// </summary>
    internal static class ModeNames
    {
        /// <summary>
        /// Whether a property of a type of this namespace describes the object rather than the caller's mode: the
        /// framework's own (<c>FileStream.IsAsync</c> says how the file was opened; a stream opened without it still
        /// blocks in <c>Read</c>).
        /// </summary>
        public static bool DescribesObject(string? ns) => ns != null && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal));

        /// <summary>True when the name says the sync mode, false when it says the async one, null when it says neither.</summary>
        public static bool? TrueMeansSync(string name)
        {
            if (name.StartsWith("get_", System.StringComparison.Ordinal)) name = name.Substring(4);
            name = name.TrimStart('_');
            if (name.StartsWith("m_", System.StringComparison.Ordinal)) name = name.Substring(2);
            name = name.ToLowerInvariant();
            foreach (var prefix in new[] { "is", "use", "run" })
                if (name.StartsWith(prefix, System.StringComparison.Ordinal) && name.Length > prefix.Length)
                {
                    name = name.Substring(prefix.Length);
                    break;
                }
            switch (name)
            {
                case "sync": case "synchronous": case "synchronously": return true;
                case "async": case "asynchronous": case "asynchronously": return false;
                default: return null;
            }
        }
    }
}

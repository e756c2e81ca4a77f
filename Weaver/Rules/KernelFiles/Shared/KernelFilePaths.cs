namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// Which whole-file reads name a kernel pseudo-file: <c>File.ReadAllText/ReadAllBytes/ReadAllLines/ReadLines</c> of a
    /// path under <c>/proc/</c> or <c>/sys/</c>, which the kernel answers from memory (a process's status, environment,
    /// cgroup) and no device serves. Shared by the engine (IL) and the analyzer (source).
    /// </summary>
    internal static class KernelFilePaths
    {
        private static readonly string[] Roots = { "/proc/", "/sys/" };

        /// <summary>Whether the method is one of System.IO.File's whole-file reads.</summary>
        public static bool IsFileRead(string declaringType, string name) =>
            declaringType == "System.IO.File" && (name == "ReadAllText" || name == "ReadAllBytes" || name == "ReadAllLines" || name == "ReadLines");

        /// <summary>Whether a path that begins with <paramref name="leading"/> is a kernel pseudo-file (null: not known).</summary>
        public static bool IsKernelPath(string? leading)
        {
            if (leading == null) return false;
            foreach (var root in Roots)
                if (leading.StartsWith(root, System.StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>What <c>string.Format</c> writes before its first placeholder.</summary>
        public static string BeforePlaceholder(string format)
        {
            int brace = format.IndexOf('{');
            return brace < 0 ? format : format.Substring(0, brace);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// How a baseline names a warning, shared by both front ends (the analyzer links this file): its code, the async
    /// method and the call, as the messages name them — no line, so an edit around a call does not make it new.
    /// </summary>
    internal static class BaselineKeys
    {
        public static string Of(string code, string method, string call) => code + " " + method + " -> " + call;

        /// <summary>The entries of a baseline file's lines: blank lines and '#' comments left out.</summary>
        public static HashSet<string> Parse(IEnumerable<string> lines) =>
            new HashSet<string>(lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)), StringComparer.Ordinal);
    }
}

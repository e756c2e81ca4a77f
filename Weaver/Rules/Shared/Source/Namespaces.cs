using System;
using Microsoft.CodeAnalysis;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// A namespace's dotted name read from its symbols, not from Roslyn's display visitor: these run for nearly every
    /// call the analyzer meets (is this a task type, which catalog entry), and the visitor is the costly part there.
    /// </summary>
    internal static class Namespaces
    {
        /// <summary>Whether <paramref name="ns"/> is the namespace <paramref name="dotted"/> (e.g. <c>System.Threading.Tasks</c>).</summary>
        public static bool Is(INamespaceSymbol? ns, string dotted)
        {
            int end = dotted.Length;
            for (; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                string name = ns.Name;
                int start = end - name.Length;
                if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0) return false;
                if (start == 0) return ns.ContainingNamespace == null || ns.ContainingNamespace.IsGlobalNamespace;
                if (dotted[start - 1] != '.') return false;
                end = start - 1;
            }
            return false;
        }

        /// <summary>The dotted name; empty for the global namespace.</summary>
        public static string Name(INamespaceSymbol? ns)
        {
            if (ns == null || ns.IsGlobalNamespace) return "";
            string outer = Name(ns.ContainingNamespace);
            return outer.Length == 0 ? ns.Name : outer + "." + ns.Name;
        }
    }
}

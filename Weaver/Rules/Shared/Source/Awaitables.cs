using Microsoft.CodeAnalysis;

namespace NonBlocking.Analyzers
{
    /// <summary>Whether a type can be awaited: the task types by name, anything else by a parameterless GetAwaiter().</summary>
    internal static class Awaitables
    {
        public static bool Is(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named)) return false;
            if (IsTask(named)) return true;
            if (named.SpecialType != SpecialType.None) return false;
            foreach (var member in named.GetMembers("GetAwaiter"))
                if (member is IMethodSymbol m && !m.IsStatic && m.Parameters.Length == 0) return true;
            return false;
        }

        /// <summary>A task, ValueTask or their generic forms: what .Result, .Wait() and GetAwaiter().GetResult() wait on.</summary>
        public static bool IsTask(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "Task" or "ValueTask" } named && Namespaces.Is(named.ContainingNamespace, "System.Threading.Tasks");
    }
}

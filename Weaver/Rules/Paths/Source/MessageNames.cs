using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Symbols as the messages show them (<see cref="SymbolDisplayFormat.CSharpErrorMessageFormat"/>), for one compilation.
    /// A plain method — the usual owner of a warning — is put together from its type's and its parameter types' names,
    /// each formatted once: Roslyn's display visitor costs a cold compiler about 0.15 ms a call, most of the time it
    /// took to report a warning (docs/performance.md). Anything else goes to the visitor.
    /// </summary>
    internal sealed class MessageNames
    {
        private readonly ConcurrentDictionary<ISymbol, string> _symbols = new ConcurrentDictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        // With nullability: `string` and `string?` are equal under the default comparer and shown differently.
        private readonly ConcurrentDictionary<ITypeSymbol, string> _types = new ConcurrentDictionary<ITypeSymbol, string>(SymbolEqualityComparer.IncludeNullability);

        /// <summary>A symbol formatted once, however many warnings name it (the called APIs recur).</summary>
        public string Cached(ISymbol symbol) => _symbols.GetOrAdd(symbol, s => Of(s));

        /// <summary>The symbol as <see cref="SymbolDisplayFormat.CSharpErrorMessageFormat"/> shows it.</summary>
        public string Of(ISymbol symbol) =>
            symbol is IMethodSymbol method && IsPlain(method) ? Plain(method) : symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

        /// <summary>Shown as <c>Type.Name(T1, T2)</c>: no type arguments, modifiers, explicit interface or keyword to escape.</summary>
        private static bool IsPlain(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.Arity != 0 || method.IsExtensionMethod || method.ContainingType == null ||
                !method.ExplicitInterfaceImplementations.IsEmpty || SyntaxFacts.GetKeywordKind(method.Name) != SyntaxKind.None)
                return false;
            foreach (var parameter in method.Parameters)
                if (parameter.RefKind != RefKind.None || parameter.IsParams) return false;
            return true;
        }

        private string Plain(IMethodSymbol method)
        {
            var text = new StringBuilder(Type(method.ContainingType)).Append('.').Append(method.Name).Append('(');
            for (int i = 0; i < method.Parameters.Length; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(Type(method.Parameters[i].Type));
            }
            return text.Append(')').ToString();
        }

        private string Type(ITypeSymbol type) => _types.GetOrAdd(type, t => t.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat));
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The engine's Instances read from source: which types of the compilation can have instances, so that dispatch leaves
    /// out the implementations of types that cannot. A type can if it is a value type or an interface; if code outside
    /// can make one (public all the way out, with a public constructor, or unsealed with a protected one); or if the
    /// compilation makes or names one — <c>new</c>, <c>typeof</c>, a type argument, an attribute — or spells its name in a
    /// string. A compilation that lists its own types (<c>Assembly.GetTypes</c> and kin) makes them all possible. Read once,
    /// when a dispatch first asks.
    /// </summary>
    internal sealed class SourceInstances
    {
        private readonly HashSet<ITypeSymbol> _possible = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        private readonly bool _all;

        public SourceInstances(Compilation compilation, IReadOnlyList<INamedTypeSymbol> types)
        {
            var named = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            var strings = new HashSet<string>(System.StringComparer.Ordinal);
            void Name(ITypeSymbol? type)
            {
                for (int depth = 0; type != null && depth < 8; depth++)
                {
                    if (type is IArrayTypeSymbol array) { type = array.ElementType; continue; }
                    if (type is INamedTypeSymbol generic)
                        foreach (var argument in generic.TypeArguments) Name(argument);
                    named.Add(type.OriginalDefinition);
                    return;
                }
            }
            foreach (var tree in compilation.SyntaxTrees)
            {
#pragma warning disable RS1030 // every tree is read once, for the types the compilation makes
                var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                foreach (var node in tree.GetRoot().DescendantNodes())
                    switch (node)
                    {
                        case ObjectCreationExpressionSyntax _:
                        case ImplicitObjectCreationExpressionSyntax _:
                            Name(model.GetTypeInfo(node).Type);
                            break;
                        case TypeOfExpressionSyntax typeOf:
                            Name(model.GetTypeInfo(typeOf.Type).Type);
                            break;
                        case AttributeSyntax attribute:
                            Name(model.GetTypeInfo(attribute).Type);
                            break;
                        case GenericNameSyntax generic:
                            foreach (var argument in generic.TypeArgumentList.Arguments) Name(model.GetTypeInfo(argument).Type);
                            break;
                        case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                            strings.Add(text.Split(',')[0].Trim());
                            break;
                        case MemberAccessExpressionSyntax access when ListsTypes(access.Name.Identifier.ValueText) &&
                                                                      model.GetSymbolInfo(access).Symbol is ISymbol member &&
                                                                      member.ContainingType?.Name == "Assembly" &&
                                                                      Namespaces.Is(member.ContainingType.ContainingNamespace, "System.Reflection"):
                            _all = true;
                            break;
                    }
            }
            foreach (var type in types)
                if (type.TypeKind == TypeKind.Interface || type.IsValueType || named.Contains(type.OriginalDefinition) || ConstructibleOutside(type) ||
                    strings.Contains(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "")) ||
                    strings.Contains(SymbolCatalog.MetadataName(type).Replace('/', '+')))
                {
                    _possible.Add(type.OriginalDefinition);
                    for (var b = type.BaseType; b != null; b = b.BaseType) _possible.Add(b.OriginalDefinition);
                    foreach (var i in type.AllInterfaces) _possible.Add(i.OriginalDefinition);
                }
        }

        /// <summary>Whether <paramref name="type"/> or a type derived from it can have instances; true for a type not in source.</summary>
        public bool Possible(INamedTypeSymbol type) => _all || type.DeclaringSyntaxReferences.IsEmpty || _possible.Contains(type.OriginalDefinition);

        private static bool ListsTypes(string name) =>
            name == "GetTypes" || name == "GetExportedTypes" || name == "DefinedTypes" || name == "ExportedTypes" || name == "GetForwardedTypes";

        private static bool ConstructibleOutside(INamedTypeSymbol type)
        {
            if (!SourceVisibility.VisibleOutside(type)) return false;
            return type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public ||
                                                      !type.IsSealed && (c.DeclaredAccessibility == Accessibility.Protected || c.DeclaredAccessibility == Accessibility.ProtectedOrInternal));
        }
    }
}

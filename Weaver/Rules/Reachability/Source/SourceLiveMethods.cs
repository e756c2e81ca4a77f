using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The engine's LiveMethods read from source: a member of the compilation runs if code outside can call it (visible
    /// outside, a constructor, a public property, an override or implementation of a member from a reference, a public
    /// member of a type whose base class comes from a reference, a member of a type or itself carrying an attribute that
    /// does not only describe code, a name a string spells, a method the compiler calls by pattern) or if a member that runs
    /// names it. Names stand for calls: a member runs when a running member spells its name, which also covers dispatch to
    /// overrides and implementations (a name shared by two members keeps both). A friend assembly that is not a test's
    /// makes everything run. Read once, when a report first sits in a member not visible outside.
    /// </summary>
    internal sealed class SourceLiveMethods
    {
        private readonly Compilation _compilation;
        private readonly System.Lazy<(HashSet<ISymbol> Judged, HashSet<ISymbol> Live)?> _live;

        public SourceLiveMethods(Compilation compilation)
        {
            _compilation = compilation;
            _live = new System.Lazy<(HashSet<ISymbol> Judged, HashSet<ISymbol> Live)?>(Read);
        }

        /// <summary>Whether <paramref name="member"/> (the member around a report) may run.</summary>
        public bool Runs(ISymbol member)
        {
            // A field's or property's initializer (the report's member is then the field or property) runs with the
            // constructor, as the weave sees it.
            if (!(member is IMethodSymbol method)) return true;
            member = method.AssociatedSymbol ?? method;
            if (SourceVisibility.VisibleOutside(member) || member.DeclaringSyntaxReferences.IsEmpty) return true;
            // A member no declaration of which was read (the top-level statements' Main) is not judged.
            if (!(_live.Value is var (judged, live))) return true;
            return !judged.Contains(member.OriginalDefinition) || live.Contains(member.OriginalDefinition);
        }

        private (HashSet<ISymbol> Judged, HashSet<ISymbol> Live)? Read()
        {
            if (_compilation.Assembly.GetAttributes().Any(a => a.AttributeClass?.Name == "InternalsVisibleToAttribute" &&
                                                            (a.ConstructorArguments.Length != 1 || !(a.ConstructorArguments[0].Value is string friend) || ReachabilityNames.FriendRuns(friend))))
                return null;
            var mentions = new Dictionary<ISymbol, HashSet<string>>(SymbolEqualityComparer.Default);
            var byName = new Dictionary<string, List<ISymbol>>();
            var rootNames = new HashSet<string>();
            var strings = new HashSet<string>();
            var entry = _compilation.GetEntryPoint(default);
            foreach (var tree in _compilation.SyntaxTrees)
            {
#pragma warning disable RS1030 // every tree is read once, for the members its code names
                var model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                // A stack, not recursion: a generated file's long chain of `+` nests thousands deep.
                var pendingNodes = new Stack<(SyntaxNode Node, HashSet<string>? Owner)>();
                pendingNodes.Push((tree.GetRoot(), null));
                while (pendingNodes.Count > 0)
                {
                    var (node, owner) = pendingNodes.Pop();
                    foreach (var child in node.ChildNodesAndTokens())
                    {
                        if (child.IsToken)
                        {
                            if (child.IsKind(SyntaxKind.StringLiteralToken) || child.IsKind(SyntaxKind.InterpolatedStringTextToken)) strings.Add(child.AsToken().ValueText);
                            continue;
                        }
                        var n = child.AsNode()!;
                        var names = owner;
                        if (n is BaseMethodDeclarationSyntax || n is BasePropertyDeclarationSyntax)
                        {
                            var symbol = model.GetDeclaredSymbol(n);
                            if (symbol != null)
                            {
                                symbol = symbol.OriginalDefinition;
                                // Indexed once per symbol, however many declarations name it.
                                if (!mentions.TryGetValue(symbol, out names))
                                {
                                    mentions[symbol] = names = new HashSet<string>();
                                    if (!byName.TryGetValue(symbol.Name, out var list)) byName[symbol.Name] = list = new List<ISymbol>();
                                    list.Add(symbol);
                                }
                            }
                        }
                        else if (n is BaseTypeDeclarationSyntax || n is FieldDeclarationSyntax || n is EventFieldDeclarationSyntax || n is GlobalStatementSyntax)
                            names = null;
                        if (n is SimpleNameSyntax simple) (names ?? rootNames).Add(simple.Identifier.ValueText);
                        pendingNodes.Push((n, names));
                    }
                }
            }

            var live = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<ISymbol>();
            var namesSeen = new HashSet<string>();
            void MarkName(string name)
            {
                if (!namesSeen.Add(name) || !byName.TryGetValue(name, out var named)) return;
                foreach (var m in named) Mark(m);
            }
            void Mark(ISymbol member)
            {
                if (!live.Add(member)) return;
                pending.Push(member);
                // A running interface or virtual member runs the members that implement it, which share its name.
                MarkName(member.Name);
            }
            foreach (var member in mentions.Keys)
                if (Root(member, entry, strings)) Mark(member);
            foreach (var name in rootNames) MarkName(name);
            while (pending.Count > 0)
                if (mentions.TryGetValue(pending.Pop(), out var names))
                    foreach (var name in names) MarkName(name);
            return (new HashSet<ISymbol>(mentions.Keys, SymbolEqualityComparer.Default), live);
        }

        private static bool Root(ISymbol member, IMethodSymbol? entry, HashSet<string> strings)
        {
            if (SourceVisibility.VisibleOutside(member) || strings.Contains(member.Name) || Attributed(member) || Attributed(member.ContainingType)) return true;
            if (member is IMethodSymbol method)
            {
                if (SymbolEqualityComparer.Default.Equals(method, entry) || method.MethodKind == MethodKind.Constructor || method.MethodKind == MethodKind.StaticConstructor ||
                    method.MethodKind == MethodKind.Destructor || method.MethodKind == MethodKind.UserDefinedOperator || method.MethodKind == MethodKind.Conversion ||
                    ByPattern(method.Name))
                    return true;
            }
            else if (member is IPropertySymbol property && (property.IsIndexer || property.DeclaredAccessibility == Accessibility.Public))
                return true;
            if (member.DeclaredAccessibility == Accessibility.Public && member.ContainingType?.BaseType is { } baseType && baseType.DeclaringSyntaxReferences.IsEmpty &&
                baseType.SpecialType != SpecialType.System_Object && baseType.SpecialType != SpecialType.System_ValueType && baseType.SpecialType != SpecialType.System_Enum &&
                baseType.SpecialType != SpecialType.System_MulticastDelegate)
                return true;
            return FromReference(member);
        }

        /// <summary>Overrides or implements a member declared in a reference: a framework calls it.</summary>
        private static bool FromReference(ISymbol member)
        {
            for (var overridden = Overridden(member); overridden != null; overridden = Overridden(overridden))
                if (overridden.DeclaringSyntaxReferences.IsEmpty) return true;
            var type = member.ContainingType;
            if (type == null) return false;
            foreach (var @interface in type.AllInterfaces)
            {
                if (!@interface.DeclaringSyntaxReferences.IsEmpty) continue;
                foreach (var candidate in @interface.GetMembers(member.Name))
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate)?.OriginalDefinition, member)) return true;
            }
            if (member is IMethodSymbol { ExplicitInterfaceImplementations: var explicitMethods } && explicitMethods.Any(m => m.DeclaringSyntaxReferences.IsEmpty)) return true;
            if (member is IPropertySymbol { ExplicitInterfaceImplementations: var explicitProperties } && explicitProperties.Any(p => p.DeclaringSyntaxReferences.IsEmpty)) return true;
            return false;
        }

        private static ISymbol? Overridden(ISymbol member) => member switch
        {
            IMethodSymbol m => m.OverriddenMethod,
            IPropertySymbol p => p.OverriddenProperty,
            IEventSymbol e => e.OverriddenEvent,
            _ => null,
        };

        /// <summary>Methods the compiler calls for <c>foreach</c>, <c>await</c>, <c>using</c>, collection initializers and deconstruction.</summary>
        private static bool ByPattern(string name) =>
            name == "GetEnumerator" || name == "GetAsyncEnumerator" || name == "MoveNext" || name == "MoveNextAsync" || name == "GetAwaiter" ||
            name == "GetResult" || name == "OnCompleted" || name == "UnsafeOnCompleted" || name == "Dispose" || name == "DisposeAsync" ||
            name == "Add" || name == "Deconstruct";

        private static bool Attributed(ISymbol? symbol) =>
            symbol != null && symbol.GetAttributes().Any(a => a.AttributeClass is { } type && !ReachabilityNames.OnlyDescribes(Namespaces.Name(type.ContainingNamespace), type.Name));
    }
}

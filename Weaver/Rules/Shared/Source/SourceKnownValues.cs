using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// What a parameter of a private method can hold, read from source as the engine's KnownValues reads it from IL: the
    /// arguments its type's one file passes; and the shared reading of uses that write a field, parameter or local.
    /// Read by InMemoryOperands (in-memory streams handed down) and SourceReceiverTypes (the types a receiver can have).
    /// </summary>
    internal static class SourceKnownValues
    {
        /// <summary>
        /// Every argument passed for a parameter of a private method or a local function, when its type is declared in
        /// this one file, so that the file shows every call; null when the method is used otherwise than called (a
        /// delegate), can be called from elsewhere (virtual, an interface's), or writes the parameter itself.
        /// </summary>
        public static List<IOperation>? OfParameter(IParameterReferenceOperation reference)
        {
            var parameter = reference.Parameter;
            var model = reference.SemanticModel;
            if (model == null || parameter.RefKind != RefKind.None || parameter.IsParams || !(parameter.ContainingSymbol is IMethodSymbol method)) return null;
            bool local = method.MethodKind == MethodKind.LocalFunction;
            if (!local && (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Private ||
                           method.IsVirtual || method.IsOverride || method.IsAbstract || !method.ExplicitInterfaceImplementations.IsEmpty))
                return null;
            var declarations = DeclaredIn(method.ContainingType, reference.Syntax.SyntaxTree);
            if (declarations == null) return null;
            foreach (var name in Names(declarations, parameter.Name))
                if (model.GetOperation(name) is IParameterReferenceOperation use && SymbolEqualityComparer.Default.Equals(use.Parameter, parameter) &&
                    (!Written(use, name, out var value) || value != null))
                    return null;
            var arguments = new List<IOperation>();
            foreach (var name in Names(declarations, method.Name))
            {
                var node = Reference(name);
                var operation = model.GetOperation(node);
                if (operation is IMethodReferenceOperation pointed && SymbolEqualityComparer.Default.Equals(pointed.Method.OriginalDefinition, method.OriginalDefinition))
                    return null; // a delegate: called from anywhere
                if (!(node.Parent is InvocationExpressionSyntax invocation) || invocation.Expression != node) continue;
                if (!(model.GetOperation(invocation) is IInvocationOperation call) ||
                    !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition)) continue;
                var argument = call.Arguments.FirstOrDefault(a => a.Parameter != null && a.Parameter.Ordinal == parameter.Ordinal);
                if (argument == null) return null;
                arguments.Add(argument.Value);
            }
            return arguments;
        }

        /// <summary>The type's declarations, when they are all in <paramref name="tree"/>: the one file shows every use.</summary>
        public static IEnumerable<SyntaxReference>? DeclaredIn(INamedTypeSymbol type, SyntaxTree tree)
        {
            var declarations = type.DeclaringSyntaxReferences;
            return declarations.IsEmpty || declarations.Any(d => d.SyntaxTree != tree) ? null : declarations;
        }

        /// <summary>The names spelled <paramref name="name"/> in those declarations (<c>M&lt;T&gt;</c> too): the candidates to bind.</summary>
        public static IEnumerable<SimpleNameSyntax> Names(IEnumerable<SyntaxReference> declarations, string name) =>
            declarations.SelectMany(d => d.GetSyntax().DescendantNodes().OfType<SimpleNameSyntax>()).Where(n => n.Identifier.ValueText == name);

        /// <summary>The expression a name is the member of (<c>this._s</c>, <c>other._s</c>), or the name itself.</summary>
        public static ExpressionSyntax Reference(SimpleNameSyntax name) =>
            name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (ExpressionSyntax)name;

        /// <summary>
        /// How a use of a field or parameter writes it: false for a write the rule cannot follow (a compound assignment
        /// or increment, a deconstruction, a <c>ref</c> assignment, a <c>ref</c> or <c>out</c> argument, a
        /// <c>ref</c> expression), which the engine's IL reading cannot follow either; otherwise true, with the value a
        /// plain or <c>??=</c> assignment stores, or null for a read.
        /// </summary>
        public static bool Written(IOperation use, SyntaxNode node, out IOperation? value)
        {
            value = null;
            switch (use.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == use:
                    value = assignment.Value;
                    return !assignment.IsRef;
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == use:
                    value = coalesce.Value;
                    return true;
                case ICompoundAssignmentOperation _:
                case IIncrementOrDecrementOperation _:
                case ITupleOperation _:
                case IDeconstructionAssignmentOperation _:
                    return false;
                case IArgumentOperation argument when argument.Parameter?.RefKind == RefKind.Ref || argument.Parameter?.RefKind == RefKind.Out:
                    return false;
                default:
                    return !(node.Parent is RefExpressionSyntax);
            }
        }
    }
}

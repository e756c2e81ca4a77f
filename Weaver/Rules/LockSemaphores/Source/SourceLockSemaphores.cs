using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// A <c>SemaphoreSlim</c> used as a lock is one (the engine's LockSemaphores): a private field made with an initial
    /// count of 1 in its declaration or a constructor, that its class only takes with a sync <c>Wait</c> and gives back
    /// with <c>Release</c> in the same function, never in an async function or an iterator, never with <c>WaitAsync</c>,
    /// never handed out. Its <c>Wait</c> is no warning, as <c>lock</c> is none.
    /// </summary>
    internal static class SourceLockSemaphores
    {
        private const string SemaphoreSlim = "System.Threading.SemaphoreSlim";

        /// <summary>One verdict per field symbol (symbols belong to one compilation).</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IFieldSymbol, object> Verdicts =
            new System.Runtime.CompilerServices.ConditionalWeakTable<IFieldSymbol, object>();

        public static bool IsLock(IInvocationOperation call)
        {
            if (call.TargetMethod.Name != "Wait" || call.TargetMethod.ContainingType?.ToDisplayString() != SemaphoreSlim) return false;
            var instance = call.Instance;
            while (instance is IConversionOperation conversion && conversion.IsImplicit) instance = conversion.Operand;
            if (!(instance is IFieldReferenceOperation reference) || reference.Field.DeclaredAccessibility != Accessibility.Private ||
                reference.Field.Type.ToDisplayString() != SemaphoreSlim || call.SemanticModel == null) return false;
            var compilation = call.SemanticModel.Compilation;
            return (bool)Verdicts.GetValue(reference.Field.OriginalDefinition, field => UsedAsLock(field, compilation));
        }

        private static bool UsedAsLock(IFieldSymbol field, Compilation compilation)
        {
            bool made = false;
            var waits = new System.Collections.Generic.HashSet<SyntaxNode>();
            var releases = new System.Collections.Generic.HashSet<SyntaxNode>();
            foreach (var (model, use) in PrivateFieldUses.Of(field, compilation))
            {
                if (use is VariableDeclaratorSyntax declarator)
                {
                    if (declarator.Initializer == null) continue;
                    if (!MadeWithOne(model.GetOperation(declarator.Initializer.Value))) return false;
                    made = true;
                    continue;
                }
                if (use.Parent is AssignmentExpressionSyntax assignment && assignment.Left == use)
                {
                    if (!(Function(assignment) is ConstructorDeclarationSyntax) || !MadeWithOne(model.GetOperation(assignment.Right))) return false;
                    made = true;
                    continue;
                }
                if (!(use.Parent is MemberAccessExpressionSyntax access) || access.Expression != use) return false;
                string member = access.Name.Identifier.ValueText;
                if (member == "CurrentCount") continue;
                if (!(access.Parent is InvocationExpressionSyntax) || member != "Wait" && member != "Release" && member != "Dispose") return false;
                if (member == "Dispose") continue;
                var function = Function(access);
                if (function == null || IsAsyncOrIterator(function)) return false;
                (member == "Wait" ? waits : releases).Add(function);
            }
            return made && waits.All(releases.Contains);
        }

        private static bool MadeWithOne(IOperation? value)
        {
            while (value is IConversionOperation conversion && conversion.IsImplicit) value = conversion.Operand;
            return value is IObjectCreationOperation creation && creation.Type?.ToDisplayString() == SemaphoreSlim &&
                   creation.Arguments.Length > 0 && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 1 };
        }

        /// <summary>The function a node is in: a method, accessor, constructor, local function or lambda.</summary>
        private static SyntaxNode? Function(SyntaxNode node) =>
            node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is AccessorDeclarationSyntax ||
                                                 a is LocalFunctionStatementSyntax || a is AnonymousFunctionExpressionSyntax ||
                                                 a is ArrowExpressionClauseSyntax && a.Parent is PropertyDeclarationSyntax);

        /// <summary>An async function or an iterator: whatever it holds, it may hold across an await or a yield.</summary>
        private static bool IsAsyncOrIterator(SyntaxNode function)
        {
            var modifiers = function switch
            {
                MethodDeclarationSyntax m => m.Modifiers,
                LocalFunctionStatementSyntax l => l.Modifiers,
                AnonymousFunctionExpressionSyntax a => a.Modifiers,
                _ => default,
            };
            if (modifiers.Any(SyntaxKind.AsyncKeyword)) return true;
            return function.DescendantNodes(n => n == function || !(n is LocalFunctionStatementSyntax || n is AnonymousFunctionExpressionSyntax))
                .OfType<YieldStatementSyntax>().Any();
        }
    }
}

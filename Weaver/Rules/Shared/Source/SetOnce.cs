using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>A local its declaration alone sets: the IL's single store, read from source.</summary>
    internal static class SetOnce
    {
        /// <summary>
        /// The declarator of a local of this tree whose initializer is the only value it ever holds (never assigned,
        /// or passed by reference, afterwards); null otherwise.
        /// </summary>
        public static VariableDeclaratorSyntax? Declarator(ILocalSymbol local, SemanticModel model)
        {
            if (!(local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax declarator) ||
                declarator.SyntaxTree != model.SyntaxTree || declarator.Initializer == null) return null;
            var body = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax ||
                                                                  a is AnonymousFunctionExpressionSyntax || a is AccessorDeclarationSyntax);
            if (body == null) return null;
            bool Names(ExpressionSyntax e) => e is IdentifierNameSyntax n && n.Identifier.ValueText == local.Name &&
                                             SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n).Symbol, local);
            bool written = body.DescendantNodes().Any(n => n switch
            {
                AssignmentExpressionSyntax a => Names(Strip(a.Left)),
                ArgumentSyntax r => !r.RefKindKeyword.IsKind(SyntaxKind.None) && Names(Strip(r.Expression)),
                PrefixUnaryExpressionSyntax step => (step.IsKind(SyntaxKind.PreIncrementExpression) || step.IsKind(SyntaxKind.PreDecrementExpression)) && Names(Strip(step.Operand)),
                PostfixUnaryExpressionSyntax step => Names(Strip(step.Operand)),
                _ => false,
            });
            return written ? null : declarator;
        }

        private static ExpressionSyntax Strip(ExpressionSyntax e)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            return e;
        }
    }
}

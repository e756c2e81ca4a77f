using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>What a method of the compilation returns: each return statement's value, or its expression body's (as the IL's <c>ret</c>s).</summary>
    internal static class ReturnedValues
    {
        /// <summary>The values its returns give back; null where they are not all in sight (no body here, a partial or async method, a bare return).</summary>
        public static List<IOperation>? Of(IMethodSymbol method, Compilation compilation)
        {
            if (method.IsAsync || method.IsAbstract || method.DeclaringSyntaxReferences.Length != 1) return null;
            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
#pragma warning disable RS1030 // another member's code, read only where a call's result decides a warning
            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            var arrow = (declaration as BaseMethodDeclarationSyntax)?.ExpressionBody ?? (declaration as LocalFunctionStatementSyntax)?.ExpressionBody ??
                        (declaration as AccessorDeclarationSyntax)?.ExpressionBody ?? (declaration as ArrowExpressionClauseSyntax);
            if (arrow != null) return model.GetOperation(arrow.Expression) is IOperation single ? new List<IOperation> { single } : null;
            var block = (declaration as BaseMethodDeclarationSyntax)?.Body ?? (declaration as LocalFunctionStatementSyntax)?.Body ??
                        (declaration as AccessorDeclarationSyntax)?.Body;
            if (block == null) return null;
            var values = new List<IOperation>();
            foreach (var statement in block.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax)))
            {
                if (!(statement is ReturnStatementSyntax ret)) continue;
                if (ret.Expression == null || !(model.GetOperation(ret.Expression) is IOperation returned)) return null;
                values.Add(returned);
            }
            return values;
        }
    }
}

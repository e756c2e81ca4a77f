using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The engine's "tasks known complete" (CompletedTasks.cs), read from source: a wait on a task in a local,
    /// parameter or field is not blocking on the side of an <c>if</c>, <c>?:</c>, <c>&amp;&amp;</c> or <c>||</c> where
    /// IsCompleted, IsCompletedSuccessfully, IsFaulted, IsCanceled or Status says it is done; after an early
    /// <c>if (!t.IsCompleted…) return …;</c>; after a statement that awaits it (alone, with ConfigureAwait, or in
    /// Task.WhenAll) or waits on it, unless it is assigned again in between; and for the antecedent of a ContinueWith
    /// continuation.
    /// </summary>
    internal static class CompletedTaskSource
    {
        private static readonly string[] CompletionChecks = { "IsCompleted", "IsCompletedSuccessfully", "IsFaulted", "IsCanceled" };

        public static bool IsKnownComplete(IOperation wait, IOperation? task)
        {
            var model = wait.SemanticModel;
            var symbol = Variable(task);
            if (model == null || symbol == null) return false;
            if (Branches.Governing(wait.Syntax).Any(g => Asserts(g.Condition, symbol, g.Value, model))) return true;
            SyntaxNode child = wait.Syntax;
            foreach (var ancestor in wait.Syntax.Ancestors())
            {
                switch (ancestor)
                {
                    case BlockSyntax block when child is StatementSyntax statement && AwaitedBefore(block, statement, symbol, model):
                        return true;
                    case AnonymousFunctionExpressionSyntax lambda:
                        return IsAntecedent(lambda, symbol, model);
                    case LocalFunctionStatementSyntax _:
                    case BaseMethodDeclarationSyntax _:
                        return false;
                }
                child = ancestor;
            }
            return false;
        }

        /// <summary>The local, parameter or field a task expression reads, through ConfigureAwait and AsTask.</summary>
        private static ISymbol? Variable(IOperation? task)
        {
            while (true)
            {
                while (task is IConversionOperation conversion) task = conversion.Operand;
                if (task is IInvocationOperation call && (call.TargetMethod.Name == "ConfigureAwait" || call.TargetMethod.Name == "AsTask"))
                {
                    task = call.Instance;
                    continue;
                }
                return task switch
                {
                    ILocalReferenceOperation l => l.Local,
                    IParameterReferenceOperation p => p.Parameter,
                    IFieldReferenceOperation f when f.Instance == null || f.Instance is IInstanceReferenceOperation => f.Field,
                    _ => null,
                };
            }
        }

        /// <summary>Whether <paramref name="condition"/> having the value <paramref name="value"/> means the task is complete.</summary>
        private static bool Asserts(ExpressionSyntax condition, ISymbol task, bool value, SemanticModel model)
        {
            switch (Branches.Bare(condition))
            {
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return Asserts(not.Operand, task, !value, model);
                case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                    return value ? Asserts(both.Left, task, true, model) || Asserts(both.Right, task, true, model)
                                 : Asserts(both.Left, task, false, model) && Asserts(both.Right, task, false, model);
                case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                    return value ? Asserts(either.Left, task, true, model) && Asserts(either.Right, task, true, model)
                                 : Asserts(either.Left, task, false, model) || Asserts(either.Right, task, false, model);
                case MemberAccessExpressionSyntax member when value && CompletionChecks.Contains(member.Name.Identifier.ValueText):
                    return Refers(member.Expression, task, model);
                case BinaryExpressionSyntax equals when equals.IsKind(SyntaxKind.EqualsExpression) || equals.IsKind(SyntaxKind.NotEqualsExpression):
                    bool isEquals = equals.IsKind(SyntaxKind.EqualsExpression);
                    return value == isEquals && equals.Left is MemberAccessExpressionSyntax status && status.Name.Identifier.ValueText == "Status" &&
                           Refers(status.Expression, task, model) && equals.Right is MemberAccessExpressionSyntax done &&
                           (done.Name.Identifier.ValueText == "RanToCompletion" || done.Name.Identifier.ValueText == "Faulted" || done.Name.Identifier.ValueText == "Canceled");
                default:
                    return false;
            }
        }

        /// <summary>Whether a statement before <paramref name="statement"/> in the block awaits or waits on the task, and nothing assigns it after.</summary>
        private static bool AwaitedBefore(BlockSyntax block, StatementSyntax statement, ISymbol task, SemanticModel model)
        {
            bool complete = false;
            foreach (var before in block.Statements.TakeWhile(s => s != statement))
            {
                if (Assigns(before, task, model)) complete = false;
                if ((before is ExpressionStatementSyntax || before is LocalDeclarationStatementSyntax) && Waits(before, task, model)) complete = true;
            }
            return complete;
        }

        private static bool Assigns(StatementSyntax s, ISymbol task, SemanticModel model) =>
            s.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => Refers(a.Left, task, model));

        /// <summary>The statement awaits the task or waits on it, not under a condition or in a lambda.</summary>
        private static bool Waits(StatementSyntax s, ISymbol task, SemanticModel model)
        {
            foreach (var node in s.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is ConditionalExpressionSyntax)))
            {
                ExpressionSyntax? waited = null;
                if (node is AwaitExpressionSyntax await) waited = await.Expression;
                else if (node is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax m &&
                         (m.Name.Identifier.ValueText == "Wait" || m.Name.Identifier.ValueText == "GetResult" || m.Name.Identifier.ValueText == "WaitAll"))
                    waited = m.Name.Identifier.ValueText == "WaitAll" ? call : m.Expression;
                if (waited != null && Covers(waited, task, model)) return true;
            }
            return false;
        }

        /// <summary>The expression is the task (through ConfigureAwait/GetAwaiter) or a WhenAll/WaitAll over it.</summary>
        private static bool Covers(ExpressionSyntax e, ISymbol task, SemanticModel model)
        {
            while (true)
            {
                while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
                if (e is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax m)
                {
                    string name = m.Name.Identifier.ValueText;
                    if (name == "WhenAll" || name == "WaitAll")
                        return call.ArgumentList.Arguments.Any(a => Refers(a.Expression, task, model));
                    if (name == "ConfigureAwait" || name == "GetAwaiter" || name == "AsTask")
                    {
                        e = m.Expression;
                        continue;
                    }
                }
                return Refers(e, task, model);
            }
        }

        private static bool Refers(ExpressionSyntax e, ISymbol task, SemanticModel model)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            // The name first: most expressions compared here are other variables, and binding one is the cost.
            string? name = e is IdentifierNameSyntax id ? id.Identifier.ValueText : e is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : null;
            return name == task.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e).Symbol, task);
        }

        /// <summary>The task is the lambda's first parameter and the lambda is passed to ContinueWith.</summary>
        private static bool IsAntecedent(AnonymousFunctionExpressionSyntax lambda, ISymbol task, SemanticModel model)
        {
            if (!(model.GetSymbolInfo(lambda).Symbol is IMethodSymbol method) || method.Parameters.Length == 0 ||
                !SymbolEqualityComparer.Default.Equals(method.Parameters[0], task)) return false;
            return lambda.Parent is ArgumentSyntax argument && argument.Parent?.Parent is InvocationExpressionSyntax call &&
                   call.Expression is MemberAccessExpressionSyntax m && m.Name.Identifier.ValueText == "ContinueWith";
        }
    }
}

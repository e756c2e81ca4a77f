using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The assignments (<c>x = …</c>, <c>x += …</c>) of a function's syntax, by the simple name they assign, found in one
    /// walk and kept with the syntax node. The mode-switch rule asks at every branch whether the function assigns the
    /// parameter it tests; a walk of the whole declaration per question made the analyzer quadratic in a function's size
    /// (2,000 <c>if (flag) await …; else …;</c> in one method: 13 s). The weave's twin is <c>BodyWrites</c>.
    /// </summary>
    internal static class Assignments
    {
        private static readonly ConditionalWeakTable<SyntaxNode, Dictionary<string, List<AssignmentExpressionSyntax>>> ByScope =
            new ConditionalWeakTable<SyntaxNode, Dictionary<string, List<AssignmentExpressionSyntax>>>();

        private static readonly IReadOnlyList<AssignmentExpressionSyntax> None = new AssignmentExpressionSyntax[0];

        /// <summary>
        /// Every assignment in <paramref name="scope"/> whose left side is a bare simple name spelled <paramref name="name"/>
        /// (parentheses seen through, as <see cref="Branches.Bare"/> does).
        /// </summary>
        public static IReadOnlyList<AssignmentExpressionSyntax> To(SyntaxNode scope, string name)
        {
            var index = ByScope.GetValue(scope, s =>
            {
                var found = new Dictionary<string, List<AssignmentExpressionSyntax>>(System.StringComparer.Ordinal);
                foreach (var assignment in s.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    if (Branches.Bare(assignment.Left) is IdentifierNameSyntax target)
                    {
                        string key = target.Identifier.ValueText;
                        if (!found.TryGetValue(key, out var list)) found[key] = list = new List<AssignmentExpressionSyntax>();
                        list.Add(assignment);
                    }
                return found;
            });
            return index.TryGetValue(name, out var assignments) ? assignments : None;
        }
    }
}

using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Where a private field is read and written in source: in its type's declarations, its declarator (with any
    /// initializer) and each use of its name — the name, or <c>this.name</c> — with the semantic model of the file.
    /// </summary>
    internal static class PrivateFieldUses
    {
        public static IEnumerable<(SemanticModel Model, SyntaxNode Node)> Of(IFieldSymbol field, Compilation compilation)
        {
            foreach (var part in field.ContainingType.DeclaringSyntaxReferences)
            {
                var root = part.GetSyntax();
                var model = compilation.GetSemanticModel(root.SyntaxTree);
                foreach (var node in root.DescendantNodes())
                {
                    if (node is VariableDeclaratorSyntax declarator && declarator.Identifier.ValueText == field.Name &&
                        SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator), field))
                        yield return (model, declarator);
                    else if (node is IdentifierNameSyntax name && name.Identifier.ValueText == field.Name &&
                             SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol?.OriginalDefinition, field))
                        yield return (model, name.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == name ? (SyntaxNode)qualified : name);
                }
            }
        }
    }
}

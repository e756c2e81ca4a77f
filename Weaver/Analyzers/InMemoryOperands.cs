using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Whether a value is known to be an in-memory object, as the engine's Receivers reads it from IL: a new object,
    /// local, parameter, field or property whose type never blocks (MemoryStream, StringReader…), or a wrapper
    /// (StreamReader, GZipStream…) built over one — also through a local assigned only where it is declared.
    /// </summary>
    internal static class InMemoryOperands
    {
        public static bool Is(IOperation? value, SymbolCatalog catalog, int depth = 0)
        {
            if (value == null || depth > 4) return false;
            while (value is IConversionOperation conversion) value = conversion.Operand;
            switch (value)
            {
                case IObjectCreationOperation creation:
                    if (catalog.InMemoryType(creation.Type)) return true;
                    return creation.Type != null && NonBlocking.Weaver.Catalog.StreamWrappers.Types.Contains(SymbolCatalog.MetadataName(creation.Type)) &&
                           creation.Arguments.Length > 0 && Is(creation.Arguments[0].Value, catalog, depth + 1);
                case ILocalReferenceOperation local:
                    if (catalog.InMemoryType(local.Local.Type)) return true;
                    return Is(OnlyValue(local), catalog, depth + 1);
                case IParameterReferenceOperation _:
                case IFieldReferenceOperation _:
                case IPropertyReferenceOperation _:
                    return catalog.InMemoryType(value.Type);
                default:
                    return false;
            }
        }

        /// <summary>The local's initializer, when nothing else in its method assigns it.</summary>
        private static IOperation? OnlyValue(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            var model = reference.SemanticModel;
            if (model == null || local.DeclaringSyntaxReferences.Length != 1) return null;
            if (!(local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax declarator) || declarator.Initializer == null) return null;
            var scope = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax ||
                                                                   a is AnonymousFunctionExpressionSyntax || a is AccessorDeclarationSyntax);
            if (scope == null) return null;
            foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                if (assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name &&
                    SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local))
                    return null;
            return model.GetOperation(declarator.Initializer.Value);
        }
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// A socket switched to non-blocking mode returns from Receive, Send, Accept or Connect at once (the weave's
    /// NonBlockingSockets): <c>x.Blocking = false;</c> as a statement of a block that holds, further on, the statement
    /// the call is in, on the same socket (the same local, parameter or field of <c>this</c>, read through the same
    /// properties), with no write of its <c>Blocking</c> or of that local in between.
    /// </summary>
    internal static class SourceNonBlockingSockets
    {
        public static bool Polls(IInvocationOperation call)
        {
            var target = call.TargetMethod;
            if (target.IsStatic || !IsSocket(target.ContainingType) || !IsIo(target.Name) || call.Instance == null || call.SemanticModel == null) return false;
            var key = PathOf(call.Instance);
            if (key == null) return false;
            var model = call.SemanticModel;
            for (SyntaxNode? node = call.Syntax; node != null && !(node is MemberDeclarationSyntax || node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax); node = node.Parent)
            {
                if (!(node is StatementSyntax statement) || !(statement.Parent is BlockSyntax block)) continue;
                // The statements before this one in its block, nearest first: the last write of Blocking on that socket decides.
                foreach (var before in block.Statements.TakeWhile(s => s != statement).Reverse())
                {
                    var writes = before.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>().Select(a => model.GetOperation(a)).OfType<IAssignmentOperation>()
                        .Where(a => Touches(a, key)).ToList();
                    if (writes.Count == 0) continue;
                    return writes.Count == 1 && before is ExpressionStatementSyntax && writes[0] is ISimpleAssignmentOperation switchOff &&
                           switchOff.Target is IPropertyReferenceOperation { Property.Name: "Blocking", Instance: { } socket } && PathOf(socket) == key &&
                           switchOff.Value.ConstantValue is { HasValue: true, Value: false };
                }
            }
            return false;
        }

        /// <summary>Whether an assignment writes the socket's Blocking, another socket's, or the local or parameter the key starts from.</summary>
        private static bool Touches(IAssignmentOperation assignment, string key)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Blocking" } property && IsSocket(property.Property.ContainingType)) return true;
            var written = PathOf(assignment.Target);
            return written != null && key.StartsWith(written, System.StringComparison.Ordinal);
        }

        private static bool IsSocket(INamedTypeSymbol? type) =>
            type != null && type.Name == "Socket" && Namespaces.Is(type.ContainingNamespace, "System.Net.Sockets");

        private static bool IsIo(string name) =>
            name == "Receive" || name == "Send" || name == "ReceiveFrom" || name == "SendTo" || name == "Accept" || name == "Connect";

        /// <summary>A key for where a value is read from — a local, a parameter, a field of <c>this</c>, then properties — or null.</summary>
        private static string? PathOf(IOperation value)
        {
            while (value is IConversionOperation conversion) value = conversion.Operand;
            switch (value)
            {
                case ILocalReferenceOperation local: return "l" + local.Local.Name + "@" + local.Local.Locations.FirstOrDefault()?.SourceSpan.Start + ":";
                case IParameterReferenceOperation parameter: return "a" + parameter.Parameter.Name + ":";
                case IFieldReferenceOperation field when field.Instance is IInstanceReferenceOperation: return "f" + field.Field.Name + ":";
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty && property.Instance != null && PathOf(property.Instance) is string outer:
                    return outer + "." + property.Property.Name;
                default: return null;
            }
        }
    }
}

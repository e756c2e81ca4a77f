using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The source form of the engine's KernelFiles: a whole-file read whose path begins with <c>/proc/</c> or <c>/sys/</c>
    /// — a literal, an interpolated string or a <c>+</c> that starts with one, <c>string.Concat</c>, <c>string.Format</c>
    /// or <c>Path.Combine</c> whose first part does, or a local its declaration alone sets to one of those.
    /// </summary>
    internal static class SourceKernelFiles
    {
        private const int MaxDepth = 4;

        public static bool Reads(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (!method.IsStatic || method.Parameters.Length == 0 || method.Parameters[0].Type.SpecialType != SpecialType.System_String ||
                !KernelFilePaths.IsFileRead(SymbolCatalog.MetadataName(method.ContainingType), method.Name))
                return false;
            var path = call.Arguments.Length > 0 ? call.Arguments[0].Value : null;
            return KernelFilePaths.IsKernelPath(LeadingText(path, 0));
        }

        private static string? LeadingText(IOperation? value, int depth)
        {
            if (value == null || depth > MaxDepth) return null;
            switch (value)
            {
                case IConversionOperation conversion:
                    return LeadingText(conversion.Operand, depth + 1);
                case ILiteralOperation literal:
                    return literal.ConstantValue.HasValue ? literal.ConstantValue.Value as string : null;
                case IInterpolatedStringOperation interpolated:
                    return interpolated.Parts.Length > 0 && interpolated.Parts[0] is IInterpolatedStringTextOperation text ? LeadingText(text.Text, depth + 1) : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    return LeadingText(concatenation.LeftOperand, depth + 1);
                case ILocalReferenceOperation local when value.SemanticModel != null:
                    return SetOnce.Declarator(local.Local, value.SemanticModel) is { Initializer: { } initializer }
                        ? LeadingText(value.SemanticModel.GetOperation(initializer.Value), depth + 1) : null;
                case IInvocationOperation invocation when invocation.Arguments.Length > 0 && invocation.TargetMethod.IsStatic:
                    var first = LeadingText(invocation.Arguments[0].Value, depth + 1);
                    if (first == null) return null;
                    var type = invocation.TargetMethod.ContainingType;
                    if (type.SpecialType == SpecialType.System_String && invocation.TargetMethod.Name == "Concat") return first;
                    if (type.SpecialType == SpecialType.System_String && invocation.TargetMethod.Name == "Format") return KernelFilePaths.BeforePlaceholder(first);
                    if (type.Name == "Path" && Namespaces.Is(type.ContainingNamespace, "System.IO") && invocation.TargetMethod.Name == "Combine")
                        return first.EndsWith("/", System.StringComparison.Ordinal) ? first : first + "/";
                    return null;
                default:
                    return null;
            }
        }
    }
}

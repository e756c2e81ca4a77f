using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>What a call into source passes and runs, for <see cref="HelperPaths"/>.</summary>
    internal static class SourceCalls
    {
        /// <summary>
        /// The lambda, local function or method a delegate invocation runs, when the delegate is a local made from one
        /// where it is declared and never assigned again (the engine follows the same: a delegate invoked where it is
        /// made); null for any other delegate — one handed in, or handed on, is not followed.
        /// </summary>
        public static IMethodSymbol? InvokedInPlace(IInvocationOperation call)
        {
            if (call.TargetMethod.MethodKind != MethodKind.DelegateInvoke) return null;
            var instance = call.Instance;
            while (instance is IConversionOperation conversion) instance = conversion.Operand;
            if (!(instance is ILocalReferenceOperation reference) || call.SemanticModel == null) return null;
            var local = reference.Local;
            if (!(local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax declarator) ||
                declarator.Initializer == null) return null;
            var scope = declarator.FirstAncestorOrSelf<BlockSyntax>();
            if (scope == null || scope.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
                    SymbolEqualityComparer.Default.Equals(call.SemanticModel.GetSymbolInfo(a.Left).Symbol, local))) return null;
            IOperation? made = call.SemanticModel.GetOperation(declarator.Initializer.Value);
            while (made is IConversionOperation c) made = c.Operand;
            switch (made)
            {
                case IDelegateCreationOperation creation when creation.Target is IAnonymousFunctionOperation lambda: return lambda.Symbol;
                case IDelegateCreationOperation creation when creation.Target is IMethodReferenceOperation method: return method.Method;
                case IAnonymousFunctionOperation lambda: return lambda.Symbol;
                default: return null;
            }
        }

        /// <summary>
        /// What the call passes for each bool parameter: a constant, a bool parameter of the caller, or unknown; and for
        /// a reference parameter, <c>null</c> (the flag "not null" false) or a parameter of the caller passed on.
        /// </summary>
        public static HelperPaths.Argument[] BoolArguments(ImmutableArray<IArgumentOperation> arguments)
        {
            List<HelperPaths.Argument>? found = null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter == null) continue;
                bool reference = argument.Parameter.Type.IsReferenceType;
                if (argument.Parameter.Type.SpecialType != SpecialType.System_Boolean && !reference) continue;
                var value = argument.Value;
                while (value is IConversionOperation conversion) value = conversion.Operand;
                bool? constant = !value.ConstantValue.HasValue ? (bool?)null
                    : value.ConstantValue.Value is bool b ? b : reference && value.ConstantValue.Value == null ? false : (bool?)null;
                var flag = value is IParameterReferenceOperation p ? p.Parameter : null;
                if (reference && constant == null && flag == null) continue;
                (found ??= new List<HelperPaths.Argument>()).Add(new HelperPaths.Argument(argument.Parameter.Ordinal, constant, flag));
            }
            return found?.ToArray() ?? NoArguments;
        }

        public static readonly HelperPaths.Argument[] NoArguments = new HelperPaths.Argument[0];
    }
}

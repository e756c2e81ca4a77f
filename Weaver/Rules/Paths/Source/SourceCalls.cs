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
                // An int passes its positivity, which the callee's comparisons with zero read (FlagGuards).
                bool integer = argument.Parameter.Type.SpecialType == SpecialType.System_Int32;
                if (argument.Parameter.Type.SpecialType != SpecialType.System_Boolean && !reference && !integer) continue;
                var value = argument.Value;
                while (value is IConversionOperation conversion) value = conversion.Operand;
                bool? constant = !value.ConstantValue.HasValue ? (bool?)null
                    : value.ConstantValue.Value is bool b ? b : integer && value.ConstantValue.Value is int i ? i > 0
                    : reference && value.ConstantValue.Value == null ? false : (bool?)null;
                var flag = value is IParameterReferenceOperation p && (!integer || p.Parameter.Type.SpecialType == SpecialType.System_Int32) ? p.Parameter : null;
                if (integer && constant == null && flag == null) continue;
                // typeof(Model) for a Type parameter: what the callee's typeof comparisons read (FlagGuards).
                string? type = value is ITypeOfOperation typeOf ? FlagGuards.TypeOfName(typeOf.TypeOperand) : null;
                if (reference && constant == null && flag == null && type == null) continue;
                (found ??= new List<HelperPaths.Argument>()).Add(new HelperPaths.Argument(argument.Parameter.Ordinal, constant, flag, type));
            }
            return found?.ToArray() ?? NoArguments;
        }

        public static readonly HelperPaths.Argument[] NoArguments = new HelperPaths.Argument[0];

        /// <summary>
        /// The objects a call hands its callee that a path may know more of than their declared types: the receiver of
        /// an instance call (not a new object's, not a delegate's) and each reference argument whose parameter is a
        /// class or interface that can have subtypes. Each is the caller's <c>this</c>, one of its parameters, or a value.
        /// </summary>
        public static HelperPaths.TypedArgument[] TypedArguments(IOperation operation, IMethodSymbol target, IOperation? instance,
            ImmutableArray<IArgumentOperation> arguments)
        {
            List<HelperPaths.TypedArgument>? found = null;
            if (instance != null && !target.IsStatic && !(operation is IObjectCreationOperation) &&
                (target.MethodKind == MethodKind.Ordinary || target.MethodKind == MethodKind.PropertyGet || target.MethodKind == MethodKind.PropertySet ||
                 target.MethodKind == MethodKind.Constructor || target.MethodKind == MethodKind.ExplicitInterfaceImplementation))
                Add(HelperPaths.TypedArgument.This, instance);
            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter?.OriginalDefinition;
                if (parameter == null || parameter.RefKind != RefKind.None || argument.ArgumentKind != ArgumentKind.Explicit && argument.ArgumentKind != ArgumentKind.DefaultValue) continue;
                if (parameter.Type is INamedTypeSymbol { IsSealed: false } type && (type.TypeKind == TypeKind.Class || type.TypeKind == TypeKind.Interface))
                    Add(parameter.Ordinal, argument.Value);
            }
            return found?.ToArray() ?? NoTypedArguments;

            void Add(int slot, IOperation value)
            {
                var bare = value;
                while (bare is IConversionOperation conversion && conversion.IsImplicit) bare = conversion.Operand;
                var from = bare is IParameterReferenceOperation p ? p.Parameter : bare is ILocalReferenceOperation l ? TestedParameter(l) : null;
                (found ??= new List<HelperPaths.TypedArgument>()).Add(new HelperPaths.TypedArgument(slot, value, from, bare is IInstanceReferenceOperation));
            }
        }

        /// <summary>
        /// The parameter a local names after a type test (<c>if (obj is IConfigurationID id) id.ConfigurationID</c>): the
        /// same object, so what a path knows of the parameter holds for it (the engine reads through isinst the same way).
        /// </summary>
        private static IParameterSymbol? TestedParameter(ILocalReferenceOperation reference)
        {
            if (reference.SemanticModel == null ||
                !(reference.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is SingleVariableDesignationSyntax designation) ||
                !(designation.Parent is DeclarationPatternSyntax pattern) || !(pattern.Parent is IsPatternExpressionSyntax test) ||
                test.SyntaxTree != reference.Syntax.SyntaxTree) return null;
            var tested = reference.SemanticModel.GetOperation(test.Expression);
            while (tested is IConversionOperation conversion && conversion.IsImplicit) tested = conversion.Operand;
            return tested is IParameterReferenceOperation parameter ? parameter.Parameter : null;
        }

        private static readonly HelperPaths.TypedArgument[] NoTypedArguments = new HelperPaths.TypedArgument[0];
    }
}

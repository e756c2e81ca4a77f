using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// A read that runs only after a check said its input is there returns at once (<c>if (Console.KeyAvailable)
    /// Console.ReadKey(true)</c>, <c>if (socket.Poll(0, SelectMode.SelectRead)) socket.Receive(…)</c> on the same socket):
    /// no warning when no path of the function's control-flow graph reaches the call without passing the check's true
    /// side since the last such read, as the weave's ReadinessChecks decides over IL.
    /// </summary>
    internal static class SourceReadinessChecks
    {
        public static bool Guarded(IInvocationOperation call)
        {
            if (!IsGuardedRead(call.TargetMethod)) return false;
            // The socket read and checked, as a variable (none for the console; an unknown socket has no guard).
            string? reading = call.TargetMethod.IsStatic ? null : VariableKey(call.Instance);
            if (!call.TargetMethod.IsStatic && reading == null) return false;
            var graph = GraphHolding(call);
            if (graph == null) return false;
            var seen = new HashSet<(BasicBlock, bool)>();
            var pending = new Stack<(BasicBlock, bool)>();
            void Reach(BasicBlock? block, bool ready)
            {
                if (block != null && seen.Add((block, ready))) pending.Push((block, ready));
            }
            Reach(graph.Blocks[0], false);
            bool more = true;
            while (more)
            {
                while (pending.Count > 0)
                {
                    var (block, ready) = pending.Pop();
                    foreach (var operation in block.Operations.Append(block.BranchValue))
                    {
                        if (operation == null) continue;
                        foreach (var invocation in operation.DescendantsAndSelf().OfType<IInvocationOperation>())
                        {
                            if (invocation.Syntax == call.Syntax && !ready) return false;
                            if (IsGuardedRead(invocation.TargetMethod) && invocation.TargetMethod.IsStatic == call.TargetMethod.IsStatic &&
                                (invocation.TargetMethod.IsStatic || VariableKey(invocation.Instance) == reading)) ready = false;
                        }
                    }
                    if (block.ConditionKind != ControlFlowConditionKind.None && ReadyWhenTrue(block.BranchValue, reading) is bool whenTrue)
                    {
                        bool onConditional = (block.ConditionKind == ControlFlowConditionKind.WhenTrue) == whenTrue;
                        Reach(block.ConditionalSuccessor?.Destination, onConditional || ready);
                        Reach(block.FallThroughSuccessor?.Destination, !onConditional || ready);
                        continue;
                    }
                    Reach(block.ConditionalSuccessor?.Destination, ready);
                    Reach(block.FallThroughSuccessor?.Destination, ready);
                }
                // Handlers and finally blocks have no predecessor in the graph: they can start anywhere, unready.
                more = false;
                foreach (var block in graph.Blocks)
                    if (block.Predecessors.IsEmpty && block.Ordinal != 0 && !seen.Contains((block, false)))
                    {
                        Reach(block, false);
                        more = true;
                    }
            }
            return true;
        }

        /// <summary>For a branch value that is a readiness check of <paramref name="reading"/>: whether the input is there when it is true (false for <c>!check</c>).</summary>
        private static bool? ReadyWhenTrue(IOperation? value, string? reading)
        {
            bool whenTrue = true;
            while (true)
            {
                if (value is IConversionOperation conversion) value = conversion.Operand;
                else if (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
                {
                    value = not.Operand;
                    whenTrue = !whenTrue;
                }
                else break;
            }
            if (reading == null)
                return value is IPropertyReferenceOperation { Property: { Name: "KeyAvailable" } property } && IsConsole(property.ContainingType)
                    ? whenTrue : (bool?)null;
            return value is IInvocationOperation { TargetMethod: { Name: "Poll", IsStatic: false } poll } invocation && IsSocket(poll.ContainingType) &&
                   invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1)?.Value.ConstantValue is { HasValue: true, Value: { } mode } &&
                   System.Convert.ToInt64(mode, System.Globalization.CultureInfo.InvariantCulture) == 0 &&
                   VariableKey(invocation.Instance) == reading
                ? whenTrue : (bool?)null;
        }

        /// <summary>
        /// The variable an object is read from, as a key: a local, a parameter, a field of this or a static one, and a
        /// property or field read off one of those (<c>client.Client</c>); null for anything else.
        /// </summary>
        private static string? VariableKey(IOperation? value)
        {
            while (value is IConversionOperation conversion) value = conversion.Operand;
            return value switch
            {
                ILocalReferenceOperation local => "loc:" + local.Local.Name + "@" + local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start,
                IParameterReferenceOperation parameter => "arg:" + parameter.Parameter.Name,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => "fld:" + field.Field.ToDisplayString(),
                IFieldReferenceOperation field => VariableKey(field.Instance) is string owner ? owner + "." + field.Field.Name : null,
                IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } instance } property =>
                    VariableKey(instance) is string owner ? owner + "." + property.Property.Name : null,
                _ => null,
            };
        }

        /// <summary>The control-flow graph of the function (method, local function or lambda) the call is in.</summary>
        private static ControlFlowGraph? GraphHolding(IOperation call)
        {
            var root = call;
            while (root.Parent != null) root = root.Parent;
            ControlFlowGraph? top = root switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body),
                IConstructorBodyOperation body => ControlFlowGraph.Create(body),
                IBlockOperation block => ControlFlowGraph.Create(block),
                _ => null,
            };
            var graphs = new Stack<ControlFlowGraph>();
            if (top != null) graphs.Push(top);
            while (graphs.Count > 0)
            {
                var graph = graphs.Pop();
                foreach (var block in graph.Blocks)
                    foreach (var operation in block.Operations.Append(block.BranchValue))
                    {
                        if (operation == null) continue;
                        foreach (var descendant in operation.DescendantsAndSelf())
                        {
                            if (descendant.Syntax == call.Syntax && descendant is IInvocationOperation) return graph;
                            if (descendant is IFlowAnonymousFunctionOperation lambda) graphs.Push(graph.GetAnonymousFunctionControlFlowGraph(lambda));
                        }
                    }
                foreach (var local in graph.LocalFunctions) graphs.Push(graph.GetLocalFunctionControlFlowGraph(local));
            }
            return null;
        }

        private static bool IsGuardedRead(IMethodSymbol method) =>
            method.Name == "ReadKey" && IsConsole(method.ContainingType) || method.Name == "Receive" && !method.IsStatic && IsSocket(method.ContainingType);

        private static bool IsSocket(INamedTypeSymbol? type) => type is { Name: "Socket" } && Namespaces.Is(type.ContainingNamespace, "System.Net.Sockets");

        private static bool IsConsole(INamedTypeSymbol? type) => type is { Name: "Console" } && Namespaces.Is(type.ContainingNamespace, "System");
    }
}

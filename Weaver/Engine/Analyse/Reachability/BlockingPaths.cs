using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>
    /// For every sync method in the graph, the shortest chain of calls that ends in a catalogued blocking call,
    /// found by a breadth-first search backwards from the methods that make such calls themselves. Recursion is
    /// harmless (each method is visited once) and chains longer than the depth limit are not followed.
    /// </summary>
    internal sealed class BlockingPaths
    {
        /// <summary>One step: this method calls <see cref="Next"/> at <see cref="At"/>, or blocks itself in <see cref="Direct"/>.</summary>
        public sealed class Step
        {
            public Step(MethodDefinition? next, Instruction? at, BlockingCallSite? direct, int depth)
            {
                Next = next;
                At = at;
                Direct = direct;
                Depth = depth;
            }

            public MethodDefinition? Next { get; }
            public Instruction? At { get; }
            public BlockingCallSite? Direct { get; }
            public int Depth { get; }
        }

        private readonly Dictionary<MethodDefinition, Step> _steps = new Dictionary<MethodDefinition, Step>();

        public BlockingPaths(CallGraph graph, int maxDepth)
        {
            var callers = new Dictionary<MethodDefinition, List<(MethodDefinition Caller, Instruction At)>>();
            var queue = new Queue<MethodDefinition>();
            foreach (var method in graph.Methods)
            {
                var direct = graph.DirectBlockingCalls(method).FirstOrDefault();
                if (direct != null)
                {
                    _steps[method] = new Step(null, direct.Call, direct, 1);
                    queue.Enqueue(method);
                }
                foreach (var ins in method.Body.Instructions)
                    foreach (var callee in graph.Callees(method, ins))
                    {
                        if (!callers.TryGetValue(callee, out var list)) callers[callee] = list = new List<(MethodDefinition, Instruction)>();
                        list.Add((method, ins));
                    }
            }

            while (queue.Count > 0)
            {
                var callee = queue.Dequeue();
                var step = _steps[callee];
                if (step.Depth >= maxDepth || !callers.TryGetValue(callee, out var list)) continue;
                foreach (var (caller, at) in list)
                {
                    if (_steps.ContainsKey(caller)) continue;
                    _steps[caller] = new Step(callee, at, null, step.Depth + 1);
                    queue.Enqueue(caller);
                }
            }
        }

        /// <summary>How <paramref name="method"/> reaches a blocking call, or null if it does not (within the limit).</summary>
        public Step? From(MethodDefinition method) => _steps.TryGetValue(method, out var step) ? step : null;

        /// <summary>The methods from <paramref name="method"/> down to the one that blocks, and that blocking call.</summary>
        public (List<MethodDefinition> Chain, BlockingCallSite Blocking) Walk(MethodDefinition method)
        {
            var chain = new List<MethodDefinition>();
            var current = method;
            while (true)
            {
                chain.Add(current);
                var step = _steps[current];
                if (step.Direct != null) return (chain, step.Direct);
                current = step.Next!;
            }
        }
    }
}

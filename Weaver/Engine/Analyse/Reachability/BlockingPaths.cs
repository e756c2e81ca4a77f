using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>
    /// For every sync method in the graph, the shortest chain of calls that ends in a catalogued blocking call,
    /// found by a search backwards from the methods that block themselves or call into another assembly's
    /// blocking path. Recursion is harmless (each method is settled once) and chains longer than the depth limit
    /// are not followed.
    /// </summary>
    internal sealed class BlockingPaths
    {
        /// <summary>One step: this method calls <see cref="Next"/> at <see cref="At"/>, blocks itself in
        /// <see cref="Direct"/>, or calls into another assembly's path <see cref="External"/>.</summary>
        public sealed class Step
        {
            public Step(MethodDefinition? next, Instruction? at, BlockingCallSite? direct, ExternalWitness? external, int depth)
            {
                Next = next;
                At = at;
                Direct = direct;
                External = external;
                Depth = depth;
            }

            public MethodDefinition? Next { get; }
            public Instruction? At { get; }
            public BlockingCallSite? Direct { get; }
            public ExternalWitness? External { get; }
            public int Depth { get; }
        }

        /// <summary>A whole path: the methods in this graph, then either a blocking call or another assembly's path.</summary>
        public sealed class PathTo
        {
            public PathTo(List<MethodDefinition> chain, BlockingCallSite? direct, ExternalWitness? external)
            {
                Chain = chain;
                Direct = direct;
                External = external;
            }

            public List<MethodDefinition> Chain { get; }
            public BlockingCallSite? Direct { get; }
            public ExternalWitness? External { get; }
        }

        private readonly Dictionary<MethodDefinition, Step> _steps = new Dictionary<MethodDefinition, Step>();

        public BlockingPaths(CallGraph graph, int maxDepth)
        {
            var callers = new Dictionary<MethodDefinition, List<(MethodDefinition Caller, Instruction At)>>();
            // Seeds have different depths (another assembly's path may be long), so settle by depth, shortest first.
            var byDepth = new List<List<MethodDefinition>>();
            foreach (var method in graph.Methods)
            {
                Step? seed = null;
                var direct = graph.DirectBlockingCalls(method);
                if (direct.Count > 0) seed = new Step(null, direct[0].Call, direct[0], null, 1);
                foreach (var ins in method.Body.Instructions)
                {
                    foreach (var callee in graph.Callees(method, ins))
                    {
                        if (!callers.TryGetValue(callee, out var list)) callers[callee] = list = new List<(MethodDefinition, Instruction)>();
                        list.Add((method, ins));
                    }
                    if (seed != null && seed.Depth == 1) continue;
                    var external = graph.External(method, ins);
                    if (external != null && external.Depth + 1 <= maxDepth && (seed == null || external.Depth + 1 < seed.Depth))
                        seed = new Step(null, ins, null, external, external.Depth + 1);
                }
                if (seed != null) Settle(method, seed, byDepth);
            }

            for (int depth = 1; depth < maxDepth && depth < byDepth.Count; depth++)
            {
                foreach (var callee in byDepth[depth])
                {
                    if (_steps[callee].Depth != depth || !callers.TryGetValue(callee, out var list)) continue;
                    foreach (var (caller, at) in list)
                        if (!_steps.TryGetValue(caller, out var known) || known.Depth > depth + 1)
                            Settle(caller, new Step(callee, at, null, null, depth + 1), byDepth);
                }
            }
        }

        private void Settle(MethodDefinition method, Step step, List<List<MethodDefinition>> byDepth)
        {
            _steps[method] = step;
            while (byDepth.Count <= step.Depth) byDepth.Add(new List<MethodDefinition>());
            byDepth[step.Depth].Add(method);
        }

        /// <summary>How <paramref name="method"/> reaches a blocking call, or null if it does not (within the limit).</summary>
        public Step? From(MethodDefinition method) => _steps.TryGetValue(method, out var step) ? step : null;

        /// <summary>The methods from <paramref name="method"/> down to the one that blocks, and how that one blocks.</summary>
        public PathTo Walk(MethodDefinition method)
        {
            var chain = new List<MethodDefinition>();
            var current = method;
            while (true)
            {
                chain.Add(current);
                var step = _steps[current];
                if (step.Next == null) return new PathTo(chain, step.Direct, step.External);
                current = step.Next;
            }
        }

        /// <summary>Every method that reaches a blocking call.</summary>
        public IEnumerable<MethodDefinition> Methods => _steps.Keys;
    }
}

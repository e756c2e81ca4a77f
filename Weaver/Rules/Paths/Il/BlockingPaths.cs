using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Analyse.Flags;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>
    /// For every sync method in the graph, under each set of flag values it is called with, the shortest chain of
    /// calls that ends in a catalogued blocking call, found by a search backwards from the nodes that block themselves
    /// or call into another assembly's blocking path. Only code the flags leave live counts. Recursion is harmless
    /// (each node is settled once) and chains longer than the depth limit are not followed. A call the source puts
    /// under <c>#pragma warning disable NB0002</c> is no step of any path (<see cref="SuppressedCalls"/>).
    /// </summary>
    internal sealed class BlockingPaths
    {
        /// <summary>One step: this node calls <see cref="Next"/> at <see cref="At"/>, blocks itself in
        /// <see cref="Direct"/>, or calls into another assembly's path <see cref="External"/>.</summary>
        public sealed class Step
        {
            public Step(FlagNode? next, Instruction? at, BlockingCallSite? direct, ExternalWitness? external, int depth)
            {
                Next = next;
                At = at;
                Direct = direct;
                External = external;
                Depth = depth;
            }

            public FlagNode? Next { get; }
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

        private readonly Dictionary<FlagNode, Step> _steps = new Dictionary<FlagNode, Step>();

        public BlockingPaths(ContextGraph graph, int maxDepth)
        {
            var suppressed = new SuppressedCalls();
            // Seeds have different depths (another assembly's path may be long), so settle by depth, shortest first.
            var byDepth = new List<List<FlagNode>>();
            foreach (var node in graph.Nodes.ToList())
            {
                Step? seed = null;
                var direct = DirectBlockingCalls(graph, node, suppressed);
                if (direct != null) seed = new Step(null, direct.Call, direct, null, 1);
                else if (graph.Graph.FollowsReferences)
                    foreach (var ins in graph.LiveInstructions(node))
                    {
                        if (ins.OpCode.FlowControl != FlowControl.Call) continue;
                        var external = graph.External(node, ins);
                        if (external != null && external.Depth + 1 <= maxDepth && (seed == null || external.Depth + 1 < seed.Depth) &&
                            !suppressed.Cuts(node.Method, ins))
                            seed = new Step(null, ins, null, external, external.Depth + 1);
                    }
                if (seed != null) Settle(node, seed, byDepth);
            }

            for (int depth = 1; depth < maxDepth && depth < byDepth.Count; depth++)
            {
                foreach (var callee in byDepth[depth])
                {
                    if (_steps[callee].Depth != depth) continue;
                    foreach (var (caller, at) in graph.CallersOf(callee))
                        if ((!_steps.TryGetValue(caller, out var known) || known.Depth > depth + 1) && !suppressed.Cuts(caller.Method, at))
                            Settle(caller, new Step(callee, at, null, null, depth + 1), byDepth);
                }
            }
        }

        /// <summary>The first catalogued blocking call the node makes itself in code its flags leave live.</summary>
        private static BlockingCallSite? DirectBlockingCalls(ContextGraph graph, FlagNode node, SuppressedCalls suppressed)
        {
            foreach (var call in graph.Graph.DirectBlockingCalls(node.Method))
                if (graph.IsLive(node, call.Call) && !graph.InMemoryUnder(node, call.Call) && !suppressed.Cuts(node.Method, call.Call)) return call;
            return null;
        }

        private void Settle(FlagNode node, Step step, List<List<FlagNode>> byDepth)
        {
            _steps[node] = step;
            while (byDepth.Count <= step.Depth) byDepth.Add(new List<FlagNode>());
            byDepth[step.Depth].Add(node);
        }

        /// <summary>How <paramref name="node"/> reaches a blocking call, or null if it does not (within the limit).</summary>
        public Step? From(FlagNode node) => _steps.TryGetValue(node, out var step) ? step : null;

        /// <summary>The methods from <paramref name="node"/> down to the one that blocks, and how that one blocks.</summary>
        public PathTo Walk(FlagNode node)
        {
            var chain = new List<MethodDefinition>();
            var current = node;
            while (true)
            {
                chain.Add(current.Method);
                var step = _steps[current];
                if (step.Next == null) return new PathTo(chain, step.Direct, step.External);
                current = step.Next.Value;
            }
        }

        /// <summary>Every method that reaches a blocking call on its own, whatever flags it is passed.</summary>
        public IEnumerable<MethodDefinition> Methods => _steps.Keys.Where(n => n.Context.IsUnknown).Select(n => n.Method);
    }
}

using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// NB0002 within the compilation: what each sync method, local function or constructor in source does that
    /// blocks, and which source methods it calls; at the end of the compilation, the shortest path from each call an
    /// async function makes into sync code to a blocking call. Calls and blocking sites that only run for one value of a
    /// bool flag are not recorded: which value reaches them is the weave's question (it follows the values along
    /// call paths), and the weave reports any NB0002 this leaves out.
    /// </summary>
    internal sealed class HelperPaths
    {
        /// <summary>A catalogued blocking call in a sync function: the API as messages name it and where it is.</summary>
        public sealed class Site
        {
            public Site(string api, string alternative, Location location) { Api = api; Alternative = alternative; Location = location; }
            public string Api { get; }
            public string Alternative { get; }
            public Location Location { get; }
        }

        /// <summary>A call from one function into source: the method it names and the receiver's static type for dispatch.</summary>
        public sealed class Call
        {
            public Call(IMethodSymbol target, ITypeSymbol? receiver, bool isVirtual, Location location, ISymbol owner)
            {
                Target = target; Receiver = receiver; IsVirtual = isVirtual; Location = location; Owner = owner;
            }
            public IMethodSymbol Target { get; }
            public ITypeSymbol? Receiver { get; }
            public bool IsVirtual { get; }
            public Location Location { get; }
            /// <summary>For calls from async functions: the member the diagnostic names.</summary>
            public ISymbol Owner { get; }
        }

        /// <summary>The first step of a path from a method to a blocking call.</summary>
        private sealed class Step
        {
            public Step(IMethodSymbol? next, Site? site) { Next = next; Site = site; }
            public IMethodSymbol? Next { get; }
            public Site? Site { get; }
        }

        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<Site>> _sites =
            new ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<Site>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<Call>> _calls =
            new ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<Call>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<Call> _fromAsync = new ConcurrentQueue<Call>();

        public void AddSite(IMethodSymbol function, Site site) =>
            _sites.GetOrAdd(function.OriginalDefinition, _ => new ConcurrentQueue<Site>()).Enqueue(site);

        public void AddCall(IMethodSymbol function, Call call)
        {
            if (function.IsAsync) _fromAsync.Enqueue(call);
            else _calls.GetOrAdd(function.OriginalDefinition, _ => new ConcurrentQueue<Call>()).Enqueue(call);
        }

        /// <summary>Each call from an async function that reaches a blocking call, with the callee it enters and the path.</summary>
        public IEnumerable<(Call Call, IMethodSymbol Callee, List<IMethodSymbol> Chain, Site Site)> Reached(Compilation compilation)
        {
            var dispatch = new SourceDispatch(compilation);
            var first = new Dictionary<IMethodSymbol, Step?>(SymbolEqualityComparer.Default);
            foreach (var call in _fromAsync.OrderBy(c => c.Location.SourceSpan.Start))
            {
                List<IMethodSymbol>? best = null;
                Site? end = null;
                foreach (var callee in Followable(dispatch.Targets(call)))
                {
                    var (chain, site) = PathFrom(callee, dispatch, first);
                    if (site != null && (best == null || chain!.Count < best.Count)) { best = chain; end = site; }
                }
                if (best != null) yield return (call, best[0], best, end!);
            }
        }

        private IEnumerable<IMethodSymbol> Followable(IEnumerable<IMethodSymbol> targets) =>
            targets.Where(t => !t.IsAsync && (_sites.ContainsKey(t.OriginalDefinition) || _calls.ContainsKey(t.OriginalDefinition)));

        /// <summary>The shortest chain of methods from <paramref name="start"/> to a blocking site (breadth first), or nothing.</summary>
        private (List<IMethodSymbol>? Chain, Site? Site) PathFrom(IMethodSymbol start, SourceDispatch dispatch, Dictionary<IMethodSymbol, Step?> first)
        {
            if (!first.ContainsKey(start.OriginalDefinition)) Search(start.OriginalDefinition, dispatch, first);
            var chain = new List<IMethodSymbol>();
            var at = start.OriginalDefinition;
            while (first.TryGetValue(at, out var step) && step != null)
            {
                chain.Add(at);
                if (step.Site != null) return (chain, step.Site);
                at = step.Next!;
                if (chain.Count > 10_000) break;
            }
            return (null, null);
        }

        /// <summary>Breadth first from <paramref name="start"/>, recording for it the first step of its shortest path.</summary>
        private void Search(IMethodSymbol start, SourceDispatch dispatch, Dictionary<IMethodSymbol, Step?> first)
        {
            var parent = new Dictionary<IMethodSymbol, IMethodSymbol?>(SymbolEqualityComparer.Default) { [start] = null };
            var queue = new Queue<IMethodSymbol>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var method = queue.Dequeue();
                if (_sites.TryGetValue(method, out var sites) && sites.TryPeek(out _))
                {
                    var site = sites.OrderBy(s => s.Location.SourceSpan.Start).First();
                    // Every method on the way has this path as its shortest from here on: record the first steps.
                    first[method] = new Step(null, site);
                    for (var (child, up) = (method, parent[method]); up != null; (child, up) = (up, parent[up]))
                        first[up] = new Step(child, null);
                    return;
                }
                if (!_calls.TryGetValue(method, out var calls)) continue;
                foreach (var call in calls.OrderBy(c => c.Location.SourceSpan.Start))
                foreach (var callee in Followable(dispatch.Targets(call)))
                {
                    var next = callee.OriginalDefinition;
                    if (parent.ContainsKey(next)) continue;
                    parent[next] = method;
                    queue.Enqueue(next);
                }
            }
            // Nothing reachable from here blocks, so nothing reachable from any method seen does either.
            foreach (var seen in parent.Keys) first[seen] = null;
        }
    }
}

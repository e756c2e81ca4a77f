using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Analyse.Flags;
using NonBlocking.Weaver.Catalog;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>
    /// The build-time warnings: in each async method's body, a catalogued blocking call (NB0001), a wait on a task
    /// (NB0003), or a call into sync code that reaches a blocking call (NB0002, with the path). An async method that
    /// takes a bool flag is read under the values its callers pass (see <see cref="ContextGraph"/>); each call site is
    /// reported once.
    /// </summary>
    internal static class AsyncBlockingAnalyzer
    {
        /// <param name="directCallsInSource">
        /// The source analyzer reports direct calls and the paths that stay in this assembly: keep only the direct calls
        /// a flag decides (see <see cref="ContextGraph.FlagDecided"/>) and the paths that leave it.
        /// </param>
        public static List<Diagnostic> Analyze(IEnumerable<AsyncMachine> roots, ContextGraph graph, BlockingPaths paths,
            DiagnosticSeverity severity, string assemblyPath, bool directCallsInSource = false)
        {
            var diagnostics = new List<Diagnostic>();
            foreach (var root in roots)
            {
                var body = root.MoveNext;
                var direct = graph.Graph.DirectBlockingCalls(body).ToDictionary(c => c.Call);
                // Names and lines are worked out only for methods that get a diagnostic: most get none.
                Dictionary<Instruction, SequencePoint?>? statements = null;
                var contexts = graph.RootContexts(root.Kickoff);
                // Under several contexts the same call may be reached more than once: report it once.
                var warned = contexts.Count > 1 ? new HashSet<Instruction>() : null;
                foreach (var context in contexts)
                {
                    // In sync mode because a caller passed the sync value: say which, since this body's own code is right.
                    var origin = graph.SyncModeOrigin(root.Kickoff, context);
                    string runsAs = origin == null ? "" : $" (it runs with {ContextGraph.SyncModeFlags(root.Kickoff!, context)} here, as {DisplayName.Of(origin, origin.DeclaringType)} passes it)";
                    foreach (var ins in graph.LiveInstructions(new FlagNode(body, context)))
                    {
                        // Every warning is at a call (newobj included): the rest of the body has nothing to say.
                        if (ins.OpCode.FlowControl != FlowControl.Call || warned != null && warned.Contains(ins)) continue;
                        direct.TryGetValue(ins, out var call);
                        FlagNode? callee = null;
                        ExternalWitness? external = null;
                        if (call == null)
                        {
                            foreach (var candidate in graph.Callees(new FlagNode(body, context), ins))
                                if (paths.From(candidate) != null) { callee = candidate; break; }
                            if (callee == null && graph.Graph.FollowsReferences) external = graph.External(new FlagNode(body, context), ins);
                            if (callee == null && external == null) continue;
                        }
                        warned?.Add(ins);

                        statements ??= Il.Statements(body);
                        var statement = statements[ins];
                        string file = statement?.Document?.Url ?? assemblyPath;
                        int line = statement?.StartLine ?? 0, column = statement?.StartColumn ?? 0;
                        string ownerName = DisplayName.Of(root.Kickoff, root.Type);
                        if (call != null)
                        {
                            if (directCallsInSource && !graph.FlagDecided(root, ins)) continue;
                            string called = DisplayName.OfCall(call.Target);
                            var made = call.Api.SyncOverAsync
                                ? new Diagnostic(DiagnosticCodes.SyncOverAsync, severity,
                                    $"{ownerName} waits synchronously on a task ({called}) in an async method{runsAs}; this blocks the thread and can deadlock. Use {call.Api.Alternative}.",
                                    file, line, column)
                                : new Diagnostic(DiagnosticCodes.BlockingCallInAsync, severity,
                                    $"{ownerName} calls {called}, which blocks the thread, in an async method{runsAs}. Use {call.Api.Alternative}.",
                                    file, line, column);
                            made.Key = BaselineKeys.Of(made.Code, ownerName, called);
                            diagnostics.Add(made);
                            continue;
                        }

                        string calleeName, endsIn;
                        List<string> hops;
                        string api, alternative, where;
                        if (callee != null)
                        {
                            var walk = paths.Walk(callee.Value);
                            if (directCallsInSource && walk.External == null) continue;
                            calleeName = DisplayName.Of(callee.Value.Method, callee.Value.Method.DeclaringType);
                            (hops, api, alternative, where) = BlockingPathText.Of(walk, root.Kickoff?.DeclaringType ?? root.Type.DeclaringType);
                            var last = walk.Chain[walk.Chain.Count - 1];
                            endsIn = walk.External == null ? DisplayName.Of(last, last.DeclaringType) : hops[hops.Count - 1];
                        }
                        else
                        {
                            calleeName = external!.Callee;
                            (hops, api, alternative, where) = (external.Hops.ToList(), external.Api, external.Alternative, external.Where);
                            endsIn = hops.Count > 0 ? hops[hops.Count - 1] : calleeName;
                        }
                        string ownerShort = DisplayName.UserMethodName(root.Kickoff?.Name ?? root.Type.Name);
                        string path = string.Join(" → ", new[] { ownerShort }.Concat(hops).Concat(new[] { api })) + where;
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.BlockingCallReachable, severity,
                            $"{ownerName} calls {calleeName}, which blocks the thread{runsAs}: {path}. " + Remedies.ForPath(alternative) + ".",
                            file, line, column) { PathEnd = endsIn + " → " + api + where, Key = BaselineKeys.Of(DiagnosticCodes.BlockingCallReachable, ownerName, calleeName) });
                    }
                }
            }
            return diagnostics;
        }
    }
}

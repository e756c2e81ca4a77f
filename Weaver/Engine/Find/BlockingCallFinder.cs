using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Weaver.Find
{
    /// <summary>
    /// Finds the call sites of blocking APIs (the catalog and the async-counterpart rule) in every method body of the
    /// module, less calls the IL shows never block: on an in-memory receiver, a static API handed only in-memory streams,
    /// LINQ over something not a query, and (for
    /// the build warnings) waits on tasks known complete or with a zero timeout, and on semaphores used as locks.
    /// </summary>
    internal static class BlockingCallFinder
    {
        /// <param name="forBuildWarnings">Leave out runtime-only APIs (locks), which the build analysis does not warn about.</param>
        public static List<BlockingCallSite> Find(IEnumerable<MethodDefinition> methods, BlockingCatalog catalog, bool forBuildWarnings = false)
        {
            var sites = new List<BlockingCallSite>();
            foreach (var method in methods)
            {
                if (!method.HasBody) continue;
                Analyse.StreamTypes? streams = null; // looked up at the first blocking call, once per method
                foreach (var ins in method.Body.Instructions)
                {
                    if (ins.OpCode.Code != Code.Call && ins.OpCode.Code != Code.Callvirt) continue;
                    if (!(ins.Operand is MethodReference target)) continue;
                    var api = catalog.Match(target);
                    if (api == null || (forBuildWarnings && api.RuntimeOnly)) continue;
                    if (api.UserCallsOnly && !IsUserAwaiterCall(ins)) continue;
                    // A catalogued disposal of the module's own reader runs the module's code: the call graph follows it.
                    if (forBuildWarnings && Analyse.OwnDisposals.Replaced(method, ins, target, api, out _)) continue;
                    streams ??= Analyse.StreamTypes.For(method.Module, catalog);
                    if (target.HasThis && Analyse.Receivers.StaysInMemory(method, ins, streams)) continue;
                    if (!api.SyncOverAsync && Analyse.StreamArguments.AllInMemory(method, ins, target, streams)) continue;
                    if (api.Queryable && !QueryableSources.IsQuery(method, ins)) continue;
                    // A wait on a task already complete returns at once; at run time its probe costs nothing worth skipping.
                    if (forBuildWarnings && api.SyncOverAsync && Analyse.CompletedTasks.IsKnownComplete(method, ins, streams)) continue;
                    // Nor does a wait with a zero timeout: it polls.
                    if (forBuildWarnings && (Analyse.ZeroTimeouts.Polls(method, ins, target) || Analyse.NonBlockingSockets.Polls(method, ins, target))) continue;
                    // Nor a read a readiness check just said will find its input (Console.KeyAvailable, then ReadKey).
                    if (forBuildWarnings && Analyse.ReadinessChecks.Guarded(method, ins, target)) continue;
                    // Nor a whole-file read of a kernel pseudo-file (/proc, /sys): answered from memory.
                    if (forBuildWarnings && Analyse.KernelFiles.Reads(method, ins, target)) continue;
                    // Nor one after which the process ends (Environment.FailFast on every path on).
                    if (forBuildWarnings && Analyse.ProcessEnds.Follows(method, ins)) continue;
                    // Nor the Wait of a SemaphoreSlim its class uses as a lock: runtime-only, as Monitor.Enter.
                    if (forBuildWarnings && Analyse.LockSemaphores.IsLock(method, ins, target)) continue;
                    // Nor an Add to a BlockingCollection made without a capacity: there is always room.
                    if (forBuildWarnings && Analyse.UnboundedCollections.Adds(method, ins, target)) continue;
                    sites.Add(new BlockingCallSite(method, ins, api));
                }
            }
            return sites;
        }

        /// <summary>
        /// <c>x.GetAwaiter().GetResult()</c> written by the user takes its awaiter straight from GetAwaiter
        /// (<c>call GetAwaiter; stloc v; ldloca v; call GetResult</c>). The compiler's await pattern reaches GetResult
        /// from an IsCompleted check or a resumption instead, and must not be counted as blocking.
        /// </summary>
        private static bool IsUserAwaiterCall(Instruction getResult)
        {
            var load = getResult.Previous;
            var store = load?.Previous;
            var source = store?.Previous;
            return load != null && store != null && source != null &&
                   (load.OpCode.Code == Code.Ldloca || load.OpCode.Code == Code.Ldloca_S) &&
                   Analyse.Il.IsStloc(store.OpCode.Code) &&
                   (source.OpCode.Code == Code.Call || source.OpCode.Code == Code.Callvirt) &&
                   source.Operand is MethodReference m && m.Name == "GetAwaiter";
        }
    }
}

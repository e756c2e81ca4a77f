using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Weaver.Find
{
    /// <summary>
    /// Finds the calls an async method makes into another assembly's async API — a call that returns a <c>Task</c>,
    /// <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c> — so that one whose work ran synchronously
    /// (it held the thread and handed back a completed task: Microsoft.Data.Sqlite's async API, EF Core and Dapper over it)
    /// can be named at run time. Left out: calls into this module (their own segments are timed), delegates (whatever
    /// they run is not the API's), and the task machinery of <c>System.Threading.Tasks</c> (<c>Task.Run</c>,
    /// <c>WhenAll</c>, <c>Delay</c>, a <c>TaskCompletionSource</c>'s task), which never does the awaited work itself.
    /// </summary>
    internal static class AsyncCallFinder
    {
        /// <summary>What every such site says to do instead.</summary>
        public const string Alternative =
            "a provider or API whose async methods do asynchronous I/O, or offload the call with Task.Run";

        /// <summary>The synthetic catalog entry that marks a site as an async call.</summary>
        public static readonly BlockingApi Api = new BlockingApi("", "", userCallsOnly: false, Alternative, asyncCall: true);

        /// <param name="moveNexts">The state machines' <c>MoveNext</c> methods that will be woven.</param>
        /// <param name="taken">Call instructions already timed as blocking calls.</param>
        public static List<BlockingCallSite> Find(IEnumerable<MethodDefinition> moveNexts, ISet<Instruction> taken)
        {
            var sites = new List<BlockingCallSite>();
            foreach (var method in moveNexts)
            {
                if (!method.HasBody) continue;
                foreach (var ins in method.Body.Instructions)
                {
                    if (ins.OpCode.Code != Code.Call && ins.OpCode.Code != Code.Callvirt) continue;
                    if (!(ins.Operand is MethodReference target) || taken.Contains(ins)) continue;
                    if (!IsAwaitable(target) || !IsForeign(target, method.Module)) continue;
                    sites.Add(new BlockingCallSite(method, ins, Api));
                }
            }
            return sites;
        }

        /// <summary>Whether the call returns one of the four task types (the end probe passes it through unchanged).</summary>
        public static bool IsAwaitable(MethodReference target)
        {
            var returned = target.ReturnType;
            if (returned is GenericParameter) return false; // a generic TResult: some Func<Task>.Invoke; see the delegate rule
            string name = returned.GetElementType().FullName;
            return name == "System.Threading.Tasks.Task" || name == "System.Threading.Tasks.Task`1" ||
                   name == "System.Threading.Tasks.ValueTask" || name == "System.Threading.Tasks.ValueTask`1";
        }

        private static bool IsForeign(MethodReference target, ModuleDefinition module)
        {
            var type = target.DeclaringType.GetElementType();
            if (type.Scope is ModuleDefinition own && own == module) return false;
            if (type.Namespace == "System.Threading.Tasks" || DeclaringNamespace(type) == "System.Threading.Tasks") return false;
            if (target.Name == "Invoke" && IsDelegate(type)) return false;
            return true;
        }

        private static string DeclaringNamespace(TypeReference type)
        {
            while (type.DeclaringType != null) type = type.DeclaringType;
            return type.Namespace;
        }

        private static bool IsDelegate(TypeReference type)
        {
            TypeDefinition? definition;
            try { definition = type.Resolve(); }
            catch (AssemblyResolutionException) { return true; } // cannot tell: leave it untimed
            var baseType = definition?.BaseType;
            return definition == null || baseType != null && (baseType.FullName == "System.MulticastDelegate" || baseType.FullName == "System.Delegate");
        }
    }
}

using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// Which synchronous waits on a task go through the runtime's <c>CompletedWaits</c> instead of the probe pair:
    /// a completed task cannot block, and the wait already tests for completion, so timing it is the only cost the
    /// probe would add (bench case (d): <c>Task.Result</c> on a completed task). The helper takes what the call took —
    /// the task, or the awaiter's address — and the site; a wait on a pending task is timed inside it as before.
    /// Tasks only: <c>ValueTask</c> is not in every framework the runtime targets, so its waits keep the pair.
    /// </summary>
    internal static class CompletedWaitCall
    {
        private static readonly Dictionary<(string Type, string Method), string> Helpers = new Dictionary<(string, string), string>
        {
            [("System.Threading.Tasks.Task`1", "get_Result")] = "TaskResult",
            [("System.Threading.Tasks.Task", "Wait")] = "TaskWait",
            [("System.Runtime.CompilerServices.TaskAwaiter`1", "GetResult")] = "AwaiterResult",
            [("System.Runtime.CompilerServices.TaskAwaiter", "GetResult")] = "AwaiterWait",
            [("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter", "GetResult")] = "ConfiguredAwaiterResult",
            [("System.Runtime.CompilerServices.ConfiguredTaskAwaitable/ConfiguredTaskAwaiter", "GetResult")] = "ConfiguredAwaiterWait",
        };

        public static IEnumerable<string> HelperNames => Helpers.Values;

        /// <summary>The helper that replaces <paramref name="call"/>, made for its task's result type; null to keep the probe pair.</summary>
        public static MethodReference? For(Instruction call, RuntimeImports runtime)
        {
            var target = (MethodReference)call.Operand;
            if (target.Parameters.Count != 0 || !target.HasThis || target is GenericInstanceMethod) return null;
            var prefix = call.Previous;
            if (prefix != null && prefix.OpCode.OpCodeType == OpCodeType.Prefix && prefix.OpCode.Code != Code.Tail) return null;
            var type = target.DeclaringType;
            if (!Helpers.TryGetValue((type.GetElementType().FullName, target.Name), out var name)) return null;
            // The helper takes what the call took: a task as it is, an awaiter (a struct) by the address the call was made on.
            if (call.OpCode.Code != Code.Call && call.OpCode.Code != Code.Callvirt) return null;
            return ForTypeArgument(runtime.CompletedWaits[name], type);
        }

        /// <summary>
        /// A runtime helper made for the one type argument of <paramref name="type"/> (<c>Task&lt;int&gt;</c> →
        /// <c>Helper&lt;int&gt;</c>), or as it is for a non-generic type; null when the two do not fit.
        /// </summary>
        public static MethodReference? ForTypeArgument(MethodReference helper, TypeReference type)
        {
            if (!(type is GenericInstanceType generic)) return helper.HasGenericParameters ? null : helper;
            if (generic.GenericArguments.Count != 1 || !helper.HasGenericParameters) return null;
            var instance = new GenericInstanceMethod(helper);
            instance.GenericArguments.Add(generic.GenericArguments[0]);
            return instance;
        }
    }
}

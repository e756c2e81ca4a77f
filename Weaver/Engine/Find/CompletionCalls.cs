using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Find
{
    /// <summary>
    /// The calls in a MoveNext that complete what its caller awaits: the method builder's <c>SetResult</c> and
    /// <c>SetException</c>, and in an async iterator the promise's (<c>&lt;&gt;v__promiseOfValueOrEnd</c>) — each can run
    /// the awaiting code's continuation inline, on this thread, before it returns.
    /// Only the compiler's own shape counts: <c>ldarg.0; ldflda (ldfld for a class builder) &lt;builder field of this machine&gt;; [one simple
    /// load]; call SetResult|SetException</c>. A user's call of a look-alike (a ManualResetValueTaskSourceCore field of
    /// their own, say) is not a completion, and must not end the segment.
    /// </summary>
    internal static class CompletionCalls
    {
        private static readonly HashSet<string> CompletionFields = new HashSet<string>
        {
            "<>t__builder",
            "<>v__promiseOfValueOrEnd",
        };

        public static List<Instruction> In(AsyncMachine machine)
        {
            var found = new List<Instruction>();
            foreach (var ins in machine.MoveNext.Body.Instructions)
                if (IsCompletion(ins, machine.Type)) found.Add(ins);
            return found;
        }

        private static bool IsCompletion(Instruction call, TypeDefinition machineType)
        {
            if (call.OpCode.Code != Code.Call && call.OpCode.Code != Code.Callvirt) return false;
            if (!(call.Operand is MethodReference target) || !target.HasThis) return false;
            if (target.Name != "SetResult" && target.Name != "SetException") return false;
            if (target.Parameters.Count > 1) return false;

            var receiver = call.Previous;
            if (target.Parameters.Count == 1)
            {
                if (receiver == null || !Analyse.Il.IsPlainLoad(receiver.OpCode.Code)) return false;
                receiver = receiver.Previous;
            }
            if (receiver == null || (receiver.OpCode.Code != Code.Ldflda && receiver.OpCode.Code != Code.Ldfld) || !(receiver.Operand is FieldReference field)) return false;
            if (!CompletionFields.Contains(field.Name) || field.DeclaringType.GetElementType().FullName != machineType.FullName) return false;
            if (receiver.Previous == null || receiver.Previous.OpCode.Code != Code.Ldarg_0) return false; // (before SimplifyMacros)
            // The call is on that field's own type (AsyncTaskMethodBuilder`1, ManualResetValueTaskSourceCore`1, a custom builder).
            return target.DeclaringType.GetElementType().FullName == field.FieldType.GetElementType().FullName;
        }
    }
}

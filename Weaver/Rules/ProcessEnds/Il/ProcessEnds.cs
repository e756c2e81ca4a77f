using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A blocking call after which the process ends: every path on from it reaches <c>Environment.FailFast</c> or
    /// <c>Environment.Exit</c> before the method returns or throws, and none comes back to the call. Orleans'
    /// <c>FatalErrorHandler.OnFatalException</c> sleeps two seconds to let its logs flush, then fails fast; the silo's
    /// membership loops reach it on every path that finds the silo declared dead. Nothing waits on that thread any more,
    /// so the call is left out of the build warnings; its run-time probe stays.
    /// </summary>
    internal static class ProcessEnds
    {
        public static bool Follows(MethodDefinition method, Instruction call)
        {
            // Asked at every blocking call, and the walk reads the rest of the method: only where the method can end the
            // process at all (4,000 blocking calls in one method took 19 s, walking on from each).
            if (!EndsProcessAnywhere(method.Body)) return false;
            var seen = new HashSet<Instruction>();
            var pending = new Stack<Instruction>();
            bool ends = false;
            foreach (var next in Il.Successors(call))
                if (seen.Add(next)) pending.Push(next);
            while (pending.Count > 0)
            {
                var ins = pending.Pop();
                // Back at the call: it runs again (a loop), and the process may be far from ending.
                if (ins == call) return false;
                if (ins.OpCode.FlowControl == FlowControl.Call && ins.Operand is MethodReference callee && EndsProcess(callee))
                {
                    ends = true;
                    continue;
                }
                if (ins.OpCode.FlowControl == FlowControl.Return || ins.OpCode.FlowControl == FlowControl.Throw) return false;
                foreach (var next in Il.Successors(ins))
                    if (seen.Add(next)) pending.Push(next);
            }
            return ends;
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MethodBody, object> Ending =
            new System.Runtime.CompilerServices.ConditionalWeakTable<MethodBody, object>();

        private static bool EndsProcessAnywhere(MethodBody body) =>
            (bool)Ending.GetValue(body, b =>
            {
                foreach (var ins in b.Instructions)
                    if (ins.OpCode.FlowControl == FlowControl.Call && ins.Operand is MethodReference callee && EndsProcess(callee)) return true;
                return false;
            });

        private static bool EndsProcess(MethodReference callee) =>
            (callee.Name == "FailFast" || callee.Name == "Exit") && callee.DeclaringType.FullName == "System.Environment";
    }
}

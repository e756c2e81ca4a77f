using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A read that runs only after a check said its input is there returns at once:
    /// <c>if (Console.KeyAvailable) Console.ReadKey(true)</c> (dotnet-counters' monitor loop polls the keyboard this way
    /// between 250 ms waits). The call is left out of the build warnings when no path reaches it without passing the
    /// check's true side since the last such read: a second read after one check can wait, and still warns. Its
    /// run-time probe stays.
    /// </summary>
    internal static class ReadinessChecks
    {
        public static bool Guarded(MethodDefinition method, Instruction call, MethodReference target)
        {
            if (!IsGuardedRead(target)) return false;
            var body = method.Body;
            // States: (instruction, whether a check has passed since the last read). The call is guarded when it is
            // never reached in the unready state.
            var seen = new HashSet<(Instruction, bool)>();
            var pending = new Stack<(Instruction, bool)>();
            void Reach(Instruction? ins, bool ready)
            {
                if (ins != null && seen.Add((ins, ready))) pending.Push((ins, ready));
            }
            Reach(body.Instructions[0], false);
            bool more = true;
            while (more)
            {
                while (pending.Count > 0)
                {
                    var (ins, ready) = pending.Pop();
                    if (ins == call && !ready) return false;
                    if (ins.OpCode.FlowControl == FlowControl.Call && ins.Operand is MethodReference callee && IsGuardedRead(callee)) ready = false;
                    if (ins.OpCode.FlowControl == FlowControl.Cond_Branch && ins.Operand is Instruction taken && ReadySide(method, ins) is bool onJump)
                    {
                        Reach(taken, onJump || ready);
                        Reach(ins.Next, !onJump || ready);
                        continue;
                    }
                    foreach (var next in Il.Successors(ins)) Reach(next, ready);
                }
                // A handler can start wherever its block runs: reach it unready once the block is reached at all.
                more = false;
                foreach (var handler in body.ExceptionHandlers)
                {
                    if (!seen.Contains((handler.TryStart, false)) && !seen.Contains((handler.TryStart, true))) continue;
                    foreach (var start in new[] { handler.HandlerStart, handler.FilterStart })
                        if (start != null && !seen.Contains((start, false)))
                        {
                            Reach(start, false);
                            more = true;
                        }
                }
            }
            return true;
        }

        /// <summary>For a brtrue/brfalse on a readiness check, whether its ready side is the jump (true) or the fall-through (false).</summary>
        private static bool? ReadySide(MethodDefinition method, Instruction branch)
        {
            if (!(BranchConditions.JumpsWhen(branch) is bool onTrue)) return null;
            var tested = BranchConditions.Tested(method, branch, out bool negated);
            if (tested != null && IsCheck(tested)) return onTrue ^ negated;
            // A Debug build stores `a && check` into a temporary from two places: the check, or false where `a` failed.
            var load = Receivers.Producer(method.Body, branch, 0);
            if (load == null || !Il.IsLdloc(load.OpCode.Code) || !(Receivers.Local(method, load) is VariableDefinition local)) return null;
            var store = Receivers.SingleStore(method, local);
            var values = store == null ? null : Receivers.Operands(method.Body, store, 0);
            if (values == null || !values.Any(IsCheck) || !values.All(v => IsCheck(v) || Il.Int32Constant(v) == 0)) return null;
            return onTrue;
        }

        private static bool IsCheck(Instruction value) =>
            value.OpCode.FlowControl == FlowControl.Call && value.Operand is MethodReference check && IsCheck(check);

        private static bool IsGuardedRead(MethodReference target) => target.Name == "ReadKey" && IsConsole(target.DeclaringType);

        private static bool IsCheck(MethodReference check) => check.Name == "get_KeyAvailable" && IsConsole(check.DeclaringType);

        private static bool IsConsole(TypeReference type) => type.Name == "Console" && type.Namespace == "System";
    }
}

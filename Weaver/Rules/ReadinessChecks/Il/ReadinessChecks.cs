using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A read that runs only after a check said its input is there returns at once:
    /// <c>if (Console.KeyAvailable) Console.ReadKey(true)</c> (dotnet-counters' monitor loop polls the keyboard this way
    /// between 250 ms waits), and <c>if (socket.Poll(0, SelectMode.SelectRead)) socket.Receive(…)</c> on the same socket
    /// (ARSoft.Tools.Net's liveness test peeks so: readable means data or the peer's close is there). The call is left out
    /// of the build warnings when no path reaches it without passing the check's true side since the last such read: a
    /// second read after one check can wait, and still warns; so does a read of another socket than the one polled. Its
    /// run-time probe stays.
    /// </summary>
    internal static class ReadinessChecks
    {
        public static bool Guarded(MethodDefinition method, Instruction call, MethodReference target)
        {
            if (!IsGuardedRead(target)) return false;
            // The object read and checked: none for the console; the socket, as a variable, for a socket (unknown: no guard).
            string? reading = ReceiverOf(method, call, target);
            if (target.HasThis && reading == null) return false;
            bool Same(Instruction ins, MethodReference other) => !other.HasThis || ReceiverOf(method, ins, other) == reading;
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
                    if (ins.OpCode.FlowControl == FlowControl.Call && ins.Operand is MethodReference callee && IsGuardedRead(callee) && callee.HasThis == target.HasThis && Same(ins, callee)) ready = false;
                    if (ins.OpCode.FlowControl == FlowControl.Cond_Branch && ins.Operand is Instruction taken && ReadySide(method, ins, reading) is bool onJump)
                    {
                        Reach(taken, onJump || ready);
                        Reach(ins.Next, !onJump || ready);
                        continue;
                    }
                    // A Debug build's `check && other` stores false into a temporary where the check failed, then branches on
                    // it: that path goes where the constant sends it, not past the read.
                    if (Flags.LiveCode.ConstantBranchTarget(method, ins) is Instruction decided) Reach(decided, ready);
                    else foreach (var next in Il.Successors(ins)) Reach(next, ready);
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

        /// <summary>For a brtrue/brfalse on a readiness check of <paramref name="reading"/>, whether its ready side is the jump (true) or the fall-through (false).</summary>
        private static bool? ReadySide(MethodDefinition method, Instruction branch, string? reading)
        {
            bool IsCheck(Instruction value) =>
                value.OpCode.FlowControl == FlowControl.Call && value.Operand is MethodReference check && IsCheckOf(method, value, check, reading);
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

        private static bool IsGuardedRead(MethodReference target) =>
            target.Name == "ReadKey" && IsConsole(target.DeclaringType) || target.Name == "Receive" && target.HasThis && IsSocket(target.DeclaringType);

        /// <summary>
        /// <c>Console.KeyAvailable</c> for the console; for the socket <paramref name="reading"/> names,
        /// <c>Poll(timeout, SelectMode.SelectRead)</c> on that socket.
        /// </summary>
        private static bool IsCheckOf(MethodDefinition method, Instruction call, MethodReference check, string? reading)
        {
            if (reading == null) return check.Name == "get_KeyAvailable" && IsConsole(check.DeclaringType);
            return check.Name == "Poll" && check.HasThis && IsSocket(check.DeclaringType) && check.Parameters.Count == 2 &&
                   Receivers.Operand(method.Body, call, 0) is Instruction mode && Il.Int32Constant(mode) == 0 && ReceiverOf(method, call, check) == reading;
        }

        /// <summary>The variable a call's receiver is (CompletedTasks' keys: a local, an argument, a field, a property of one); null where unknown.</summary>
        private static string? ReceiverOf(MethodDefinition method, Instruction call, MethodReference target) =>
            target.HasThis && Receivers.Operand(method.Body, call, target.Parameters.Count) is Instruction receiver
                ? CompletedTasks.VariableKey(method, receiver) : null;

        private static bool IsConsole(TypeReference type) => type.Name == "Console" && type.Namespace == "System";

        private static bool IsSocket(TypeReference type) => type.Name == "Socket" && type.Namespace == "System.Net.Sockets";
    }
}

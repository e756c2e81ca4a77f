using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A socket switched to non-blocking mode (<c>socket.Blocking = false</c>) returns from Receive, Send, Accept or Connect
    /// at once: it only polls (Microsoft.Diagnostics.NETCore.Client peeks one byte that way to see whether a connection is
    /// alive). The switch must dominate the call — every path from the method's start to it runs it — on the same socket:
    /// the same local, parameter or field of <c>this</c>, read through the same property getters
    /// (<c>stream.Socket</c>); no other write of <c>Blocking</c> on it, nor of that local, comes in between.
    /// </summary>
    internal static class NonBlockingSockets
    {
        private const string Socket = "System.Net.Sockets.Socket";

        public static bool Polls(MethodDefinition method, Instruction call, MethodReference target)
        {
            if (!target.HasThis || target.DeclaringType.FullName != Socket || !IsIo(target.Name)) return false;
            var receiver = Receivers.Producer(method.Body, call, target.Parameters.Count);
            var key = receiver == null ? null : PathOf(method, receiver);
            if (key == null) return false;
            Instruction? switched = null;
            foreach (var ins in method.Body.Instructions)
            {
                if (ins == call) break;
                if (Il.IsStloc(ins.OpCode.Code) && key.StartsWith("l" + Receivers.Local(method, ins)?.Index + ":", System.StringComparison.Ordinal))
                    switched = null;
                if (!(ins.Operand is MethodReference m) || m.Name != "set_Blocking" || m.DeclaringType.FullName != Socket) continue;
                if (!(Receivers.Producer(method.Body, ins, 1) is Instruction on) || PathOf(method, on) != key) { switched = null; continue; }
                switched = Receivers.Producer(method.Body, ins, 0) is Instruction value && Il.Int32Constant(value) == 0 ? ins : null;
            }
            return switched != null && Dominates(method.Body, switched, call);
        }

        private static bool IsIo(string name) =>
            name == "Receive" || name == "Send" || name == "ReceiveFrom" || name == "SendTo" || name == "Accept" || name == "Connect";

        /// <summary>A key for where a receiver is read from — a local, a parameter, a field of <c>this</c>, then getters — or null.</summary>
        private static string? PathOf(MethodDefinition method, Instruction producer)
        {
            var code = producer.OpCode.Code;
            if (Il.IsLdloc(code)) return Receivers.Local(method, producer) is VariableDefinition local ? "l" + local.Index + ":" : null;
            if (Il.IsLdarg(code)) return Il.ParameterOf(method, producer) is ParameterDefinition parameter ? "a" + parameter.Index + ":" : null;
            if (code == Code.Ldfld && producer.Operand is FieldReference field && Receivers.Producer(method.Body, producer, 0)?.OpCode.Code == Code.Ldarg_0)
                return "f" + field.FullName + ":";
            if ((code == Code.Call || code == Code.Callvirt) && producer.Operand is MethodReference getter && getter.HasThis &&
                getter.Name.StartsWith("get_", System.StringComparison.Ordinal) && getter.Parameters.Count == 0 &&
                Receivers.Producer(method.Body, producer, 0) is Instruction inner && PathOf(method, inner) is string outer)
                return outer + "." + getter.Name;
            return null;
        }

        /// <summary>Whether every path from the method's start (or a handler's) to <paramref name="target"/> runs <paramref name="through"/>.</summary>
        private static bool Dominates(MethodBody body, Instruction through, Instruction target)
        {
            var seen = new HashSet<Instruction> { through };
            var pending = new Stack<Instruction>();
            pending.Push(body.Instructions[0]);
            foreach (var handler in body.ExceptionHandlers)
            {
                pending.Push(handler.HandlerStart);
                if (handler.FilterStart != null) pending.Push(handler.FilterStart);
            }
            while (pending.Count > 0)
            {
                var ins = pending.Pop();
                if (ins == target) return false;
                if (!seen.Add(ins)) continue;
                foreach (var next in Il.Successors(ins)) pending.Push(next);
            }
            return true;
        }
    }
}

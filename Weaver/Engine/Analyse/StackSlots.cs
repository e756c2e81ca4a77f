using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Which instruction pushed each value on the stack as an instruction runs, found by running the method forward
    /// over every path: where paths meet, a slot keeps its producer when every path pushed it with the same instruction.
    /// <see cref="Receivers.Producer"/> walks back over straight-line code only, so an argument pushed before a
    /// conditional expression (<c>WriteBytes(options, stream, bytes, a || b)</c>) has no producer there; here it has.
    /// </summary>
    internal static class StackSlots
    {
        private const int MaxInstructions = 20_000;

        /// <summary>
        /// The instruction that pushed the value <paramref name="above"/> slots below the top of the stack as
        /// <paramref name="consumer"/> runs; null where paths disagree or the method could not be read.
        /// </summary>
        public static Instruction? Producer(MethodBody body, Instruction consumer, int above)
        {
            var states = States.GetValue(body, Run);
            if (states == null || !states.TryGetValue(consumer, out var stack)) return null;
            int index = stack.Length - 1 - above;
            return index >= 0 ? stack[index] : null;
        }

        private static readonly ConditionalWeakTable<MethodBody, Dictionary<Instruction, Instruction?[]>?> States =
            new ConditionalWeakTable<MethodBody, Dictionary<Instruction, Instruction?[]>?>();

        private static Dictionary<Instruction, Instruction?[]>? Run(MethodBody body)
        {
            if (body.Instructions.Count == 0 || body.Instructions.Count > MaxInstructions) return null;
            var states = new Dictionary<Instruction, Instruction?[]>();
            var pending = new Stack<Instruction>();
            bool consistent = true;

            void Flow(Instruction? to, Instruction?[] stack)
            {
                if (to == null) return;
                if (!states.TryGetValue(to, out var known))
                {
                    states[to] = stack;
                    pending.Push(to);
                    return;
                }
                if (known.Length != stack.Length) { consistent = false; return; }
                bool changed = false;
                for (int i = 0; i < known.Length; i++)
                    if (known[i] != null && known[i] != stack[i]) { known[i] = null; changed = true; }
                if (changed) pending.Push(to);
            }

            Flow(body.Instructions[0], new Instruction?[0]);
            foreach (var handler in body.ExceptionHandlers)
            {
                // A catch or filter starts with the exception on the stack; finally and fault with nothing.
                bool exception = handler.HandlerType == ExceptionHandlerType.Catch || handler.HandlerType == ExceptionHandlerType.Filter;
                Flow(handler.HandlerStart, exception ? new Instruction?[] { null } : new Instruction?[0]);
                Flow(handler.FilterStart, new Instruction?[] { null });
            }
            while (pending.Count > 0 && consistent)
            {
                var ins = pending.Pop();
                var stack = states[ins];
                var flow = ins.OpCode.FlowControl;
                if (flow == FlowControl.Return || flow == FlowControl.Throw || ins.OpCode.Code == Code.Endfinally) continue;
                if (ins.OpCode.Code == Code.Leave || ins.OpCode.Code == Code.Leave_S)
                {
                    Flow(ins.Operand as Instruction, new Instruction?[0]);
                    continue;
                }
                int pop = Receivers.Pops(ins), push = Receivers.Pushes(ins);
                if (pop < 0 || push < 0 || pop > stack.Length) return null;
                var next = new Instruction?[stack.Length - pop + push];
                System.Array.Copy(stack, next, stack.Length - pop);
                if (ins.OpCode.Code == Code.Dup) next[next.Length - 1] = next[next.Length - 2] = stack[stack.Length - 1];
                else if (push == 1) next[next.Length - 1] = ins;
                else if (push > 1) return null;
                switch (flow)
                {
                    case FlowControl.Branch:
                        Flow(ins.Operand as Instruction, next);
                        break;
                    case FlowControl.Cond_Branch:
                        if (ins.Operand is Instruction[] cases)
                            foreach (var target in cases) Flow(target, (Instruction?[])next.Clone());
                        else Flow(ins.Operand as Instruction, (Instruction?[])next.Clone());
                        Flow(ins.Next, next);
                        break;
                    default:
                        Flow(ins.Next, next);
                        break;
                }
            }
            return consistent ? states : null;
        }
    }
}

using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Which instructions may have pushed each value on the stack as an instruction runs, found by running the method
    /// forward over every path: where paths meet, a slot holds the producers of each path (up to
    /// <see cref="MaxProducers"/>). <see cref="Receivers.Producer"/> walks back over straight-line code only, so an
    /// argument pushed before a conditional expression (<c>WriteBytes(options, stream, bytes, a || b)</c>), or a value
    /// chosen by one (<c>copy ? new MemoryStream() : null</c>, <c>given ?? new MemoryStream()</c>,
    /// <c>content?.Write(…)</c>), has no producer there; here it has its producers.
    /// </summary>
    internal static class StackSlots
    {
        private const int MaxInstructions = 20_000;
        private const int MaxProducers = 4;

        /// <summary>
        /// The instructions that may have pushed the value <paramref name="above"/> slots below the top of the stack as
        /// <paramref name="consumer"/> runs; null where that is not known (too many, an exception object, or a method
        /// this cannot read).
        /// </summary>
        public static IReadOnlyList<Instruction>? Producers(MethodBody body, Instruction consumer, int above)
        {
            var states = States.GetValue(body, Run);
            if (states == null || !states.TryGetValue(consumer, out var stack)) return null;
            int index = stack.Length - 1 - above;
            if (index < 0) return null;
            return stack[index] switch
            {
                Instruction one => new[] { one },
                Instruction[] several => several,
                _ => null,
            };
        }

        private static readonly ConditionalWeakTable<MethodBody, Dictionary<Instruction, object?[]>?> States =
            new ConditionalWeakTable<MethodBody, Dictionary<Instruction, object?[]>?>();

        /// <summary>Each slot: the one producer (an Instruction), several (an Instruction[]), or not known (null).</summary>
        private static Dictionary<Instruction, object?[]>? Run(MethodBody body)
        {
            if (body.Instructions.Count == 0 || body.Instructions.Count > MaxInstructions) return null;
            var states = new Dictionary<Instruction, object?[]>();
            var pending = new Stack<Instruction>();
            bool consistent = true;

            void Flow(Instruction? to, object?[] stack)
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
                {
                    var merged = Merge(known[i], stack[i]);
                    if (Same(merged, known[i])) continue;
                    known[i] = merged;
                    changed = true;
                }
                if (changed) pending.Push(to);
            }

            Flow(body.Instructions[0], new object?[0]);
            foreach (var handler in body.ExceptionHandlers)
            {
                // A catch or filter starts with the exception on the stack; finally and fault with nothing.
                bool exception = handler.HandlerType == ExceptionHandlerType.Catch || handler.HandlerType == ExceptionHandlerType.Filter;
                Flow(handler.HandlerStart, exception ? new object?[] { null } : new object?[0]);
                Flow(handler.FilterStart, new object?[] { null });
            }
            while (pending.Count > 0 && consistent)
            {
                var ins = pending.Pop();
                var stack = states[ins];
                var flow = ins.OpCode.FlowControl;
                if (flow == FlowControl.Return || flow == FlowControl.Throw || ins.OpCode.Code == Code.Endfinally) continue;
                if (ins.OpCode.Code == Code.Leave || ins.OpCode.Code == Code.Leave_S)
                {
                    Flow(ins.Operand as Instruction, new object?[0]);
                    continue;
                }
                int pop = Receivers.Pops(ins), push = Receivers.Pushes(ins);
                if (pop < 0 || push < 0 || pop > stack.Length) return null;
                var next = new object?[stack.Length - pop + push];
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
                            foreach (var target in cases) Flow(target, (object?[])next.Clone());
                        else Flow(ins.Operand as Instruction, (object?[])next.Clone());
                        Flow(ins.Next, next);
                        break;
                    default:
                        Flow(ins.Next, next);
                        break;
                }
            }
            return consistent ? states : null;
        }

        /// <summary>The producers of either slot; not known when either is not, or there are too many.</summary>
        private static object? Merge(object? a, object? b)
        {
            if (a == null || b == null) return null;
            var set = new List<Instruction>(MaxProducers);
            foreach (var slot in new[] { a, b })
            {
                if (slot is Instruction one) { if (!set.Contains(one)) set.Add(one); }
                else foreach (var each in (Instruction[])slot) if (!set.Contains(each)) set.Add(each);
            }
            if (set.Count > MaxProducers) return null;
            return set.Count == 1 ? set[0] : (object)set.ToArray();
        }

        private static bool Same(object? a, object? b)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a is Instruction[] x && b is Instruction[] y)
            {
                if (x.Length != y.Length) return false;
                foreach (var each in x) if (System.Array.IndexOf(y, each) < 0) return false;
                return true;
            }
            return false;
        }
    }
}

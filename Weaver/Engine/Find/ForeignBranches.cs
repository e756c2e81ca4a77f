using System;
using System.Collections.Generic;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Finds bodies whose branches or handlers point at instructions that are not in the body. Cecil writes such a
    /// target by the foreign instruction's offset, which only comes out right while the body is left exactly as it
    /// is. Another Fody weaver can leave code like that (Costura's injected loader does); inserting a probe would
    /// shift every offset and corrupt it, so those methods are left alone.
    /// </summary>
    internal static class ForeignBranches
    {
        public static bool In(MethodBody body)
        {
            var instructions = body.Instructions;
            // A body as the compiler wrote it has strictly increasing offsets: an instruction is then its own when the
            // one at its offset is itself (a binary search; no set of thousands of instructions hashed per method).
            // A body another weaver edited may not, and is checked with a set.
            Func<Instruction, bool> own = InOffsetOrder(instructions) ? (i => IndexByOffset(instructions, i) >= 0) : new HashSet<Instruction>(instructions).Contains;
            foreach (var i in instructions)
            {
                if (i.Operand is Instruction target && !own(target)) return true;
                if (i.Operand is Instruction[] targets)
                    foreach (var t in targets)
                        if (!own(t)) return true;
            }
            foreach (var h in body.ExceptionHandlers)
                if (Foreign(h.TryStart) || Foreign(h.TryEnd) || Foreign(h.HandlerStart) || Foreign(h.HandlerEnd) || Foreign(h.FilterStart))
                    return true;
            return false;

            bool Foreign(Instruction? i) => i != null && !own(i);
        }

        private static bool InOffsetOrder(Mono.Collections.Generic.Collection<Instruction> instructions)
        {
            for (int i = 1; i < instructions.Count; i++)
                if (instructions[i].Offset <= instructions[i - 1].Offset) return false;
            return true;
        }

        private static int IndexByOffset(Mono.Collections.Generic.Collection<Instruction> instructions, Instruction target)
        {
            int lo = 0, hi = instructions.Count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                int offset = instructions[mid].Offset;
                if (offset == target.Offset) return ReferenceEquals(instructions[mid], target) ? mid : -1;
                if (offset < target.Offset) lo = mid + 1;
                else hi = mid - 1;
            }
            return -1;
        }
    }
}

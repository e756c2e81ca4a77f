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
            var own = new HashSet<Instruction>(body.Instructions);
            foreach (var i in body.Instructions)
            {
                if (i.Operand is Instruction target && !own.Contains(target)) return true;
                if (i.Operand is Instruction[] targets)
                    foreach (var t in targets)
                        if (!own.Contains(t)) return true;
            }
            foreach (var h in body.ExceptionHandlers)
                if (Foreign(h.TryStart) || Foreign(h.TryEnd) || Foreign(h.HandlerStart) || Foreign(h.HandlerEnd) || Foreign(h.FilterStart))
                    return true;
            return false;

            bool Foreign(Instruction? i) => i != null && !own.Contains(i);
        }
    }
}

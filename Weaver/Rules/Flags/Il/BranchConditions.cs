using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// What a <c>brtrue</c>/<c>brfalse</c> tests, read the same from an optimised and an unoptimised (Debug) build.
    /// A Debug build stores every condition into a temporary before it branches (<c>ldarg async; stloc V; ldloc V;
    /// brfalse</c>) and writes <c>!x</c> as a comparison with zero (<c>ldc.i4.0; ceq</c>) and a null test as a
    /// comparison with null (<c>ldnull; ceq</c>, <c>ldnull; cgt.un</c>), where Release branches on the value itself with
    /// <c>brtrue</c> or <c>brfalse</c>.
    /// </summary>
    internal static class BranchConditions
    {
        /// <summary>For a brtrue (true) or brfalse (false): the value of what it tests that makes it jump; null for any other instruction.</summary>
        public static bool? JumpsWhen(Instruction branch)
        {
            switch (branch.OpCode.Code)
            {
                case Code.Brtrue: case Code.Brtrue_S: return true;
                case Code.Brfalse: case Code.Brfalse_S: return false;
                default: return null;
            }
        }

        /// <summary>
        /// The instruction that pushes the value tested by <paramref name="branch"/> (a brtrue or brfalse), seen through
        /// temporaries stored once and <c>== 0</c>; <paramref name="negated"/> when the branch tests its opposite.
        /// </summary>
        public static Instruction? Tested(MethodDefinition method, Instruction branch, out bool negated) =>
            SeenThrough(method, Receivers.Producer(method.Body, branch, 0), out negated);

        /// <summary>A value seen through temporaries stored once and comparisons with zero (<paramref name="negated"/> for each).</summary>
        public static Instruction? SeenThrough(MethodDefinition method, Instruction? value, out bool negated)
        {
            negated = false;
            for (int depth = 0; value != null && depth < 6; depth++)
            {
                if (Il.IsLdloc(value.OpCode.Code))
                {
                    var local = Receivers.Local(method, value);
                    var stored = local == null ? null : Receivers.SingleStoreValue(method, local);
                    if (stored == null) return value;
                    value = stored;
                }
                else if (value.OpCode.Code == Code.Ceq || value.OpCode.Code == Code.Cgt_Un)
                {
                    // x == 0 and x == null are !x; a Debug build writes x != null as x >u null, which is x.
                    var right = Receivers.Producer(method.Body, value, 0);
                    var left = Receivers.Producer(method.Body, value, 1);
                    if (right == null || left == null) return value;
                    bool equals = value.OpCode.Code == Code.Ceq;
                    if (equals && Il.Int32Constant(right) == 0 || right.OpCode.Code == Code.Ldnull) value = left;
                    else if (equals && (Il.Int32Constant(left) == 0 || left.OpCode.Code == Code.Ldnull)) value = right;
                    else return value;
                    if (equals) negated = !negated;
                }
                else return value;
            }
            return value;
        }
    }
}

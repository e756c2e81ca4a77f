using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A Debug state machine's hoisted locals (<c>&lt;done&gt;5__1</c>): fields only its own MoveNext writes, so what was
    /// stored there holds until it is stored again, as in a local.
    /// </summary>
    internal static class Hoisted
    {
        /// <summary>A load or store of a hoisted local (not of the machine's own state, builder or awaiters, named <c>&lt;&gt;…</c>).</summary>
        public static bool IsLocal(Instruction ins) =>
            (ins.OpCode.Code == Code.Ldfld || ins.OpCode.Code == Code.Stfld) && ins.Operand is FieldReference field &&
            field.Name.StartsWith("<", System.StringComparison.Ordinal) && !field.Name.StartsWith("<>", System.StringComparison.Ordinal);

        /// <summary>The one value a state machine stores into its own field, not counting the null it clears it to after use; null otherwise.</summary>
        public static Instruction? Value(MethodDefinition method, FieldReference field)
        {
            Instruction? found = null;
            foreach (var ins in BodyWrites.OfField(method, field))
            {
                if (ins.OpCode.Code != Code.Stfld) continue;
                var value = Receivers.Producer(method.Body, ins, 0);
                if (value != null && value.OpCode.Code == Code.Ldnull) continue;
                if (found != null || value == null) return null;
                found = value;
            }
            return found;
        }
    }
}

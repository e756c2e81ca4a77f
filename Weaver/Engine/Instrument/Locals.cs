using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// Loads and stores of the locals the probes add, in the shortest form, as the compiler writes them: the probes
    /// no longer run Cecil's OptimizeMacros over the body (see <see cref="BranchForms"/>), which used to shorten them.
    /// </summary>
    internal static class Locals
    {
        public static Instruction Load(VariableDefinition variable)
        {
            switch (variable.Index)
            {
                case 0: return Instruction.Create(OpCodes.Ldloc_0);
                case 1: return Instruction.Create(OpCodes.Ldloc_1);
                case 2: return Instruction.Create(OpCodes.Ldloc_2);
                case 3: return Instruction.Create(OpCodes.Ldloc_3);
                default: return Instruction.Create(variable.Index < 256 ? OpCodes.Ldloc_S : OpCodes.Ldloc, variable);
            }
        }

        public static Instruction Store(VariableDefinition variable)
        {
            switch (variable.Index)
            {
                case 0: return Instruction.Create(OpCodes.Stloc_0);
                case 1: return Instruction.Create(OpCodes.Stloc_1);
                case 2: return Instruction.Create(OpCodes.Stloc_2);
                case 3: return Instruction.Create(OpCodes.Stloc_3);
                default: return Instruction.Create(variable.Index < 256 ? OpCodes.Stloc_S : OpCodes.Stloc, variable);
            }
        }
    }
}

using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Where a private field is read and written: its class and the types nested in it (closures, state machines),
    /// method by method, each instruction that names the field.
    /// </summary>
    internal static class PrivateFieldUses
    {
        public static IEnumerable<(MethodDefinition Method, List<Instruction> Uses)> ByMethod(FieldDefinition field)
        {
            var types = new Stack<TypeDefinition>();
            types.Push(field.DeclaringType);
            while (types.Count > 0)
            {
                var type = types.Pop();
                foreach (var nested in type.NestedTypes) types.Push(nested);
                foreach (var method in type.Methods)
                {
                    if (!method.HasBody) continue;
                    List<Instruction>? uses = null;
                    foreach (var ins in method.Body.Instructions)
                        if (ins.Operand is FieldReference used && used.Name == field.Name && Il.SameField(used, field))
                            (uses ??= new List<Instruction>()).Add(ins);
                    if (uses != null) yield return (method, uses);
                }
            }
        }
    }
}

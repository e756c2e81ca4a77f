using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Every write to a field (<c>stfld</c>, or its address taken with <c>ldflda</c>) and every parameter a body assigns or
    /// takes the address of, found in one pass and kept with the body, as <see cref="LocalStores"/> keeps the locals'.
    /// The mode-switch, flag and completed-task rules ask at each branch or load they read whether, or where, the method
    /// writes the value it tests; a scan of the body per question was quadratic in its size (4,000 <c>if (flag) await …;
    /// else …;</c> in one async method: 9 s). A body changed since is read again, uncached.
    /// </summary>
    internal sealed class BodyWrites
    {
        private static readonly ConditionalWeakTable<MethodBody, BodyWrites> Indexes = new ConditionalWeakTable<MethodBody, BodyWrites>();

        private readonly int _size;
        // By field name: the few writes of one name are then told apart with Il.SameField.
        private readonly Dictionary<string, List<Instruction>> _fieldWrites = new Dictionary<string, List<Instruction>>(System.StringComparer.Ordinal);
        private readonly HashSet<ParameterDefinition> _assignedParameters = new HashSet<ParameterDefinition>();

        private BodyWrites(MethodBody body)
        {
            _size = body.Instructions.Count;
            foreach (var ins in body.Instructions)
            {
                var code = ins.OpCode.Code;
                if ((code == Code.Stfld || code == Code.Ldflda) && ins.Operand is FieldReference field)
                {
                    if (!_fieldWrites.TryGetValue(field.Name, out var list)) _fieldWrites[field.Name] = list = new List<Instruction>();
                    list.Add(ins);
                }
                else if ((code == Code.Starg || code == Code.Starg_S || code == Code.Ldarga || code == Code.Ldarga_S) && ins.Operand is ParameterDefinition parameter)
                    _assignedParameters.Add(parameter);
            }
        }

        private static BodyWrites Of(MethodDefinition method)
        {
            var body = method.Body;
            var index = Indexes.GetValue(body, b => new BodyWrites(b));
            return index._size == body.Instructions.Count ? index : new BodyWrites(body);
        }

        /// <summary>The method's <c>stfld</c> and <c>ldflda</c> of <paramref name="field"/> (of any instantiation of its type), in body order.</summary>
        public static IEnumerable<Instruction> OfField(MethodDefinition method, FieldReference field)
        {
            if (!Of(method)._fieldWrites.TryGetValue(field.Name, out var writes)) yield break;
            foreach (var ins in writes)
                if (Il.SameField((FieldReference)ins.Operand, field)) yield return ins;
        }

        /// <summary>Whether the method assigns the parameter or takes its address.</summary>
        public static bool Assigns(MethodDefinition method, ParameterDefinition parameter) => Of(method)._assignedParameters.Contains(parameter);
    }
}

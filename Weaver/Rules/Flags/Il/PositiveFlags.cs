using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// An <c>int</c> parameter a method compares with zero (<c>if (waitMilliseconds &lt;= 0) return;</c>) is a flag too,
    /// true when the value is positive: a call passing a constant decides those comparisons, as a literal decides a bool
    /// (AMQP.Net Lite closes with <c>CloseInternal(0, error)</c>, which returns before its <c>WaitOne(waitMilliseconds)</c>).
    /// Only the comparisons positivity decides are read (<see cref="PositiveComparisons"/>); never a bare
    /// <c>if (p)</c>-style test of the int.
    /// </summary>
    internal static class PositiveFlags
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MethodDefinition, HashSet<int>> Tested =
            new System.Runtime.CompilerServices.ConditionalWeakTable<MethodDefinition, HashSet<int>>();

        /// <summary>Whether the parameter at <paramref name="index"/> is an int the method compares with zero and never assigns.</summary>
        public static bool IsFlag(MethodDefinition method, int index) =>
            method.Parameters[index].ParameterType.MetadataType == MetadataType.Int32 && Tested.GetValue(method, Find).Contains(index);

        private static HashSet<int> Find(MethodDefinition method)
        {
            var found = new HashSet<int>();
            if (!method.HasBody) return found;
            foreach (var ins in method.Body.Instructions)
                if (Comparison(method, ins) is var (parameter, _) && !found.Contains(parameter.Index) && !Il.Assigns(method, parameter))
                    found.Add(parameter.Index);
            return found;
        }

        /// <summary>
        /// For a <c>cgt</c>/<c>clt</c>, or a compare-and-branch (<c>bgt</c>, <c>ble</c>, <c>blt</c>, <c>bge</c>), of an int
        /// parameter with a constant that its positivity decides: the parameter, and whether the comparison holds (the
        /// branch jumps) when the value is positive.
        /// </summary>
        public static (ParameterDefinition Parameter, bool WhenPositive)? Comparison(MethodDefinition method, Instruction ins)
        {
            string? op = ins.OpCode.Code switch
            {
                Code.Cgt => ">", Code.Clt => "<",
                Code.Bgt => ">", Code.Bgt_S => ">", Code.Ble => "<=", Code.Ble_S => "<=",
                Code.Blt => "<", Code.Blt_S => "<", Code.Bge => ">=", Code.Bge_S => ">=",
                _ => null,
            };
            if (op == null) return null;
            var right = Receivers.Producer(method.Body, ins, 0);
            var left = Receivers.Producer(method.Body, ins, 1);
            if (right == null || left == null) return null;
            Instruction load;
            bool? whenPositive;
            if (Il.Int32Constant(right) is int r) { load = left; whenPositive = PositiveComparisons.WhenPositive(op, r, constantFirst: false); }
            else if (Il.Int32Constant(left) is int l) { load = right; whenPositive = PositiveComparisons.WhenPositive(op, l, constantFirst: true); }
            else return null;
            if (whenPositive == null || !Il.IsLdarg(load.OpCode.Code) || !(Il.ParameterOf(method, load) is ParameterDefinition parameter) ||
                parameter.ParameterType.MetadataType != MetadataType.Int32) return null;
            return (parameter, whenPositive.Value);
        }

        /// <summary>What a call passes for an int flag: a constant's positivity; null for anything else.</summary>
        public static bool? Constant(Instruction producer) => Il.Int32Constant(producer) is int value ? value > 0 : (bool?)null;
    }
}

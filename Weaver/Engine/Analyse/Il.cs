using System.Collections.Generic;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>Small facts about IL instructions that several stages need.</summary>
    internal static class Il
    {
        public static bool IsStloc(Code c) =>
            c == Code.Stloc || c == Code.Stloc_S || c == Code.Stloc_0 || c == Code.Stloc_1 || c == Code.Stloc_2 || c == Code.Stloc_3;

        public static int? Int32Constant(Instruction i)
        {
            switch (i.OpCode.Code)
            {
                case Code.Ldc_I4_M1: return -1;
                case Code.Ldc_I4_0: return 0;
                case Code.Ldc_I4_1: return 1;
                case Code.Ldc_I4_2: return 2;
                case Code.Ldc_I4_3: return 3;
                case Code.Ldc_I4_4: return 4;
                case Code.Ldc_I4_5: return 5;
                case Code.Ldc_I4_6: return 6;
                case Code.Ldc_I4_7: return 7;
                case Code.Ldc_I4_8: return 8;
                case Code.Ldc_I4_S: return (sbyte)i.Operand;
                case Code.Ldc_I4: return (int)i.Operand;
                default: return null;
            }
        }

        /// <summary>
        /// <see cref="StatementOf"/> for every instruction of a method in one pass (Cecil rebuilds its sequence-point
        /// map on each request, so asking per instruction is quadratic).
        /// </summary>
        public static Dictionary<Instruction, SequencePoint?> Statements(Mono.Cecil.MethodDefinition method)
        {
            var statements = new Dictionary<Instruction, SequencePoint?>();
            var points = method.DebugInformation.HasSequencePoints ? method.DebugInformation.GetSequencePointMapping() : null;
            SequencePoint? current = null;
            foreach (var ins in method.Body.Instructions)
            {
                if (points != null && points.TryGetValue(ins, out var sp) && !sp.IsHidden) current = sp;
                statements[ins] = current;
            }
            return statements;
        }

        /// <summary>The nearest non-hidden sequence point at or before an instruction: the statement it belongs to.</summary>
        public static SequencePoint? StatementOf(Mono.Cecil.MethodDefinition method, Instruction target) =>
            Statements(method).TryGetValue(target, out var statement) ? statement : null;
    }
}

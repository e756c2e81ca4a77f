using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Where each state of a machine is in the source: the statement before each store of a suspension state
    /// (an await, or a yield return in async iterators) plus the method's first and last lines. Encoded for
    /// the runtime's AsyncSite as lines of <c>key\tline\tfile</c>.
    /// </summary>
    internal static class SegmentLocations
    {
        public static string Encode(MethodDefinition moveNext, FieldReference state)
        {
            var rows = new List<string>();
            var debug = moveNext.DebugInformation;
            if (debug == null || !debug.HasSequencePoints)
                return "";

            var points = debug.GetSequencePointMapping();
            SequencePoint? current = null, first = null;
            var seen = new HashSet<int>();
            foreach (var ins in moveNext.Body.Instructions)
            {
                if (points.TryGetValue(ins, out var sp) && !sp.IsHidden)
                {
                    current = sp;
                    first ??= sp;
                }
                if (ins.OpCode.Code != Code.Stfld || ((FieldReference)ins.Operand).Name != state.Name || current == null) continue;
                int? value = StoredConstant(ins);
                // >= 0: suspended at an await; <= -4: at a yield return (async iterators). -1/-2/-3 mean running,
                // finished and not started, which need no location.
                if (value is int k && (k >= 0 || k <= -4) && seen.Add(k))
                    rows.Add(Row(k.ToString(CultureInfo.InvariantCulture), current));
            }
            var last = debug.SequencePoints.Where(p => !p.IsHidden).OrderBy(p => p.Offset).LastOrDefault();
            if (first != null) rows.Insert(0, Row("S", first));
            if (last != null) rows.Insert(1, Row("E", last));
            return string.Join("\n", rows);
        }

        private static string Row(string key, SequencePoint sp) =>
            key + "\t" + sp.StartLine.ToString(CultureInfo.InvariantCulture) + "\t" + (sp.Document?.Url ?? "");

        /// <summary>The compiler stores states as <c>ldc.i4 k; dup; stloc; stfld</c> (or without the dup/stloc).</summary>
        private static int? StoredConstant(Instruction stfld)
        {
            var p = stfld.Previous;
            while (p != null && (p.OpCode.Code == Code.Dup || IsStloc(p.OpCode.Code))) p = p.Previous;
            return p == null ? null : Constant(p);
        }

        private static bool IsStloc(Code c) =>
            c == Code.Stloc || c == Code.Stloc_S || c == Code.Stloc_0 || c == Code.Stloc_1 || c == Code.Stloc_2 || c == Code.Stloc_3;

        public static int? Constant(Instruction i)
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
    }
}

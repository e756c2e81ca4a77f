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

            SequencePoint? first = null;
            var seen = new HashSet<int>();
            foreach (var (ins, current) in Il.WithStatements(moveNext))
            {
                first ??= current;
                if (ins.OpCode.Code != Code.Stfld || ((FieldReference)ins.Operand).Name != state.Name || current == null) continue;
                int? value = StoredConstant(ins);
                // >= 0: suspended at an await; <= -4: at a yield return (async iterators). -1/-2/-3 mean running,
                // finished and not started, which need no location.
                if (value is int k && (k >= 0 || k <= -4) && seen.Add(k))
                    rows.Add(Row(k.ToString(CultureInfo.InvariantCulture), current));
            }
            SequencePoint? last = null;
            foreach (var p in debug.SequencePoints)
                if (!p.IsHidden && (last == null || p.Offset >= last.Offset)) last = p;
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
            while (p != null && (p.OpCode.Code == Code.Dup || Il.IsStloc(p.OpCode.Code))) p = p.Previous;
            return p == null ? null : Il.Int32Constant(p);
        }
    }
}

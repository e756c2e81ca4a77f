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
    /// the runtime's AsyncSite as lines of <c>key\tline\tfile</c>, the file left out (<c>key\tline</c>) where it is the
    /// row before's, and the method's first file passed apart (<c>AsyncSite.Create</c>): each site's rows are a string
    /// of their own in the assembly's string heap, while one path's literal is stored once for every method that names
    /// it. A path on every row of every async method made a third of what weaving added to bench/WeaveCost's assembly
    /// (2.3 MB on 3.5 MB); once per method, a fifth of what was left.
    /// </summary>
    internal static class SegmentLocations
    {
        /// <summary>The method's first file (empty for none) and its rows, which name a file only where it changes.</summary>
        public static (string File, string Rows) Encode(MethodDefinition moveNext, FieldReference state)
        {
            var rows = new List<(string Key, SequencePoint Point)>();
            var debug = moveNext.DebugInformation;
            if (debug == null || !debug.HasSequencePoints)
                return ("", "");

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
                    rows.Add((k.ToString(CultureInfo.InvariantCulture), current));
            }
            SequencePoint? last = null;
            foreach (var p in debug.SequencePoints)
                if (!p.IsHidden && (last == null || p.Offset >= last.Offset)) last = p;
            if (first != null) rows.Insert(0, ("S", first));
            if (last != null) rows.Insert(first != null ? 1 : 0, ("E", last));

            string firstFile = rows.Count > 0 ? rows[0].Point.Document?.Url ?? "" : "";
            var encoded = new StringBuilder();
            string file = firstFile;
            foreach (var (key, point) in rows)
            {
                string url = point.Document?.Url ?? "";
                if (encoded.Length > 0) encoded.Append('\n');
                encoded.Append(key).Append('\t').Append(point.StartLine.ToString(CultureInfo.InvariantCulture));
                if (url != file) encoded.Append('\t').Append(url);
                file = url;
            }
            return (firstFile, encoded.ToString());
        }

        /// <summary>The compiler stores states as <c>ldc.i4 k; dup; stloc; stfld</c> (or without the dup/stloc).</summary>
        private static int? StoredConstant(Instruction stfld)
        {
            var p = stfld.Previous;
            while (p != null && (p.OpCode.Code == Code.Dup || Il.IsStloc(p.OpCode.Code))) p = p.Previous;
            return p == null ? null : Il.Int32Constant(p);
        }
    }
}

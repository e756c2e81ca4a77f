using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A whole-file read of a kernel pseudo-file (<see cref="KernelFilePaths"/>): the path's text begins, as the IL builds
    /// it, with <c>/proc/</c> or <c>/sys/</c> — a literal, a <c>string.Concat</c>, <c>string.Format</c> or
    /// <c>Path.Combine</c> whose first part is one, an interpolated string whose first part is, or a local set once to
    /// one of those. The .NET diagnostics client reads <c>/proc/{pid}/status</c> and <c>/proc/{pid}/environ</c> to find
    /// a process's diagnostic socket. Left out of the build warnings; the run-time probe stays.
    /// </summary>
    internal static class KernelFiles
    {
        private const int MaxDepth = 4;

        public static bool Reads(MethodDefinition method, Instruction call, MethodReference target)
        {
            if (target.HasThis || target.Parameters.Count == 0 || target.Parameters[0].ParameterType.MetadataType != MetadataType.String ||
                !KernelFilePaths.IsFileRead(target.DeclaringType.FullName, target.Name)) return false;
            var path = Receivers.Operand(method.Body, call, target.Parameters.Count - 1);
            return path != null && KernelFilePaths.IsKernelPath(LeadingText(method, path, 0));
        }

        /// <summary>The text a string value is known to begin with; null where it is not known.</summary>
        private static string? LeadingText(MethodDefinition method, Instruction value, int depth)
        {
            if (depth > MaxDepth) return null;
            if (value.OpCode.Code == Code.Ldstr) return (string)value.Operand;
            if (Il.IsLdloc(value.OpCode.Code))
                return Receivers.Local(method, value) is VariableDefinition local && Receivers.SingleStoreValue(method, local) is Instruction stored
                    ? LeadingText(method, stored, depth + 1) : null;
            // A Debug state machine keeps the local in a field of its own.
            if (Hoisted.IsLocal(value) && value.OpCode.Code == Code.Ldfld)
                return Hoisted.Value(method, (FieldReference)value.Operand) is Instruction hoisted ? LeadingText(method, hoisted, depth + 1) : null;
            if (value.OpCode.Code != Code.Call || !(value.Operand is MethodReference called)) return null;
            string type = called.DeclaringType.FullName;
            if (type == "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler" && called.Name == "ToStringAndClear")
                return FirstLiteral(method, value);
            if (called.Parameters.Count == 0 || called.Parameters[0].ParameterType.MetadataType != MetadataType.String) return null;
            var first = Receivers.Operand(method.Body, value, called.Parameters.Count - 1);
            var text = first == null ? null : LeadingText(method, first, depth + 1);
            if (text == null) return null;
            if (type == "System.String" && called.Name == "Concat") return text;
            if (type == "System.String" && called.Name == "Format") return KernelFilePaths.BeforePlaceholder(text);
            if (type == "System.IO.Path" && called.Name == "Combine") return text.EndsWith("/", System.StringComparison.Ordinal) ? text : text + "/";
            return null;
        }

        /// <summary>
        /// An interpolated string's first part, when it is text: the first Append… call on the handler local that
        /// <paramref name="toString"/> reads, after the handler was made.
        /// </summary>
        private static string? FirstLiteral(MethodDefinition method, Instruction toString)
        {
            var handler = Receivers.Producer(method.Body, toString, 0);
            if (handler == null || !(Receivers.Local(method, handler) is VariableDefinition local)) return null;
            // Made in place (ldloca; call .ctor) or made and stored (newobj; stloc), the nearest making before the read.
            Instruction? made = null;
            for (var ins = toString.Previous; ins != null && made == null; ins = ins.Previous)
                if (ins.OpCode.Code == Code.Call && ins.Operand is MethodReference ctor && ctor.Name == ".ctor" &&
                    ctor.DeclaringType.Name == "DefaultInterpolatedStringHandler" && Receivers.Producer(method.Body, ins, ctor.Parameters.Count) is Instruction target &&
                    Receivers.Local(method, target) == local ||
                    Il.IsStloc(ins.OpCode.Code) && Receivers.Local(method, ins) == local)
                    made = ins;
            for (var ins = made?.Next; ins != null && ins != toString; ins = ins.Next)
            {
                if (ins.OpCode.Code != Code.Call || !(ins.Operand is MethodReference append) || append.DeclaringType.Name != "DefaultInterpolatedStringHandler" ||
                    !append.Name.StartsWith("Append", System.StringComparison.Ordinal)) continue;
                if (!(Receivers.Producer(method.Body, ins, append.Parameters.Count) is Instruction on) || Receivers.Local(method, on) != local) continue;
                return append.Name == "AppendLiteral" && Receivers.Producer(method.Body, ins, 0) is Instruction text && text.OpCode.Code == Code.Ldstr
                    ? (string)text.Operand : null;
            }
            return null;
        }
    }
}

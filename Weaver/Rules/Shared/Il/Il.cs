using System.Collections.Generic;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>Small facts about IL instructions that several stages need.</summary>
    internal static class Il
    {
        /// <summary>Where control can go after an instruction: its branch targets, and the next one unless it jumps away or leaves.</summary>
        public static IEnumerable<Instruction> Successors(Instruction ins)
        {
            switch (ins.OpCode.FlowControl)
            {
                case FlowControl.Branch:
                    if (ins.Operand is Instruction target) yield return target;
                    yield break;
                case FlowControl.Cond_Branch:
                    if (ins.Operand is Instruction[] cases) foreach (var c in cases) yield return c;
                    else if (ins.Operand is Instruction taken) yield return taken;
                    if (ins.Next != null) yield return ins.Next;
                    yield break;
                case FlowControl.Return:
                case FlowControl.Throw:
                    yield break;
                default:
                    if (ins.Next != null) yield return ins.Next;
                    yield break;
            }
        }

        /// <summary>The instructions that start a basic block: the first, every branch target, and each one after a branch, return or throw.</summary>
        public static HashSet<Instruction> BlockStarts(MethodBody body)
        {
            var starts = new HashSet<Instruction>();
            if (body.Instructions.Count == 0) return starts;
            starts.Add(body.Instructions[0]);
            foreach (var ins in body.Instructions)
            {
                var flow = ins.OpCode.FlowControl;
                if (flow != FlowControl.Branch && flow != FlowControl.Cond_Branch && flow != FlowControl.Return && flow != FlowControl.Throw) continue;
                if (ins.Next != null) starts.Add(ins.Next);
                foreach (var next in Successors(ins)) starts.Add(next);
            }
            return starts;
        }

        /// <summary>Whether the method assigns the parameter or takes its address (then its value is not the caller's).</summary>
        public static bool Assigns(Mono.Cecil.MethodDefinition method, Mono.Cecil.ParameterDefinition parameter) => BodyWrites.Assigns(method, parameter);

        /// <summary>Whether the method stores the field (<c>stfld</c>) or takes its address (<c>ldflda</c>), so may change it.</summary>
        public static bool Assigns(Mono.Cecil.MethodDefinition method, Mono.Cecil.FieldReference field)
        {
            foreach (var _ in BodyWrites.OfField(method, field)) return true;
            return false;
        }

        /// <summary>Whether two references name the same field (of any instantiation of its type).</summary>
        public static bool SameField(Mono.Cecil.FieldReference a, Mono.Cecil.FieldReference b) =>
            a.Name == b.Name && a.DeclaringType.GetElementType().FullName == b.DeclaringType.GetElementType().FullName;

        /// <summary>
        /// The body of a parameterless instance getter the module itself declares and no override can replace: what a
        /// property read runs (an auto-property's <c>ldarg.0; ldfld; ret</c>, a computed check); null otherwise.
        /// </summary>
        public static Mono.Cecil.MethodDefinition? OwnGetter(Mono.Cecil.ModuleDefinition module, Mono.Cecil.MethodReference target)
        {
            if (!target.HasThis || target.Parameters.Count != 0 || !target.Name.StartsWith("get_", System.StringComparison.Ordinal)) return null;
            var getter = target.Resolve();
            return getter == null || getter.Module != module || !getter.HasBody || getter.IsVirtual && !getter.IsFinal ? null : getter;
        }

        public static bool IsStloc(Code c) =>
            c == Code.Stloc || c == Code.Stloc_S || c == Code.Stloc_0 || c == Code.Stloc_1 || c == Code.Stloc_2 || c == Code.Stloc_3;

        /// <summary>
        /// Pushes one value and pops nothing, with no side effect worth ordering against a probe: an argument,
        /// local, constant, string, static field or one of their addresses.
        /// </summary>
        public static bool IsPlainLoad(Code code)
        {
            switch (code)
            {
                case Code.Ldarg: case Code.Ldarg_S: case Code.Ldarg_0: case Code.Ldarg_1: case Code.Ldarg_2: case Code.Ldarg_3:
                case Code.Ldarga: case Code.Ldarga_S:
                case Code.Ldloc: case Code.Ldloc_S: case Code.Ldloc_0: case Code.Ldloc_1: case Code.Ldloc_2: case Code.Ldloc_3:
                case Code.Ldloca: case Code.Ldloca_S:
                case Code.Ldc_I4: case Code.Ldc_I4_S: case Code.Ldc_I4_M1: case Code.Ldc_I4_0: case Code.Ldc_I4_1: case Code.Ldc_I4_2:
                case Code.Ldc_I4_3: case Code.Ldc_I4_4: case Code.Ldc_I4_5: case Code.Ldc_I4_6: case Code.Ldc_I4_7: case Code.Ldc_I4_8:
                case Code.Ldc_I8: case Code.Ldc_R4: case Code.Ldc_R8: case Code.Ldnull: case Code.Ldstr:
                case Code.Ldsfld: case Code.Ldsflda:
                    return true;
                default:
                    return false;
            }
        }

        public static bool IsLdloc(Code c) =>
            c == Code.Ldloc || c == Code.Ldloc_S || c == Code.Ldloc_0 || c == Code.Ldloc_1 || c == Code.Ldloc_2 || c == Code.Ldloc_3;

        public static bool IsLdarg(Code c) =>
            c == Code.Ldarg || c == Code.Ldarg_S || c == Code.Ldarg_0 || c == Code.Ldarg_1 || c == Code.Ldarg_2 || c == Code.Ldarg_3;

        /// <summary>
        /// A member's type as the call or load that names it sees it: a type parameter of its class or method replaced by
        /// the argument the reference gives (<c>IEnumerator&lt;RarFilePart&gt;.Current</c> is a RarFilePart, not <c>T</c>).
        /// </summary>
        public static Mono.Cecil.TypeReference Instantiated(Mono.Cecil.TypeReference type, Mono.Cecil.TypeReference declaring, Mono.Cecil.MethodReference? method)
        {
            if (!(type is Mono.Cecil.GenericParameter parameter)) return type;
            if (parameter.Type == Mono.Cecil.GenericParameterType.Type && declaring is Mono.Cecil.GenericInstanceType instance &&
                parameter.Position < instance.GenericArguments.Count)
                return instance.GenericArguments[parameter.Position];
            if (parameter.Type == Mono.Cecil.GenericParameterType.Method && method is Mono.Cecil.GenericInstanceMethod generic &&
                parameter.Position < generic.GenericArguments.Count)
                return generic.GenericArguments[parameter.Position];
            return type;
        }

        /// <summary>The parameter an <c>ldarg</c> reads; null for <c>this</c>.</summary>
        public static Mono.Cecil.ParameterDefinition? ParameterOf(Mono.Cecil.MethodDefinition method, Instruction ins)
        {
            if (ins.Operand is Mono.Cecil.ParameterDefinition named) return named;
            int index = ins.OpCode.Code - Code.Ldarg_0 - (method.HasThis ? 1 : 0);
            return index >= 0 && index < method.Parameters.Count ? method.Parameters[index] : null;
        }

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
        /// <see cref="StatementOf"/> for every instruction of a method, looked up by instruction. For a single
        /// walk in order use <see cref="WithStatements"/>, which needs no table.
        /// </summary>
        public static Dictionary<Instruction, SequencePoint?> Statements(Mono.Cecil.MethodDefinition method)
        {
            var statements = new Dictionary<Instruction, SequencePoint?>(method.Body.Instructions.Count);
            foreach (var (ins, statement) in WithStatements(method)) statements[ins] = statement;
            return statements;
        }

        /// <summary>
        /// Every instruction with the statement it belongs to (the nearest non-hidden sequence point at or before
        /// it), in order. One merge of two lists sorted by IL offset — the body and its sequence points — instead of
        /// Cecil's <c>GetSequencePointMapping</c>, whose two dictionaries (keyed by offset, then by instruction, each
        /// instruction hashed once on first use) were a sixth of the time to weave an assembly of async methods.
        /// At an offset with several sequence points the first counts, as in Cecil's mapping.
        /// </summary>
        public static IEnumerable<(Instruction Instruction, SequencePoint? Statement)> WithStatements(Mono.Cecil.MethodDefinition method)
        {
            var debug = method.DebugInformation;
            var points = debug.HasSequencePoints ? debug.SequencePoints : null;
            int next = 0, count = points?.Count ?? 0;
            for (int i = 1; i < count; i++)
                if (points![i].Offset < points[i - 1].Offset)
                {
                    // Not in IL order (no compiler we know writes that): take Cecil's mapping.
                    var mapping = debug.GetSequencePointMapping();
                    SequencePoint? statement = null;
                    foreach (var ins in method.Body.Instructions)
                    {
                        if (mapping.TryGetValue(ins, out var sp) && !sp.IsHidden) statement = sp;
                        yield return (ins, statement);
                    }
                    yield break;
                }
            SequencePoint? current = null;
            foreach (var ins in method.Body.Instructions)
            {
                int offset = ins.Offset;
                while (next < count && points![next].Offset < offset) next++;
                if (next < count && points![next].Offset == offset)
                {
                    if (!points[next].IsHidden) current = points[next];
                    while (next < count && points[next].Offset == offset) next++;
                }
                yield return (ins, current);
            }
        }

        /// <summary>The nearest non-hidden sequence point at or before an instruction: the statement it belongs to.</summary>
        public static SequencePoint? StatementOf(Mono.Cecil.MethodDefinition method, Instruction target)
        {
            foreach (var (ins, statement) in WithStatements(method))
                if (ins == target) return statement;
            return null;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// Reads <c>bool</c> flags from IL: a literal, a parameter (<c>ldarg</c>), in a state machine the async method's
    /// parameter hoisted into a field of the same name (<c>ldarg.0; ldfld async</c>), and in a lambda or local function
    /// a flag captured into its closure's field. A parameter or field the method itself assigns is never read as known.
    /// Contexts index parameters 0–15 and a closure's bool fields 16–31. A reference parameter the method tests for null
    /// is a flag too, true when not null: a call passing <c>null</c> decides its branches (Minio's
    /// <c>MinioException(message)</c> is <c>this(message, null)</c>, and never reads the absent response's body). So is a
    /// <c>Type</c> parameter the method compares with <c>typeof(X)</c>: a call passing <c>typeof(Model)</c> decides those
    /// comparisons (openapi-generator's clients write a body to a temp file only in <c>Deserialize</c>'s
    /// <c>type == typeof(Stream)</c> branch, and their hundreds of calls pass model types).
    /// </summary>
    internal sealed class FlagReader
    {
        private readonly MethodOwners _owners;
        private readonly Dictionary<MethodDefinition, HashSet<string>> _assigned = new Dictionary<MethodDefinition, HashSet<string>>();

        public FlagReader(MethodOwners owners) => _owners = owners;

        /// <summary>The method whose parameters a context of <paramref name="method"/> is indexed by: the async method for a MoveNext.</summary>
        public MethodDefinition OwnerOf(MethodDefinition method) => _owners.OwnerOf(method) ?? method;

        private const int ClosureBase = 16;

        /// <summary>Whether a context can say anything about a method: it has a bool parameter or reads a closure's, or a Type flag.</summary>
        public static bool HasFlags(MethodDefinition method)
        {
            for (int i = 0; i < method.Parameters.Count && i < ClosureBase; i++)
                if (IsFlag(method, i)) return true;
            if (ComparedTypes(method).Count > 0) return true;
            return ClosureOf(method) is TypeDefinition closure && BoolFields(closure).Count > 0;
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MethodDefinition, Dictionary<int, HashSet<string>>> TypeTests =
            new System.Runtime.CompilerServices.ConditionalWeakTable<MethodDefinition, Dictionary<int, HashSet<string>>>();

        /// <summary>The method's Type flags: each <c>Type</c> parameter it compares with <c>typeof(X)</c> and never assigns, and the Xs.</summary>
        private static Dictionary<int, HashSet<string>> ComparedTypes(MethodDefinition method)
        {
            // Most methods take no Type: no walk of their bodies, no table entry.
            bool any = false;
            for (int i = 0; i < method.Parameters.Count && i < ClosureBase && !any; i++)
                any = method.Parameters[i].ParameterType.FullName == "System.Type";
            return any ? TypeTests.GetValue(method, FindTypeTests) : NoTypeTests;
        }

        private static readonly Dictionary<int, HashSet<string>> NoTypeTests = new Dictionary<int, HashSet<string>>();

        private static Dictionary<int, HashSet<string>> FindTypeTests(MethodDefinition method)
        {
            var found = new Dictionary<int, HashSet<string>>();
            if (!method.HasBody) return found;
            foreach (var ins in method.Body.Instructions)
            {
                if (!(TypeComparison(method, ins) is var (parameter, name, _)) || parameter.Index >= ClosureBase) continue;
                if (!found.TryGetValue(parameter.Index, out var names)) found[parameter.Index] = names = new HashSet<string>();
                names.Add(name);
            }
            foreach (var index in found.Keys.ToList())
                if (Il.Assigns(method, method.Parameters[index])) found.Remove(index);
            return found;
        }

        /// <summary><c>p == typeof(X)</c> or <c>p != typeof(X)</c> (either way round) on a Type parameter: the parameter, X's full name, and whether it is the equality.</summary>
        private static (ParameterDefinition Parameter, string Type, bool Equality)? TypeComparison(MethodDefinition method, Instruction ins)
        {
            if (ins.OpCode.Code != Code.Call || !(ins.Operand is MethodReference m) || (m.Name != "op_Equality" && m.Name != "op_Inequality") ||
                m.Parameters.Count != 2 || m.DeclaringType.FullName != "System.Type") return null;
            var right = Receivers.Producer(method.Body, ins, 0);
            var left = Receivers.Producer(method.Body, ins, 1);
            if (right == null || left == null) return null;
            Instruction? load = null;
            string? type = TypeOf(method, right);
            if (type != null) load = left;
            else if ((type = TypeOf(method, left)) != null) load = right;
            if (load == null || type == null || !Il.IsLdarg(load.OpCode.Code) || !(Il.ParameterOf(method, load) is ParameterDefinition parameter) ||
                parameter.ParameterType.FullName != "System.Type") return null;
            return (parameter, type, m.Name == "op_Equality");
        }

        /// <summary>The full name of X for <c>typeof(X)</c> (<c>ldtoken X; call Type.GetTypeFromHandle</c>) when X is a closed type; null otherwise.</summary>
        internal static string? TypeOf(MethodDefinition method, Instruction value)
        {
            if (value.OpCode.Code != Code.Call || !(value.Operand is MethodReference m) || m.Name != "GetTypeFromHandle" || m.DeclaringType.FullName != "System.Type") return null;
            var token = Receivers.Producer(method.Body, value, 0);
            return token != null && token.OpCode.Code == Code.Ldtoken && token.Operand is TypeReference type && !type.ContainsGenericParameter ? type.FullName : null;
        }

        /// <summary>A bool parameter, or a reference parameter the method tests for null (brtrue/brfalse on it).</summary>
        private static bool IsFlag(MethodDefinition method, int index)
        {
            var type = method.Parameters[index].ParameterType;
            if (type.MetadataType == MetadataType.Boolean) return true;
            if (type.MetadataType == MetadataType.Int32) return PositiveFlags.IsFlag(method, index);
            if (type.IsValueType || type.IsGenericParameter || type.IsByReference || type.IsPointer) return false;
            return NullTested.GetValue(method, FindNullTested).Contains(index);
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MethodDefinition, HashSet<int>> NullTested =
            new System.Runtime.CompilerServices.ConditionalWeakTable<MethodDefinition, HashSet<int>>();

        /// <summary>
        /// The reference parameters a method tests for null, or passes straight on to a method of its module that does
        /// (a constructor chaining to another, a helper), however deep; each method is read once.
        /// </summary>
        [System.ThreadStatic] private static HashSet<MethodDefinition>? _visiting;

        private static HashSet<int> FindNullTested(MethodDefinition method)
        {
            var visiting = _visiting ??= new HashSet<MethodDefinition>();
            if (!visiting.Add(method)) return new HashSet<int>();
            try { return Collect(method); }
            finally { visiting.Remove(method); }
        }

        private static HashSet<int> Collect(MethodDefinition method)
        {
            var found = new HashSet<int>();
            if (!method.HasBody) return found;
            foreach (var ins in method.Body.Instructions)
            {
                var code = ins.OpCode.Code;
                if (code == Code.Brtrue || code == Code.Brtrue_S || code == Code.Brfalse || code == Code.Brfalse_S)
                {
                    var tested = BranchConditions.Tested(method, ins, out _);
                    var p = tested == null ? null : Il.IsLdarg(tested.OpCode.Code) ? Il.ParameterOf(method, tested) : CapturedParameter(method, method, tested);
                    if (p != null && !p.ParameterType.IsValueType && p.Index < ClosureBase)
                        found.Add(p.Index);
                }
                else if ((code == Code.Call || code == Code.Newobj) && ins.Operand is MethodReference target &&
                         target.Resolve() is MethodDefinition callee && callee.Module == method.Module && callee != method && callee.HasBody)
                {
                    HashSet<int>? calleeTested = null;
                    int count = callee.Parameters.Count;
                    for (int i = 0; i < count && i < ClosureBase; i++)
                    {
                        var argument = Receivers.Producer(method.Body, ins, count - 1 - i);
                        if (argument == null || !Il.IsLdarg(argument.OpCode.Code) || !(Il.ParameterOf(method, argument) is ParameterDefinition passed) ||
                            passed.ParameterType.IsValueType || passed.Index >= ClosureBase || found.Contains(passed.Index)) continue;
                        calleeTested ??= _visiting!.Contains(callee) ? new HashSet<int>() : NullTested.GetValue(callee, FindNullTested);
                        if (calleeTested.Contains(i)) found.Add(passed.Index);
                    }
                }
            }
            return found;
        }

        /// <summary>The value <paramref name="producer"/> pushes under <paramref name="context"/>, when it is a known flag or literal.</summary>
        public bool? Value(MethodDefinition method, FlagContext context, Instruction producer)
        {
            if (Il.Int32Constant(producer) is int literal) return literal != 0;
            // p > 0 on an int flag (a Debug build's cgt before its branch): its positivity is what the path knows.
            if (PositiveFlags.Comparison(method, producer) is var (compared, whenPositive)) return Holds(method, context, compared, whenPositive);
            if (TypeComparison(method, producer) is var (parameter, type, equality) && OwnerOf(method) == method &&
                context.TypeOf(parameter.Index) is string known)
                return (known == type) == equality;
            if (producer.OpCode.Code == Code.Ldnull) return false;
            if (ExactTypeTests.Value(method, producer) is bool exact) return exact;
            if (!context.KnowsFlags) return null;
            if (context.Fresh is FreshFields fresh && FreshObjects.ReadsDefault(method, fresh, producer)) return false;
            int index = FlagParameter(method, producer);
            // An int flag's bit is its positivity, not its truth (if (count != 0) is true for -1 as well).
            if (index < 0 || index < ClosureBase && OwnerOf(method).Parameters[index].ParameterType.MetadataType == MetadataType.Int32) return null;
            return context.ValueOf(index);
        }

        /// <summary>What a call passes for an int flag: a constant's positivity, or the caller's own int flag passed on.</summary>
        private bool? Positive(MethodDefinition caller, FlagContext context, Instruction producer)
        {
            if (PositiveFlags.Constant(producer) is bool constant) return constant;
            return OwnerOf(caller) == caller && Il.IsLdarg(producer.OpCode.Code) && Il.ParameterOf(caller, producer) is ParameterDefinition passed &&
                   passed.Index < ClosureBase && PositiveFlags.IsFlag(caller, passed.Index) ? context.ValueOf(passed.Index) : null;
        }

        /// <summary>For a compare-and-branch on an int flag (<c>bgt</c>, <c>ble</c>…): whether it jumps on this path; null when not decided.</summary>
        public bool? ComparisonJumps(MethodDefinition method, FlagContext context, Instruction branch) =>
            PositiveFlags.Comparison(method, branch) is var (compared, whenPositive) ? Holds(method, context, compared, whenPositive) : null;

        /// <summary>Whether a comparison of an int flag that holds <paramref name="whenPositive"/> for a positive value holds on this path.</summary>
        private bool? Holds(MethodDefinition method, FlagContext context, ParameterDefinition compared, bool whenPositive) =>
            OwnerOf(method) == method && context.ValueOf(compared.Index) is bool positive ? positive == whenPositive : (bool?)null;

        /// <summary>
        /// What a call passes for the callee's bool parameters: a context for <paramref name="callee"/>, from literals and
        /// from the caller's own known flags.
        /// </summary>
        public FlagContext Arguments(MethodDefinition caller, FlagContext context, Instruction call, MethodDefinition callee)
        {
            var result = FlagContext.Unknown;
            int count = callee.Parameters.Count;
            for (int i = 0; i < count && i < ClosureBase; i++)
            {
                if (!IsFlag(callee, i)) continue;
                var producer = Receivers.Producer(caller.Body, call, count - 1 - i);
                if (producer == null) continue;
                if (callee.Parameters[i].ParameterType.MetadataType == MetadataType.Int32)
                {
                    if (Positive(caller, context, producer) is bool positive) result = result.With(i, positive);
                    continue;
                }
                if (Value(caller, context, producer) is bool value) result = result.With(i, value);
            }
            // A Type flag holds the type a typeof passes (or the caller's own known one): one of those compared, or "none".
            foreach (var pair in ComparedTypes(callee))
            {
                if (pair.Key >= count) continue;
                var producer = Receivers.Producer(caller.Body, call, count - 1 - pair.Key);
                string? type = producer == null ? null : TypeOf(caller, producer) ?? PassedType(caller, context, producer);
                if (type != null) result = result.WithType(pair.Key, pair.Value.Contains(type) ? type : "");
            }
            // A closure's flags are what the creating method stored into it, when it stores each just once.
            if (ClosureOf(callee) is TypeDefinition closure)
            {
                var fields = BoolFields(closure);
                for (int k = 0; k < fields.Count; k++)
                {
                    Instruction? store = null;
                    foreach (var ins in caller.Body.Instructions)
                        if (ins.OpCode.Code == Code.Stfld && ins.Operand is FieldReference f && f.Name == fields[k].Name &&
                            f.DeclaringType.GetElementType().FullName == closure.FullName)
                        {
                            store = store == null ? ins : null;
                            if (store == null) break;
                        }
                    var value = store == null ? null : Receivers.Producer(caller.Body, store, 0);
                    if (value != null && Value(caller, context, value) is bool known) result = result.With(ClosureBase + k, known);
                }
            }
            return result;
        }

        /// <summary>The type the caller's own Type flag holds on this path, passed straight on; null when it is not one type known by name.</summary>
        private string? PassedType(MethodDefinition caller, FlagContext context, Instruction producer)
        {
            if (OwnerOf(caller) != caller || !Il.IsLdarg(producer.OpCode.Code) || !(Il.ParameterOf(caller, producer) is ParameterDefinition parameter) ||
                !ComparedTypes(caller).ContainsKey(parameter.Index)) return null;
            return context.TypeOf(parameter.Index) is string known && known.Length > 0 ? known : null;
        }

        /// <summary>The display class a lambda or local function reads captured variables from: its own type, or a struct passed by ref.</summary>
        private static TypeDefinition? ClosureOf(MethodDefinition method)
        {
            if (method.HasThis && IsClosure(method.DeclaringType)) return method.DeclaringType;
            foreach (var p in method.Parameters)
                if (p.ParameterType is ByReferenceType byRef && byRef.ElementType.Name.Contains("DisplayClass"))
                    return byRef.ElementType.Resolve();
            return null;
        }

        private static bool IsClosure(TypeDefinition type) => type.Name.Contains("DisplayClass");

        private static List<FieldDefinition> BoolFields(TypeDefinition closure)
        {
            var fields = new List<FieldDefinition>();
            foreach (var f in closure.Fields)
                if (f.FieldType.MetadataType == MetadataType.Boolean && fields.Count < 32 - ClosureBase) fields.Add(f);
            return fields;
        }

        /// <summary>The index, among the owner's parameters, of the bool flag <paramref name="load"/> reads; -1 if it reads none.</summary>
        private int FlagParameter(MethodDefinition method, Instruction load)
        {
            var owner = OwnerOf(method);
            string? name = null;
            if (owner == method && Il.IsLdarg(load.OpCode.Code))
            {
                var parameter = Il.ParameterOf(method, load);
                if (parameter == null || parameter.Index >= ClosureBase || !IsFlag(method, parameter.Index)) return -1;
                name = parameter.Name;
            }
            else if (CapturedParameter(method, owner, load) is ParameterDefinition captured)
            {
                if (captured.Index >= ClosureBase || !IsFlag(owner, captured.Index)) return -1;
                name = captured.Name;
            }
            else if (load.OpCode.Code == Code.Ldfld && load.Operand is FieldReference field && field.FieldType.MetadataType == MetadataType.Boolean)
            {
                if (Assigned(method).Contains(FieldKey(field))) return -1;
                var closure = ClosureOf(method);
                if (owner == method && closure != null && field.DeclaringType.GetElementType().FullName == closure.FullName)
                {
                    int k = BoolFields(closure).FindIndex(f => f.Name == field.Name);
                    return k < 0 ? -1 : ClosureBase + k;
                }
                if (owner != method && field.DeclaringType.GetElementType().FullName == method.DeclaringType.FullName &&
                    Receivers.Producer(method.Body, load, 0)?.OpCode.Code == Code.Ldarg_0)
                    name = field.Name;
                else return -1;
            }
            if (name == null || (owner == method && Assigned(method).Contains(name))) return -1;
            for (int i = 0; i < owner.Parameters.Count && i < ClosureBase; i++)
                if (owner.Parameters[i].Name == name && IsFlag(owner, i)) return i;
            return -1;
        }

        /// <summary>
        /// The parameter a load reads through the method's own closure: a lambda captures the parameter, so the compiler
        /// copies it into a display class once and the method reads that field (SSH.NET's <c>RequestWrite</c> tests the
        /// captured <c>wait</c> for null). In a state machine the copy is made from the hoisted parameter
        /// (<c>this.&lt;&gt;8__1.async = this.async</c>, Azure.Storage.Blobs' <c>DownloadToInternal</c>), and the parameter is
        /// <paramref name="owner"/>'s. Only when the method stores the field once, from that parameter, and no code of
        /// the closure stores it.
        /// </summary>
        private static ParameterDefinition? CapturedParameter(MethodDefinition method, MethodDefinition owner, Instruction load)
        {
            if (load.OpCode.Code != Code.Ldfld || !(load.Operand is FieldReference field) || !(field.DeclaringType.Resolve() is TypeDefinition closure) ||
                !IsClosure(closure) || closure == method.DeclaringType) return null;
            ParameterDefinition? source = null;
            foreach (var ins in BodyWrites.OfField(method, field))
            {
                if (ins.OpCode.Code == Code.Ldflda) return null;
                if (source != null) return null;
                var value = Receivers.Producer(method.Body, ins, 0);
                var p = value == null ? null : Il.IsLdarg(value.OpCode.Code) ? Il.ParameterOf(method, value) : HoistedParameter(method, owner, value);
                if (p == null) return null;
                source = p;
            }
            if (source == null || owner == method && Il.Assigns(method, source)) return null;
            foreach (var m in closure.Methods)
                if (m.HasBody && Il.Assigns(m, field)) return null;
            return source;
        }

        /// <summary>A state machine's hoisted copy of its async method's parameter (<c>ldarg.0; ldfld async</c>), never assigned in the machine.</summary>
        private static ParameterDefinition? HoistedParameter(MethodDefinition method, MethodDefinition owner, Instruction value)
        {
            if (owner == method || value.OpCode.Code != Code.Ldfld || !(value.Operand is FieldReference hoisted) ||
                hoisted.DeclaringType.GetElementType().FullName != method.DeclaringType.FullName ||
                Receivers.Producer(method.Body, value, 0)?.OpCode.Code != Code.Ldarg_0 || Il.Assigns(method, hoisted)) return null;
            foreach (var p in owner.Parameters)
                if (p.Name == hoisted.Name) return p;
            return null;
        }

        private static string FieldKey(FieldReference field) => field.DeclaringType.GetElementType().FullName + "::" + field.Name;

        /// <summary>Parameters (starg, ldarga) and own fields (stfld, ldflda) the method may change.</summary>
        private HashSet<string> Assigned(MethodDefinition method)
        {
            if (_assigned.TryGetValue(method, out var names)) return names;
            names = new HashSet<string>();
            foreach (var ins in method.Body.Instructions)
            {
                switch (ins.OpCode.Code)
                {
                    case Code.Starg: case Code.Starg_S: case Code.Ldarga: case Code.Ldarga_S:
                        if (ins.Operand is ParameterDefinition p) names.Add(p.Name);
                        break;
                    case Code.Stfld: case Code.Ldflda:
                        if (ins.Operand is FieldReference f && f.FieldType.MetadataType == MetadataType.Boolean) names.Add(FieldKey(f));
                        break;
                }
            }
            _assigned[method] = names;
            return names;
        }
    }
}

using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Every value a field or a parameter can hold, where its own code is all that can write it: a private field, a
    /// field of a type the compiler generated (a local hoisted into an async state machine or captured by a lambda, a
    /// parameter copied into one), the parameter of a private method or of a local function. Such a member is only
    /// reachable inside the top-level type that holds it, so that type's methods show every store and every call. A
    /// field whose address is taken, a method whose address is taken (a delegate), a parameter the method assigns
    /// itself, and a virtual method (an explicit interface implementation is private) have no known values.
    /// </summary>
    internal static class KnownValues
    {
        /// <summary>A value: the method it is pushed in, and the instruction that pushes it (null where unknown).</summary>
        public readonly struct Value
        {
            public Value(MethodDefinition method, Instruction? producer)
            {
                Method = method;
                Producer = producer;
            }

            public MethodDefinition Method { get; }

            public Instruction? Producer { get; }
        }

        /// <summary>The values stored into <paramref name="reference"/>; null when code elsewhere could write it too.</summary>
        public static IReadOnlyList<Value>? OfField(FieldReference reference)
        {
            var field = reference as FieldDefinition ?? reference.Resolve();
            // A readonly field is written only by its own type's constructors, whatever its access.
            if (field == null || !(field.IsPrivate || field.IsInitOnly || Visibility.InGeneratedType(field.DeclaringType))) return null;
            var writes = Writes.In(field.DeclaringType);
            if (writes.AddressTaken.Contains(field)) return null;
            return writes.Stores.TryGetValue(field, out var list) ? list : (IReadOnlyList<Value>)System.Array.Empty<Value>();
        }

        /// <summary>
        /// The values a load can read, where they are all in sight: a local's stores, a parameter's arguments
        /// (<see cref="OfParameter"/>), a field's stores (<see cref="OfField"/>); null for <c>this</c>, any other load, a
        /// local whose address is taken, or a store whose value is not known.
        /// </summary>
        public static IReadOnlyList<Value>? OfLoad(MethodDefinition method, Instruction load)
        {
            var code = load.OpCode.Code;
            if (Il.IsLdloc(code))
            {
                if (!(Receivers.Local(method, load) is VariableDefinition local) || !(Receivers.Stores(method, local) is IReadOnlyList<Instruction> stores)) return null;
                var values = new List<Value>();
                foreach (var store in stores)
                {
                    if (!(Receivers.Operands(method.Body, store, 0) is IReadOnlyList<Instruction> producers)) return null;
                    foreach (var producer in producers) values.Add(new Value(method, producer));
                }
                return values;
            }
            if (Il.IsLdarg(code)) return Il.ParameterOf(method, load) is ParameterDefinition parameter ? OfParameter(method, parameter) : null;
            if (code == Code.Ldfld || code == Code.Ldsfld) return OfField((FieldReference)load.Operand);
            return null;
        }

        /// <summary>
        /// The arguments every call passes for <paramref name="parameter"/> of <paramref name="method"/>; null when code
        /// elsewhere could call it, or it assigns the parameter itself.
        /// </summary>
        public static IReadOnlyList<Value>? OfParameter(MethodDefinition method, ParameterDefinition parameter)
        {
            if (method.IsVirtual || !method.HasBody || parameter.ParameterType.IsByReference) return null;
            if (!(method.IsPrivate || (method.IsAssembly && DisplayName.IsCompilerGenerated(method.Name)))) return null;
            if (Il.Assigns(method, parameter)) return null;
            var writes = Writes.In(method.DeclaringType);
            if (writes.AddressTaken.Contains(method)) return null;
            if (!writes.Calls.TryGetValue(method, out var calls)) return System.Array.Empty<Value>();
            int slot = parameter.Index + (method.HasThis ? 1 : 0);
            var values = new List<Value>(calls.Count);
            foreach (var (caller, call) in calls)
            {
                int count = method.Parameters.Count + (method.HasThis && call.OpCode.Code != Code.Newobj ? 1 : 0);
                int position = call.OpCode.Code == Code.Newobj ? parameter.Index : slot;
                AddEach(values, caller, Receivers.Operands(caller.Body, call, count - 1 - position));
            }
            return values;
        }

        /// <summary>One value per instruction that may push it (each side of <c>copy ? new MemoryStream() : null</c>), or one unknown.</summary>
        private static void AddEach(List<Value> values, MethodDefinition method, IReadOnlyList<Instruction>? producers)
        {
            if (producers == null) values.Add(new Value(method, null));
            else foreach (var producer in producers) values.Add(new Value(method, producer));
        }

        /// <summary>The stores, calls and address-takings in one top-level type and the types nested in it.</summary>
        private sealed class Writes
        {
            public readonly Dictionary<FieldDefinition, List<Value>> Stores = new Dictionary<FieldDefinition, List<Value>>();
            public readonly Dictionary<MethodDefinition, List<(MethodDefinition, Instruction)>> Calls = new Dictionary<MethodDefinition, List<(MethodDefinition, Instruction)>>();
            public readonly HashSet<IMemberDefinition> AddressTaken = new HashSet<IMemberDefinition>();

            private static readonly ConditionalWeakTable<TypeDefinition, Writes> ByTopLevelType = new ConditionalWeakTable<TypeDefinition, Writes>();

            public static Writes In(TypeDefinition type)
            {
                while (type.DeclaringType != null) type = type.DeclaringType;
                return ByTopLevelType.GetValue(type, Collect);
            }

            private static Writes Collect(TypeDefinition top)
            {
                var found = new Writes();
                var types = new Stack<TypeDefinition>();
                types.Push(top);
                while (types.Count > 0)
                {
                    var type = types.Pop();
                    foreach (var nested in type.NestedTypes) types.Push(nested);
                    foreach (var method in type.Methods)
                        if (method.HasBody)
                            foreach (var ins in method.Body.Instructions) found.Note(method, ins, top.Module);
                }
                return found;
            }

            private void Note(MethodDefinition method, Instruction ins, ModuleDefinition module)
            {
                switch (ins.OpCode.Code)
                {
                    case Code.Stfld: case Code.Stsfld:
                        if (Own(ins.Operand as FieldReference, module) is FieldDefinition stored)
                        {
                            if (!Stores.TryGetValue(stored, out var list)) Stores[stored] = list = new List<Value>();
                            AddEach(list, method, Receivers.Operands(method.Body, ins, 0));
                        }
                        break;
                    case Code.Ldflda: case Code.Ldsflda:
                        if (Own(ins.Operand as FieldReference, module) is FieldDefinition addressed)
                        {
                            // Interlocked.Exchange(ref f, v), CompareExchange(ref f, v, c) and Volatile.Write(ref f, v) store v.
                            if (AtomicStore(method, ins) is Instruction call)
                            {
                                if (!Stores.TryGetValue(addressed, out var stores)) Stores[addressed] = stores = new List<Value>();
                                int count = ((MethodReference)call.Operand).Parameters.Count;
                                AddEach(stores, method, Receivers.Operands(method.Body, call, count - 2));
                            }
                            else AddressTaken.Add(addressed);
                        }
                        break;
                    case Code.Call: case Code.Callvirt: case Code.Newobj:
                        if (Own(ins.Operand as MethodReference, module) is MethodDefinition called)
                        {
                            if (!Calls.TryGetValue(called, out var calls)) Calls[called] = calls = new List<(MethodDefinition, Instruction)>();
                            calls.Add((method, ins));
                        }
                        break;
                    case Code.Ldftn: case Code.Ldvirtftn:
                        if (Own(ins.Operand as MethodReference, module) is MethodDefinition pointed) AddressTaken.Add(pointed);
                        break;
                }
            }

            /// <summary>The Interlocked or Volatile call that takes this field address as its first argument and stores its second.</summary>
            private static Instruction? AtomicStore(MethodDefinition method, Instruction address)
            {
                var ins = address.Next;
                for (int budget = 8; ins != null && budget-- > 0; ins = ins.Next)
                {
                    if (ins.OpCode.FlowControl == FlowControl.Branch || ins.OpCode.FlowControl == FlowControl.Cond_Branch) return null;
                    if (ins.OpCode.Code != Code.Call || !(ins.Operand is MethodReference m)) continue;
                    string type = m.DeclaringType.FullName;
                    bool store = type == "System.Threading.Interlocked" && (m.Name == "Exchange" || m.Name == "CompareExchange") ||
                                 type == "System.Threading.Volatile" && m.Name == "Write";
                    if (!store || m.Parameters.Count < 2) return null;
                    return Receivers.Producer(method.Body, ins, m.Parameters.Count - 1) == address ? ins : null;
                }
                return null;
            }

            /// <summary>The definition a reference names, when it is in this module (resolving nothing elsewhere).</summary>
            private static IMemberDefinition? Own(MemberReference? reference, ModuleDefinition module)
            {
                if (reference == null) return null;
                if (reference is IMemberDefinition definition) return definition;
                if (!(reference.DeclaringType?.Scope is ModuleDefinition scope) || scope != module) return null;
                return reference is MethodReference m ? (IMemberDefinition?)m.Resolve() : ((FieldReference)reference).Resolve();
            }
        }
    }
}

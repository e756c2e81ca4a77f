using System.Linq;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Adding to a <c>BlockingCollection</c> made without a bounded capacity never waits: only a bounded one makes
    /// <c>Add</c> wait for room (its <c>Take</c> still waits for an item). The collection is a private field whose every
    /// store in its class is <c>new BlockingCollection&lt;T&gt;()</c>, one over a given collection
    /// (<c>new BlockingCollection&lt;T&gt;(queue)</c>) or null — Azure Storage DataMovement's <c>TransferScheduler</c>
    /// queues its controllers so. Or the collection is handed down from where one is made so: a local, a private method's
    /// parameter (every caller's argument), a field of a type the compiler generated (an async method's hoisted parameter,
    /// a lambda's capture) — ARSoft.Tools.Net's parallel DNS queries add their answers to the one their caller made. A
    /// capacity in any store, or a field or parameter others can store, still warns.
    /// </summary>
    internal static class UnboundedCollections
    {
        private static readonly ConditionalWeakTable<FieldDefinition, object> Verdicts = new ConditionalWeakTable<FieldDefinition, object>();

        private static readonly ConditionalWeakTable<FieldDefinition, object> DictionaryVerdicts = new ConditionalWeakTable<FieldDefinition, object>();

        public static bool Adds(MethodDefinition method, Instruction call, MethodReference target)
        {
            if (target.Name != "Add" && target.Name != "TryAdd" || !target.HasThis || !IsCollection(target.DeclaringType)) return false;
            if (!(Receivers.Producer(method.Body, call, target.Parameters.Count) is Instruction load)) return false;
            // One of a private dictionary's values: WorkflowCore keeps a queue per kind, _queues[queue].Add(id).
            if (load.OpCode.FlowControl == FlowControl.Call && load.Operand is MethodReference getter && getter.Name == "get_Item" &&
                getter.HasThis && getter.Parameters.Count == 1 && IsDictionary(getter.DeclaringType))
                return PrivateField(method, Receivers.Producer(method.Body, load, 1)) is FieldDefinition dictionary &&
                       (bool)DictionaryVerdicts.GetValue(dictionary, f => OnlyUnboundedValues(f));
            if (PrivateField(method, load) is FieldDefinition field && (bool)Verdicts.GetValue(field, f => OnlyUnbounded(f))) return true;
            return HandedUnbounded(method, load, 0);
        }

        private const int MaxDepth = 8;

        /// <summary>
        /// Whether every value that reaches <paramref name="value"/> is a collection made without a capacity: through the
        /// stores of a local, the arguments of a private method's callers, the stores of a field only its own code writes
        /// (<see cref="KnownValues"/>).
        /// </summary>
        private static bool HandedUnbounded(MethodDefinition method, Instruction? value, int depth)
        {
            if (value == null || depth > MaxDepth) return false;
            if (MadeUnbounded(value)) return true;
            return KnownValues.OfLoad(method, value) is { Count: > 0 } values && values.All(v => HandedUnbounded(v.Method, v.Producer, depth + 1));
        }

        /// <summary>The private field of this module a load reads; null for anything else.</summary>
        private static FieldDefinition? PrivateField(MethodDefinition method, Instruction? load)
        {
            if (load == null || (load.OpCode.Code != Code.Ldfld && load.OpCode.Code != Code.Ldsfld) || !(load.Operand is FieldReference reference)) return null;
            FieldDefinition? field;
            try { field = reference.Resolve(); }
            catch (AssemblyResolutionException) { return null; }
            return field != null && field.IsPrivate && field.Module == method.Module ? field : null;
        }

        private static bool IsDictionary(TypeReference type) =>
            type.Name == "Dictionary`2" && type.Namespace == "System.Collections.Generic" ||
            type.Name == "ConcurrentDictionary`2" && type.Namespace == "System.Collections.Concurrent";

        private static bool IsCollection(TypeReference type) =>
            type.Name == "BlockingCollection`1" && type.Namespace == "System.Collections.Concurrent";

        private static bool OnlyUnbounded(FieldDefinition field)
        {
            bool made = false;
            foreach (var (method, uses) in PrivateFieldUses.ByMethod(field))
                foreach (var ins in uses)
                {
                    if (ins.OpCode.Code == Code.Ldflda || ins.OpCode.Code == Code.Ldsflda) return false; // stored through its address
                    if (ins.OpCode.Code != Code.Stfld && ins.OpCode.Code != Code.Stsfld) continue;
                    var value = Receivers.Producer(method.Body, ins, 0);
                    if (value?.OpCode.Code == Code.Ldnull) continue;
                    if (!MadeUnbounded(value)) return false;
                    made = true;
                }
            return made;
        }

        /// <summary>
        /// Whether every value a private dictionary field ever holds is a collection made without a capacity: the field
        /// holds null or a new, empty dictionary, and its class only reads it or stores unbounded collections into it —
        /// through the initializer's indexer or <c>Add</c>, or later — never hands it out.
        /// </summary>
        private static bool OnlyUnboundedValues(FieldDefinition field)
        {
            bool made = false;
            foreach (var (method, uses) in PrivateFieldUses.ByMethod(field))
                foreach (var ins in uses)
                {
                    switch (ins.OpCode.Code)
                    {
                        case Code.Stfld: case Code.Stsfld:
                            var value = Receivers.Producer(method.Body, ins, 0);
                            if (value?.OpCode.Code == Code.Ldnull) continue;
                            if (value?.OpCode.Code != Code.Newobj || !(value.Operand is MethodReference ctor) || !IsDictionary(ctor.DeclaringType) ||
                                !EmptyDictionary(ctor) || !OnlyFilledUnbounded(method, value, ins)) return false;
                            made = true;
                            break;
                        case Code.Ldfld: case Code.Ldsfld:
                            if (!(DictionaryCallOn(method, ins) is Instruction call) || !KeepsUnbounded(method, call)) return false;
                            break;
                        default:
                            return false; // its address taken
                    }
                }
            return made;
        }

        /// <summary>A dictionary constructor that starts it empty: no arguments, a capacity or a comparer.</summary>
        private static bool EmptyDictionary(MethodReference ctor)
        {
            foreach (var parameter in ctor.Parameters)
                if (parameter.ParameterType.MetadataType != MetadataType.Int32 && !parameter.ParameterType.Name.StartsWith("IEqualityComparer", System.StringComparison.Ordinal))
                    return false;
            return true;
        }

        /// <summary>Whether a new dictionary, until it is stored, is only filled with unbounded collections (an initializer's <c>dup</c>s).</summary>
        private static bool OnlyFilledUnbounded(MethodDefinition method, Instruction made, Instruction store)
        {
            for (var ins = made.Next; ins != null && ins != store; ins = ins.Next)
            {
                if (ins.OpCode.FlowControl != FlowControl.Call || !(ins.Operand is MethodReference called) || !called.HasThis) continue;
                if (Receivers.Producer(method.Body, ins, called.Parameters.Count) == made && !KeepsUnbounded(method, ins)) return false;
                for (int i = 0; i < called.Parameters.Count; i++)
                    if (Receivers.Producer(method.Body, ins, i) == made) return false; // handed out
            }
            return true;
        }

        /// <summary>The dictionary call a load of the field is the receiver of, in the few instructions after it; null otherwise.</summary>
        private static Instruction? DictionaryCallOn(MethodDefinition method, Instruction load)
        {
            var ins = load.Next;
            for (int step = 0; ins != null && step < 8; step++, ins = ins.Next)
            {
                if (ins.OpCode.FlowControl != FlowControl.Call || !(ins.Operand is MethodReference called)) continue;
                if (called.HasThis && IsDictionary(called.DeclaringType) && Receivers.Producer(method.Body, ins, called.Parameters.Count) == load)
                    return ins;
            }
            return null;
        }

        /// <summary>A dictionary call that reads, removes, or stores a collection made without a capacity.</summary>
        private static bool KeepsUnbounded(MethodDefinition method, Instruction call)
        {
            var called = (MethodReference)call.Operand;
            switch (called.Name)
            {
                case "get_Item": case "TryGetValue": case "ContainsKey": case "ContainsValue": case "get_Count": case "get_Keys":
                case "get_Values": case "GetEnumerator": case "Remove": case "TryRemove": case "Clear": case "get_IsEmpty":
                    return true;
                case "set_Item": case "Add": case "TryAdd":
                    return called.Parameters.Count == 2 && MadeUnbounded(Receivers.Producer(method.Body, call, 0));
                default:
                    return false;
            }
        }

        /// <summary><c>new BlockingCollection&lt;T&gt;()</c> or <c>new BlockingCollection&lt;T&gt;(collection)</c>: no capacity given.</summary>
        private static bool MadeUnbounded(Instruction? value) =>
            value?.OpCode.Code == Code.Newobj && value.Operand is MethodReference ctor && IsCollection(ctor.DeclaringType) &&
            (ctor.Parameters.Count == 0 ||
             ctor.Parameters.Count == 1 && ctor.Parameters[0].ParameterType.MetadataType != MetadataType.Int32);
    }
}

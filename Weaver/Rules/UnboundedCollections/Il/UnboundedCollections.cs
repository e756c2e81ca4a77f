using System.Collections.Generic;
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
    /// queues its controllers so. A capacity in any store, or a field others can store, still warns.
    /// </summary>
    internal static class UnboundedCollections
    {
        private static readonly ConditionalWeakTable<FieldDefinition, object> Verdicts = new ConditionalWeakTable<FieldDefinition, object>();

        public static bool Adds(MethodDefinition method, Instruction call, MethodReference target)
        {
            if (target.Name != "Add" && target.Name != "TryAdd" || !target.HasThis || !IsCollection(target.DeclaringType)) return false;
            if (!(Receivers.Producer(method.Body, call, target.Parameters.Count) is Instruction load) ||
                (load.OpCode.Code != Code.Ldfld && load.OpCode.Code != Code.Ldsfld) || !(load.Operand is FieldReference reference)) return false;
            FieldDefinition? field;
            try { field = reference.Resolve(); }
            catch (AssemblyResolutionException) { return false; }
            if (field == null || !field.IsPrivate || field.Module != method.Module) return false;
            return (bool)Verdicts.GetValue(field, f => OnlyUnbounded(f));
        }

        private static bool IsCollection(TypeReference type) =>
            type.Name == "BlockingCollection`1" && type.Namespace == "System.Collections.Concurrent";

        private static bool OnlyUnbounded(FieldDefinition field)
        {
            // A private field is written only in its class and the types nested in it (closures, state machines).
            var types = new Stack<TypeDefinition>();
            types.Push(field.DeclaringType);
            bool made = false;
            while (types.Count > 0)
            {
                var type = types.Pop();
                foreach (var nested in type.NestedTypes) types.Push(nested);
                foreach (var method in type.Methods)
                {
                    if (!method.HasBody) continue;
                    foreach (var ins in method.Body.Instructions)
                    {
                        if (!(ins.Operand is FieldReference used) || used.Name != field.Name || !Il.SameField(used, field)) continue;
                        if (ins.OpCode.Code == Code.Ldflda || ins.OpCode.Code == Code.Ldsflda) return false; // stored through its address
                        if (ins.OpCode.Code != Code.Stfld && ins.OpCode.Code != Code.Stsfld) continue;
                        var value = Receivers.Producer(method.Body, ins, 0);
                        if (value?.OpCode.Code == Code.Ldnull) continue;
                        if (!MadeUnbounded(value)) return false;
                        made = true;
                    }
                }
            }
            return made;
        }

        /// <summary><c>new BlockingCollection&lt;T&gt;()</c> or <c>new BlockingCollection&lt;T&gt;(collection)</c>: no capacity given.</summary>
        private static bool MadeUnbounded(Instruction? value) =>
            value?.OpCode.Code == Code.Newobj && value.Operand is MethodReference ctor && IsCollection(ctor.DeclaringType) &&
            (ctor.Parameters.Count == 0 ||
             ctor.Parameters.Count == 1 && ctor.Parameters[0].ParameterType.MetadataType != MetadataType.Int32);
    }
}

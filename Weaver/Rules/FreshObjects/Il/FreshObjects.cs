using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// A new object's fields hold their defaults until its own code stores them. A constructor that calls a setter on
    /// <c>this</c> (Firebird's <c>FbCommand(cmdText, connection, transaction)</c> runs <c>Connection = connection</c>,
    /// whose <c>if (_connection != null &amp;&amp; …) Release();</c> releases a previous connection's statement) runs
    /// that setter on an object with no connection: the test is false, and the blocking release behind it cannot run on
    /// a path that makes the object. The path carries the object's class and which of its fields are still default
    /// (<see cref="FreshFields"/>): all of them at <c>newobj</c>, then into each method run on <c>this</c> less those
    /// stored before the call — by the method itself, or inside a method it ran on <c>this</c> first (read the same
    /// way, so a release its own test rules out stores nothing). Once <c>this</c> is handed anywhere else (an argument,
    /// a field, a method of another assembly) nothing is known. A method with a loop is read as storing, before any of
    /// its instructions, everything it stores anywhere.
    /// </summary>
    internal static class FreshObjects
    {
        /// <summary>The object <paramref name="callee"/> runs on, made on this path, when <paramref name="call"/> of <paramref name="caller"/> runs it; null when nothing is known.</summary>
        public static FreshFields? Entering(MethodDefinition caller, FreshFields? known, Instruction call, MethodDefinition callee)
        {
            if (!callee.HasThis || !callee.HasBody || callee.DeclaringType.IsValueType) return null;
            if (call.OpCode.Code == Code.Newobj)
            {
                if (!callee.IsConstructor) return null;
                var tested = TestedDeep(callee, callee.DeclaringType);
                return tested.Count == 0 ? null : FreshFields.Of(callee.DeclaringType, InstanceFields(callee.DeclaringType).Where(tested.Contains));
            }
            if (known == null || !caller.HasThis || !(call.Operand is MethodReference target) ||
                Receivers.Producer(caller.Body, call, target.Parameters.Count)?.OpCode.Code != Code.Ldarg_0) return null;
            var deep = TestedDeep(callee, known.Type);
            if (deep.Count == 0) return null;
            var before = Walk(caller, known).Before(call);
            return before == null ? null : FreshFields.Of(known.Type, before.Where(deep.Contains));
        }

        /// <summary>Whether <paramref name="load"/> reads a field of <c>this</c> that still holds its default.</summary>
        public static bool ReadsDefault(MethodDefinition method, FreshFields fresh, Instruction load)
        {
            if (load.OpCode.Code != Code.Ldfld || !method.HasThis || !(Own(method, load.Operand as FieldReference) is FieldDefinition field) ||
                !fresh.Contains(field) || Receivers.Producer(method.Body, load, 0)?.OpCode.Code != Code.Ldarg_0) return false;
            return Walk(method, fresh).Before(load)?.Contains(field) == true;
        }

        /// <summary>What running a method on a new object leaves default, read in IL order.</summary>
        private sealed class Walked
        {
            /// <summary>The default fields before each live instruction (absent: dead on this path).</summary>
            public readonly Dictionary<Instruction, FieldDefinition[]> States = new Dictionary<Instruction, FieldDefinition[]>();
            /// <summary>The fields it may store; null when anything (this escaped).</summary>
            public HashSet<FieldDefinition>? Stores = new HashSet<FieldDefinition>();

            public FieldDefinition[]? Before(Instruction ins) => States.TryGetValue(ins, out var state) ? state : null;
        }

        private static readonly ConditionalWeakTable<MethodDefinition, ConcurrentDictionary<FreshFields, Walked>> Walks =
            new ConditionalWeakTable<MethodDefinition, ConcurrentDictionary<FreshFields, Walked>>();

        [System.ThreadStatic] private static HashSet<MethodDefinition>? _walking;

        private static Walked Walk(MethodDefinition method, FreshFields entry)
        {
            var byEntry = Walks.GetValue(method, _ => new ConcurrentDictionary<FreshFields, Walked>());
            if (byEntry.TryGetValue(entry, out var done)) return done;
            var walking = _walking ??= new HashSet<MethodDefinition>();
            // A method that runs itself on this again: read as storing anything (not kept, the cycle's answer is partial).
            if (!walking.Add(method)) return new Walked { Stores = null };
            try { return byEntry.GetOrAdd(entry, WalkOnce(method, entry)); }
            finally { walking.Remove(method); }
        }

        private static Walked WalkOnce(MethodDefinition method, FreshFields entry)
        {
            var walked = new Walked();
            var body = method.Body;
            var facts = Of(method);
            var state = new HashSet<FieldDefinition>(entry.Fields);
            if (facts.HasLoop)
            {
                // No order to go by: everything the method stores anywhere counts from its first instruction.
                foreach (var ins in body.Instructions)
                    if (facts.Events.TryGetValue(ins, out var e)) Apply(e, null);
                var all = state.ToArray();
                foreach (var ins in body.Instructions) walked.States[ins] = all;
                return walked;
            }
            var live = new HashSet<Instruction> { body.Instructions[0] };
            // One array per state, shared by the instructions it holds before (most events change nothing tested).
            var snapshot = state.ToArray();
            foreach (var ins in body.Instructions)
            {
                foreach (var handler in body.ExceptionHandlers)
                    if (handler.TryStart == ins && live.Contains(ins))
                    {
                        live.Add(handler.HandlerStart);
                        if (handler.FilterStart != null) live.Add(handler.FilterStart);
                    }
                if (!live.Contains(ins)) continue;
                walked.States[ins] = snapshot;
                if (facts.Events.TryGetValue(ins, out var e))
                {
                    int before = state.Count;
                    Apply(e, ins);
                    if (state.Count != before) snapshot = state.ToArray();
                }
                if (Decided(ins) is bool jumps)
                    live.Add(jumps ? (Instruction)ins.Operand : ins.Next);
                else
                    foreach (var next in Il.Successors(ins)) live.Add(next);
            }
            return walked;

            void Apply(Event e, Instruction? at)
            {
                if (walked.Stores == null) return;
                if (e.Field != null)
                {
                    state.Remove(e.Field);
                    walked.Stores.Add(e.Field);
                    return;
                }
                var callee = e.Callee ?? (e.Virtual != null ? Implementation(entry.Type, e.Virtual) : null);
                HashSet<FieldDefinition>? stores = null;
                if (callee != null)
                {
                    if (!callee.HasBody) stores = callee.IsConstructor ? new HashSet<FieldDefinition>() : null;
                    else
                    {
                        var known = at == null ? null : FreshFields.Of(entry.Type, state.Where(TestedDeep(callee, entry.Type).Contains));
                        stores = known == null ? AllStores(callee) : Walk(callee, known).Stores;
                    }
                }
                if (stores == null)
                {
                    state.Clear();
                    walked.Stores = null;
                    return;
                }
                state.ExceptWith(stores);
                walked.Stores.UnionWith(stores);
            }

            // A branch on a field still default goes one way: brtrue never jumps, brfalse always does.
            bool? Decided(Instruction branch)
            {
                if (!(BranchConditions.JumpsWhen(branch) is bool onTrue)) return null;
                var tested = BranchConditions.Tested(method, branch, out bool negated);
                if (tested == null || tested.OpCode.Code != Code.Ldfld || !(Own(method, tested.Operand as FieldReference) is FieldDefinition field) ||
                    !state.Contains(field) || Receivers.Producer(body, tested, 0)?.OpCode.Code != Code.Ldarg_0) return null;
                return onTrue ^ negated ? false : true;
            }
        }

        /// <summary>The method the object's class runs for a virtual call; null when it is another assembly's.</summary>
        private static MethodDefinition? Implementation(TypeDefinition type, MethodReference called)
        {
            for (TypeDefinition? t = type; t != null && t.Module == type.Module; t = Base(t))
                foreach (var m in t.Methods)
                    if (m.IsVirtual && (m.Name == called.Name && Overrides.SameParameters(m, called) || m.Overrides.Any(o => o.Name == called.Name && Overrides.SameParameters(m, o))))
                        return m.HasBody ? m : null;
            return null;
        }

        /// <summary>The instance fields of the class and of its base classes in the same module.</summary>
        private static IEnumerable<FieldDefinition> InstanceFields(TypeDefinition type)
        {
            for (TypeDefinition? t = type; t != null && t.Module == type.Module; t = Base(t))
                foreach (var field in t.Fields)
                    if (!field.IsStatic) yield return field;
        }

        private static TypeDefinition? Base(TypeDefinition type)
        {
            try { return type.BaseType?.Resolve(); }
            catch (AssemblyResolutionException) { return null; }
        }

        /// <summary>What one instruction does to <c>this</c>: stores <c>Field</c>; runs <c>Callee</c> or (virtually) <c>Virtual</c> on it; or, with none, lets it escape.</summary>
        private readonly struct Event
        {
            public Event(FieldDefinition? field, MethodDefinition? callee, MethodReference? virtualCall)
            {
                Field = field; Callee = callee; Virtual = virtualCall;
            }
            public FieldDefinition? Field { get; }
            public MethodDefinition? Callee { get; }
            public MethodReference? Virtual { get; }
        }

        private static readonly Event Escape = new Event(null, null, null);

        /// <summary>What one method does with its <c>this</c>.</summary>
        private sealed class Facts
        {
            public readonly Dictionary<Instruction, Event> Events = new Dictionary<Instruction, Event>();
            public bool HasLoop;
            /// <summary>The fields of <c>this</c> a branch tests.</summary>
            public readonly HashSet<FieldDefinition> Tested = new HashSet<FieldDefinition>();
            /// <summary>The methods of this module it runs on <c>this</c>, not virtually.</summary>
            public readonly List<MethodDefinition> ThisCallees = new List<MethodDefinition>();
            /// <summary>The virtual methods it calls on <c>this</c>: which runs depends on the object's class.</summary>
            public readonly List<MethodReference> Virtuals = new List<MethodReference>();
        }

        private static readonly ConditionalWeakTable<MethodDefinition, Facts> FactsTable = new ConditionalWeakTable<MethodDefinition, Facts>();

        private static Facts Of(MethodDefinition method) => FactsTable.GetValue(method, Collect);

        private static Facts Collect(MethodDefinition method)
        {
            var facts = new Facts();
            if (!method.HasBody || !method.HasThis) return facts;
            var body = method.Body;
            foreach (var ins in body.Instructions)
            {
                if (ins.Operand is Instruction target && target.Offset <= ins.Offset ||
                    ins.Operand is Instruction[] targets && targets.Any(t => t.Offset <= ins.Offset)) facts.HasLoop = true;
                switch (ins.OpCode.Code)
                {
                    case Code.Stfld: case Code.Ldflda:
                        if (ins.OpCode.Code == Code.Stfld && IsThis(body, ins, 0)) facts.Events[ins] = Escape;
                        else if (Own(method, ins.Operand as FieldReference) is FieldDefinition stored) facts.Events[ins] = new Event(stored, null, null);
                        break;
                    case Code.Stsfld: case Code.Stloc: case Code.Stloc_S: case Code.Stloc_0: case Code.Stloc_1: case Code.Stloc_2: case Code.Stloc_3:
                    case Code.Starg: case Code.Starg_S: case Code.Stobj:
                        if (IsThis(body, ins, 0)) facts.Events[ins] = Escape;
                        break;
                    case Code.Stelem_Ref:
                        if (IsThis(body, ins, 0)) facts.Events[ins] = Escape;
                        break;
                    case Code.Brtrue: case Code.Brtrue_S: case Code.Brfalse: case Code.Brfalse_S:
                        if (BranchConditions.Tested(method, ins, out _) is Instruction load && load.OpCode.Code == Code.Ldfld &&
                            IsThis(body, load, 0) && Own(method, load.Operand as FieldReference) is FieldDefinition tested)
                            facts.Tested.Add(tested);
                        break;
                    case Code.Call: case Code.Callvirt: case Code.Newobj:
                        if (ins.Operand is MethodReference called) NoteCall(method, ins, called, facts);
                        break;
                }
            }
            return facts;
        }

        private static void NoteCall(MethodDefinition method, Instruction call, MethodReference called, Facts facts)
        {
            var body = method.Body;
            int count = called.Parameters.Count;
            for (int i = 0; i < count; i++)
                if (IsThis(body, call, i))
                {
                    facts.Events[call] = Escape;
                    return;
                }
            if (call.OpCode.Code == Code.Newobj || !called.HasThis) return;
            var receiver = Receivers.Producer(body, call, count);
            if (receiver == null ? !OnOwnType(method, called) : receiver.OpCode.Code != Code.Ldarg_0) return;
            MethodDefinition? callee = null;
            try { callee = called.Resolve(); }
            catch (AssemblyResolutionException) { }
            if (call.OpCode.Code == Code.Callvirt && (callee == null || callee.IsVirtual && !callee.IsFinal))
            {
                facts.Events[call] = new Event(null, null, called);
                facts.Virtuals.Add(called);
                return;
            }
            if (callee == null || callee.Module != method.Module || !callee.HasBody)
            {
                // Another assembly's base constructor cannot store this class's fields; any other of its methods might (through an override).
                if (!(callee?.IsConstructor ?? called.Name == ".ctor")) facts.Events[call] = Escape;
                return;
            }
            facts.ThisCallees.Add(callee);
            facts.Events[call] = new Event(null, callee, null);
        }

        /// <summary>Whether a call with an unknown receiver targets a method of the caller's own class or its bases (it may be on <c>this</c>).</summary>
        private static bool OnOwnType(MethodDefinition method, MethodReference called)
        {
            var name = called.DeclaringType.GetElementType().FullName;
            for (TypeDefinition? t = method.DeclaringType; t != null && t.Module == method.Module; t = Base(t))
                if (t.FullName == name) return true;
            return false;
        }

        private static bool IsThis(MethodBody body, Instruction consumer, int above) =>
            Receivers.Producer(body, consumer, above)?.OpCode.Code == Code.Ldarg_0;

        private static FieldDefinition? Own(MethodDefinition method, FieldReference? reference)
        {
            if (reference == null) return null;
            if (reference is FieldDefinition definition) return definition.IsStatic ? null : definition;
            try { return reference.Resolve() is FieldDefinition f && !f.IsStatic && f.Module == method.Module ? f : null; }
            catch (AssemblyResolutionException) { return null; }
        }

        private static readonly ConditionalWeakTable<MethodDefinition, ConcurrentDictionary<TypeDefinition, HashSet<FieldDefinition>>> TestedTable =
            new ConditionalWeakTable<MethodDefinition, ConcurrentDictionary<TypeDefinition, HashSet<FieldDefinition>>>();

        /// <summary>The fields of <c>this</c> the method tests, or a method it runs on <c>this</c> (an object of class <paramref name="type"/>) does, however deep.</summary>
        private static HashSet<FieldDefinition> TestedDeep(MethodDefinition method, TypeDefinition type) =>
            TestedTable.GetValue(method, _ => new ConcurrentDictionary<TypeDefinition, HashSet<FieldDefinition>>()).GetOrAdd(type, t =>
            {
                var found = new HashSet<FieldDefinition>();
                foreach (var reached in Closure(method, t)) found.UnionWith(Of(reached).Tested);
                return found;
            });

        private static readonly ConditionalWeakTable<MethodDefinition, object> StoresTable = new ConditionalWeakTable<MethodDefinition, object>();
        private static readonly object Anything = new object();

        /// <summary>Every field of <c>this</c> the method may store, itself or in what it runs on <c>this</c>, on any path; null when anything.</summary>
        private static HashSet<FieldDefinition>? AllStores(MethodDefinition method) =>
            StoresTable.GetValue(method, m =>
            {
                var found = new HashSet<FieldDefinition>();
                foreach (var reached in Closure(m, null))
                    foreach (var e in Of(reached).Events.Values)
                    {
                        // An escape, or a virtual call whose override is not known without the object's class.
                        if (e.Field != null) found.Add(e.Field);
                        else if (e.Callee == null) return Anything;
                    }
                return found;
            }) as HashSet<FieldDefinition>;

        /// <summary>
        /// The method and every method of this module it runs on <c>this</c>, however deep, each once; a virtual call's
        /// only when the object's class is known.
        /// </summary>
        private static IEnumerable<MethodDefinition> Closure(MethodDefinition method, TypeDefinition? type)
        {
            var seen = new HashSet<MethodDefinition> { method };
            var pending = new Stack<MethodDefinition>();
            pending.Push(method);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                yield return current;
                var facts = Of(current);
                foreach (var callee in facts.ThisCallees)
                    if (seen.Add(callee)) pending.Push(callee);
                if (type != null)
                    foreach (var called in facts.Virtuals)
                        if (Implementation(type, called) is MethodDefinition implementation && seen.Add(implementation)) pending.Push(implementation);
            }
        }
    }
}

using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// What the IL shows about the object an instance call is made on: the instruction that loaded it, and whether it
    /// is known to be an in-memory object — a local, argument, field or new object whose own type never blocks
    /// (<c>MemoryStream</c>, <c>StringReader</c>…, or a stream type of the module whose code shows it: <see cref="StreamTypes"/>),
    /// a wrapper (<c>StreamReader</c>, <c>GZipStream</c>…, any stream that only wraps what it is handed) constructed over
    /// one, a stream another assembly's factory builds over one, or a cast of one; also through a local that is
    /// assigned once, or a field or parameter that only its own code writes or passes (<see cref="KnownValues"/>), and
    /// only with such values; and, on a call path, a parameter the path passes an in-memory stream (<c>assumed</c>).
    /// The C# compiler emits a virtual call against the member's first declaration (<c>Stream.Read</c>), so the receiver
    /// is where the concrete type shows.
    /// </summary>
    internal static class Receivers
    {
        private const int MaxSteps = 64;

        /// <summary>Whether the receiver of <paramref name="call"/> (an instance call) is known to be in memory.</summary>
        public static bool InMemory(MethodDefinition method, Instruction call, StreamTypes streams, System.Func<MethodDefinition, ParameterDefinition, bool>? assumed = null)
        {
            if (!(call.Operand is MethodReference target) || !target.HasThis) return false;
            return OperandInMemory(method, call, target.Parameters.Count, streams, 0, assumed) == Found.InMemory;
        }

        /// <summary>
        /// Whether a call on an in-memory receiver stays in memory: <c>CopyTo</c> also writes its destination, which must be
        /// in memory too.
        /// </summary>
        public static bool StaysInMemory(MethodDefinition method, Instruction call, StreamTypes streams, System.Func<MethodDefinition, ParameterDefinition, bool>? assumed = null)
        {
            if (!InMemory(method, call, streams, assumed)) return false;
            var target = (MethodReference)call.Operand;
            if (target.Name != "CopyTo" || target.Parameters.Count == 0) return true;
            return OperandInMemory(method, call, target.Parameters.Count - 1, streams, 0, assumed) == Found.InMemory;
        }

        /// <summary>
        /// Whether the value a call passes <paramref name="above"/> slots below the top of the stack (an argument) is an
        /// in-memory stream, or null.
        /// </summary>
        public static bool InMemoryArgument(MethodDefinition method, Instruction call, int above, StreamTypes streams,
            System.Func<MethodDefinition, ParameterDefinition, bool>? assumed)
        {
            return OperandInMemory(method, call, above, streams, 0, assumed) != Found.No;
        }

        private enum Found { No, InMemory, OnlyNull }

        /// <summary>
        /// Whether every value that may be <paramref name="above"/> slots below the top of the stack as
        /// <paramref name="consumer"/> runs (one, or each side of a conditional expression) is in memory or null:
        /// <see cref="Found.OnlyNull"/> when null is all it can be.
        /// </summary>
        private static Found OperandInMemory(MethodDefinition method, Instruction consumer, int above, StreamTypes streams, int depth, System.Func<MethodDefinition, ParameterDefinition, bool>? assumed)
        {
            var producers = Operands(method.Body, consumer, above);
            if (producers == null) return Found.No;
            bool any = false;
            foreach (var producer in producers)
            {
                if (producer.OpCode.Code == Code.Ldnull) continue;
                if (!InMemoryValue(method, producer, streams, depth, assumed)) return Found.No;
                any = true;
            }
            return any ? Found.InMemory : Found.OnlyNull;
        }

        private static bool InMemoryValue(MethodDefinition method, Instruction producer, StreamTypes streams, int depth, System.Func<MethodDefinition, ParameterDefinition, bool>? assumed)
        {
            if (depth > 4) return false;
            switch (producer.OpCode.Code)
            {
                case Code.Newobj:
                {
                    var ctor = (MethodReference)producer.Operand;
                    if (streams.InMemoryExactly(ctor.DeclaringType)) return true;
                    if (Catalog.StreamWrappers.Types.Contains(ctor.DeclaringType.GetElementType().FullName))
                    {
                        if (ctor.Parameters.Count > 0 && Catalog.StreamWrappers.IsBufferWriter(ctor.Parameters[0].ParameterType.GetElementType().FullName)) return true;
                        return ctor.Parameters.Count > 0 && OperandInMemory(method, producer, ctor.Parameters.Count - 1, streams, depth + 1, assumed) == Found.InMemory;
                    }
                    // A class of the module holding what it is handed (StreamHolders): everything it can hold must be in memory.
                    return streams.OnlyWraps(ctor.DeclaringType) &&
                           StreamArgumentsInMemory(method, producer, ctor, streams, depth, assumed, carriers: !streams.IsStream(ctor.DeclaringType));
                }
                case Code.Ldloc: case Code.Ldloc_S: case Code.Ldloc_0: case Code.Ldloc_1: case Code.Ldloc_2: case Code.Ldloc_3:
                {
                    var local = Local(method, producer);
                    if (local == null) return false;
                    if (streams.InMemory(local.VariableType)) return true;
                    // Every value stored into it in memory or null (a writer a loop replaces with a fresh one over memory).
                    var stores = Stores(method, local);
                    if (stores == null) return false;
                    bool any = false;
                    foreach (var store in stores)
                    {
                        var stored = OperandInMemory(method, store, 0, streams, depth + 1, assumed);
                        if (stored == Found.No) return false;
                        any |= stored == Found.InMemory;
                    }
                    return any;
                }
                case Code.Ldfld: case Code.Ldsfld:
                {
                    var field = (FieldReference)producer.Operand;
                    if (streams.InMemory(field.FieldType)) return true;
                    if (Catalog.InMemoryStreamSources.Returns(field.DeclaringType.GetElementType().FullName, field.Name)) return true;
                    return AllInMemory(KnownValues.OfField(field), streams, depth, assumed);
                }
                case Code.Ldarg: case Code.Ldarg_S: case Code.Ldarg_0: case Code.Ldarg_1: case Code.Ldarg_2: case Code.Ldarg_3:
                {
                    var parameter = Il.ParameterOf(method, producer);
                    if (parameter == null) return false; // this
                    if (streams.InMemory(parameter.ParameterType)) return true;
                    // What the call path passes (an in-memory stream handed down to a helper).
                    if (assumed != null && assumed(method, parameter)) return true;
                    return AllInMemory(KnownValues.OfParameter(method, parameter), streams, depth, assumed);
                }
                case Code.Isinst: case Code.Castclass:
                {
                    // A cast (stream is ICancellableStream c) is the same object.
                    return OperandInMemory(method, producer, 0, streams, depth + 1, assumed) == Found.InMemory;
                }
                case Code.Call: case Code.Callvirt:
                {
                    // A stream another assembly's factory builds over in-memory streams (BouncyCastle's
                    // PgpCompressedDataGenerator.Open(memory)) writes into those; this module's own methods are read: each
                    // body the call may run must return only in-memory streams.
                    var target = (MethodReference)producer.Operand;
                    if (Catalog.InMemoryStreamSources.Returns(target.DeclaringType.GetElementType().FullName, target.Name)) return true;
                    // A call declared to return a MemoryStream returns one, as a local of that type holds one.
                    if (streams.InMemory(target.ReturnType)) return true;
                    if (!target.HasThis && Catalog.StreamWrappers.IsFactory(target.DeclaringType.GetElementType().FullName, target.Name))
                        return StreamArgumentsInMemory(method, producer, target, streams, depth, assumed, text: true);
                    // An auto-property reads its backing field: what its own code stores there.
                    if (AutoPropertyField(method.Module, target) is FieldDefinition backing)
                        return AllInMemory(KnownValues.OfField(backing), streams, depth, assumed);
                    bool carrier = Catalog.StreamWrappers.CarriesStream(target.ReturnType.GetElementType().FullName);
                    if (!streams.IsStream(target.ReturnType) && !carrier) return false;
                    if (streams.DeclaredHere(target.DeclaringType)) return OwnReturnsInMemory(method, producer, target, streams, depth);
                    if (carrier) return false;
                    if (target.HasThis)
                    {
                        var receiver = Operand(method.Body, producer, target.Parameters.Count);
                        var receiverType = receiver == null ? null : StaticType(method, receiver);
                        if (receiver == null || receiverType == null) return false;
                        if (streams.IsStream(receiverType) && !InMemoryValue(method, receiver, streams, depth + 1, assumed)) return false;
                    }
                    return StreamArgumentsInMemory(method, producer, target, streams, depth, assumed);
                }
                default:
                {
                    var type = StaticType(method, producer);
                    return type != null && streams.InMemory(type);
                }
            }
        }

        /// <summary>
        /// Whether every body a call into this module may run returns only in-memory streams (or null): the method itself,
        /// or for a virtual call the implementations the receiver's declared type allows (Cosmos' LINQ translation reads
        /// back what its serializer's <c>ToStream</c> wrote into a MemoryStream). None to read (a callback the user
        /// supplies) is not in memory.
        /// </summary>
        private static bool OwnReturnsInMemory(MethodDefinition method, Instruction call, MethodReference target, StreamTypes streams, int depth)
        {
            MethodDefinition? def;
            try { def = target.Resolve(); }
            catch (AssemblyResolutionException) { return false; }
            if (def == null) return false;
            var bodies = new List<MethodDefinition>();
            if (def.HasBody) bodies.Add(def);
            if (call.OpCode.Code == Code.Callvirt && def.IsVirtual && !def.IsFinal)
            {
                var receiver = Operand(method.Body, call, target.Parameters.Count);
                var declared = receiver == null ? null : Resolved(receiver.OpCode.Code == Code.Ldarg_0 && method.HasThis ? method.DeclaringType : StaticType(method, receiver));
                var overrides = Overrides.For(def.Module);
                // The implementations related to the receiver's declared type: it, its subtypes, its bases.
                foreach (var implementation in overrides.Of(def))
                    if (declared == null || implementation.DeclaringType == declared || overrides.SupertypesOf(implementation.DeclaringType).Contains(declared) ||
                        overrides.SupertypesOf(declared).Contains(implementation.DeclaringType))
                        bodies.Add(implementation);
            }
            if (bodies.Count == 0) return false;
            foreach (var body in bodies)
            foreach (var ins in body.Body.Instructions)
            {
                if (ins.OpCode.Code != Code.Ret) continue;
                // A Debug build returns through one local each return statement stores (ldloc V; ret): each store is a return.
                if (Producer(body.Body, ins, 0) is Instruction load && Il.IsLdloc(load.OpCode.Code) && Local(body, load) is VariableDefinition local &&
                    Stores(body, local) is IReadOnlyList<Instruction> stores)
                {
                    foreach (var store in stores)
                        if (OperandInMemory(body, store, 0, streams, depth + 1, null) != Found.InMemory) return false;
                }
                else if (OperandInMemory(body, ins, 0, streams, depth + 1, null) != Found.InMemory) return false;
            }
            return true;
        }

        /// <summary>Every store into <paramref name="local"/>, or null: see <see cref="LocalStores.Of"/>.</summary>
        public static IReadOnlyList<Instruction>? Stores(MethodDefinition method, VariableDefinition local, bool addressTakenToCall = false) =>
            LocalStores.Of(method, local, addressTakenToCall);

        private static TypeDefinition? Resolved(TypeReference? type)
        {
            if (type == null || type.IsGenericParameter) return null;
            try { return type.Resolve(); }
            catch (AssemblyResolutionException) { return null; }
        }

        /// <summary>The field an instance getter of this module only returns (<c>ldarg.0; ldfld f; ret</c>, an auto-property's).</summary>
        private static FieldDefinition? AutoPropertyField(ModuleDefinition module, MethodReference target)
        {
            var getter = Il.OwnGetter(module, target);
            if (getter == null) return null;
            var body = getter.Body.Instructions;
            if (body.Count != 3 || body[0].OpCode.Code != Code.Ldarg_0 || body[1].OpCode.Code != Code.Ldfld || body[2].OpCode.Code != Code.Ret) return null;
            return (body[1].Operand as FieldReference)?.Resolve();
        }

        /// <summary>
        /// A Stream-typed field or parameter is in memory when its own code is all that writes it (see
        /// <see cref="KnownValues"/>) and every value written is in memory, or null (a call on null does no I/O).
        /// </summary>
        private static bool AllInMemory(IReadOnlyList<KnownValues.Value>? values, StreamTypes streams, int depth, System.Func<MethodDefinition, ParameterDefinition, bool>? assumed)
        {
            if (values == null || values.Count == 0) return false;
            foreach (var value in values)
                if (value.Producer == null ||
                    (value.Producer.OpCode.Code != Code.Ldnull && !InMemoryValue(value.Method, value.Producer, streams, depth + 1, assumed)))
                    return false;
            return true;
        }

        /// <summary>
        /// Whether a stream built by <paramref name="call"/> (a constructor or factory) is built over in-memory streams
        /// only: at least one argument for a Stream-typed parameter, and each such argument in memory or null.
        /// </summary>
        /// <param name="text">
        /// The factory's TextWriter and TextReader parameters count as streams too: <c>XmlWriter.Create(new StringWriter())</c>
        /// writes characters into memory.
        /// </param>
        private static bool StreamArgumentsInMemory(MethodDefinition method, Instruction call, MethodReference target, StreamTypes streams, int depth,
            System.Func<MethodDefinition, ParameterDefinition, bool>? assumed, bool text = false, bool carriers = false)
        {
            int count = target.Parameters.Count, found = 0;
            for (int i = 0; i < count; i++)
            {
                var type = target.Parameters[i].ParameterType;
                if (!streams.IsStream(type) && !(text && Catalog.StreamWrappers.IsTextCarrier(type.FullName)) && !(carriers && streams.IsCarrier(type))) continue;
                var argument = OperandInMemory(method, call, count - 1 - i, streams, depth + 1, assumed);
                if (argument == Found.No) return false;
                if (argument == Found.InMemory) found++;
            }
            return found > 0;
        }

        /// <summary>
        /// The static type of the value <paramref name="producer"/> pushes, as the IL declares it: a local's, an
        /// argument's, a field's, a call's return type or a new object's type; null for anything else (and for <c>this</c>).
        /// </summary>
        public static TypeReference? StaticType(MethodDefinition method, Instruction producer)
        {
            switch (producer.OpCode.Code)
            {
                case Code.Newobj: return ((MethodReference)producer.Operand).DeclaringType;
                case Code.Call: case Code.Callvirt:
                    var called = (MethodReference)producer.Operand;
                    return Il.Instantiated(called.ReturnType, called.DeclaringType, called);
                case Code.Ldfld: case Code.Ldsfld:
                    var field = (FieldReference)producer.Operand;
                    return Il.Instantiated(field.FieldType, field.DeclaringType, null);
                case Code.Ldloc: case Code.Ldloc_S: case Code.Ldloc_0: case Code.Ldloc_1: case Code.Ldloc_2: case Code.Ldloc_3:
                    return Local(method, producer)?.VariableType;
                case Code.Ldarg: case Code.Ldarg_S: case Code.Ldarg_0: case Code.Ldarg_1: case Code.Ldarg_2: case Code.Ldarg_3:
                    return Il.ParameterOf(method, producer)?.ParameterType;
                default: return null;
            }
        }

        /// <summary>
        /// The value stored by the only store into <paramref name="local"/>, when there is just one. A local whose address
        /// is taken may be written through it, unless <paramref name="addressTakenToCall"/> says the address only serves
        /// to call a struct's method (an awaitable's GetAwaiter).
        /// </summary>
        public static Instruction? SingleStoreValue(MethodDefinition method, VariableDefinition local, bool addressTakenToCall = false)
        {
            var store = SingleStore(method, local, addressTakenToCall);
            return store == null ? null : Producer(method.Body, store, 0);
        }

        /// <summary>The only store into <paramref name="local"/> (see <see cref="SingleStoreValue"/>), or null.</summary>
        public static Instruction? SingleStore(MethodDefinition method, VariableDefinition local, bool addressTakenToCall = false) =>
            Stores(method, local, addressTakenToCall) is { Count: 1 } stores ? stores[0] : null;

        /// <summary>The local an ldloc, ldloca or stloc names.</summary>
        public static VariableDefinition? Local(MethodDefinition method, Instruction ins)
        {
            switch (ins.OpCode.Code)
            {
                case Code.Ldloc_0: case Code.Stloc_0: return method.Body.Variables.Count > 0 ? method.Body.Variables[0] : null;
                case Code.Ldloc_1: case Code.Stloc_1: return method.Body.Variables.Count > 1 ? method.Body.Variables[1] : null;
                case Code.Ldloc_2: case Code.Stloc_2: return method.Body.Variables.Count > 2 ? method.Body.Variables[2] : null;
                case Code.Ldloc_3: case Code.Stloc_3: return method.Body.Variables.Count > 3 ? method.Body.Variables[3] : null;
                default: return ins.Operand as VariableDefinition;
            }
        }

        /// <summary>
        /// <see cref="Producer"/>, or where straight-line code does not show it (a conditional expression among the
        /// arguments), the producer every path agrees on (<see cref="StackSlots"/>).
        /// </summary>
        public static Instruction? Operand(MethodBody body, Instruction consumer, int above) =>
            Producer(body, consumer, above) ?? (StackSlots.Producers(body, consumer, above) is { Count: 1 } one ? one[0] : null);

        /// <summary>Every instruction that may push that value: <see cref="Producer"/>'s, or each path's; null where not known.</summary>
        public static IReadOnlyList<Instruction>? Operands(MethodBody body, Instruction consumer, int above) =>
            Producer(body, consumer, above) is Instruction single ? new[] { single } : StackSlots.Producers(body, consumer, above);

        /// <summary>
        /// The instruction that pushed the value <paramref name="above"/> slots below the top of the stack as
        /// <paramref name="consumer"/> runs (the receiver of a call with that many arguments), walking back over
        /// straight-line code; null where the walk meets a branch or anything it cannot account for.
        /// </summary>
        public static Instruction? Producer(MethodBody body, Instruction consumer, int above)
        {
            var targets = JoinPoints.GetValue(body, FindJoinPoints);
            if (targets.Contains(consumer)) return null;
            int depth = above;
            var ins = consumer.Previous;
            for (int step = 0; ins != null && step < MaxSteps; step++, ins = ins.Previous)
            {
                var flow = ins.OpCode.FlowControl;
                if (flow == FlowControl.Branch || flow == FlowControl.Cond_Branch || flow == FlowControl.Return || flow == FlowControl.Throw)
                    return null;
                int push = Pushes(ins), pop = Pops(ins);
                if (push < 0 || pop < 0) return null;
                // Release code keeps a value on the stack with dup instead of a local: either copy is the dup's input.
                if (depth < push) return push == 1 ? ins : ins.OpCode.Code == Code.Dup ? Producer(body, ins, 0) : null;
                // Past a join point the stack may come from another path ((a ? x : y).Read()): no single producer.
                if (targets.Contains(ins)) return null;
                depth = depth - push + pop;
            }
            return null;
        }

        /// <summary>Whether control can reach <paramref name="ins"/> from elsewhere than the instruction before it.</summary>
        public static bool IsJoinPoint(MethodBody body, Instruction ins) => JoinPoints.GetValue(body, FindJoinPoints).Contains(ins);

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MethodBody, HashSet<Instruction>> JoinPoints =
            new System.Runtime.CompilerServices.ConditionalWeakTable<MethodBody, HashSet<Instruction>>();

        private static HashSet<Instruction> FindJoinPoints(MethodBody body)
        {
            var targets = new HashSet<Instruction>();
            foreach (var ins in body.Instructions)
            {
                if (ins.Operand is Instruction target) targets.Add(target);
                else if (ins.Operand is Instruction[] cases) targets.UnionWith(cases);
            }
            foreach (var h in body.ExceptionHandlers)
            {
                if (h.HandlerStart != null) targets.Add(h.HandlerStart);
                if (h.FilterStart != null) targets.Add(h.FilterStart);
            }
            return targets;
        }

        internal static int Pushes(Instruction ins)
        {
            switch (ins.OpCode.StackBehaviourPush)
            {
                case StackBehaviour.Push0: return 0;
                case StackBehaviour.Push1_push1: return 2;
                case StackBehaviour.Varpush:
                    if (ins.OpCode.Code == Code.Newobj) return 1;
                    return ins.Operand is IMethodSignature m && m.ReturnType.MetadataType != MetadataType.Void ? 1 : 0;
                default: return 1;
            }
        }

        internal static int Pops(Instruction ins)
        {
            switch (ins.OpCode.StackBehaviourPop)
            {
                case StackBehaviour.Pop0: return 0;
                case StackBehaviour.Pop1: case StackBehaviour.Popi: case StackBehaviour.Popref: return 1;
                case StackBehaviour.Pop1_pop1: case StackBehaviour.Popi_pop1: case StackBehaviour.Popi_popi: case StackBehaviour.Popi_popi8:
                case StackBehaviour.Popi_popr4: case StackBehaviour.Popi_popr8: case StackBehaviour.Popref_pop1: case StackBehaviour.Popref_popi:
                    return 2;
                case StackBehaviour.Popi_popi_popi: case StackBehaviour.Popref_popi_popi: case StackBehaviour.Popref_popi_popi8:
                case StackBehaviour.Popref_popi_popr4: case StackBehaviour.Popref_popi_popr8: case StackBehaviour.Popref_popi_popref:
                    return 3;
                case StackBehaviour.Varpop:
                    if (!(ins.Operand is IMethodSignature m)) return -1;
                    if (ins.OpCode.Code == Code.Calli) return -1;
                    return m.Parameters.Count + (m.HasThis && ins.OpCode.Code != Code.Newobj ? 1 : 0);
                default: return -1;
            }
        }
    }
}

using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// Branches that pick between a method's sync and async modes on a flag nobody on the path decides: one side awaits
    /// (or hands back a pending task) and the other does not, and the condition is a bare mode value — a <c>bool</c> or
    /// enum parameter, a field of the method's object or closure, compared with a constant at most
    /// (<c>if (async) await s.ReadAsync(…) else s.Read(…)</c>, <c>ioBehavior == IOBehavior.Asynchronous ? await … : …</c>,
    /// <c>if (_asyncWrite) … else …</c>). Code reached on an async path runs the async side; the sync side is the sync
    /// API's. Real libraries (Azure SDK, MySqlConnector, Microsoft.Data.SqlClient, Elastic) reach such methods through
    /// virtual calls, other assemblies and fields, where no caller's value can be followed.
    /// </summary>
    internal static class ModeSwitches
    {
        private static readonly ConditionalWeakTable<MethodDefinition, Dictionary<Instruction, bool?>> Cache =
            new ConditionalWeakTable<MethodDefinition, Dictionary<Instruction, bool?>>();

        private static readonly ConditionalWeakTable<MethodDefinition, object> HasAny = new ConditionalWeakTable<MethodDefinition, object>();

        /// <summary>Whether the method has a mode switch at all (most have none, and their code is all live).</summary>
        public static bool Any(MethodDefinition method)
        {
            var answer = HasAny.GetValue(method, m =>
            {
                // Cheap first: without an await or an awaitable call no side can go async.
                // A value named for its mode decides a switch with no await on either side.
                bool machine = IsMoveNext(m), any = false;
                foreach (var ins in m.Body.Instructions)
                    if (ins.OpCode.FlowControl == FlowControl.Call && ins.Operand is MethodReference callee &&
                        (machine ? Awaits(callee) : Find.AsyncCallFinder.IsAwaitable(callee)) || NamesMode(m, ins))
                    {
                        any = true;
                        break;
                    }
                if (!any) return false;
                foreach (var ins in m.Body.Instructions)
                    if (ins.OpCode.FlowControl == FlowControl.Cond_Branch && ins.Operand is Instruction && AsyncSideTaken(m, ins) != null) return true;
                return false;
            });
            return (bool)answer;
        }

        /// <summary>
        /// For a conditional branch on an undecided mode value: whether the async side is where it jumps (true) or where it
        /// falls through (false); null when the branch is no mode switch.
        /// </summary>
        public static bool? AsyncSideTaken(MethodDefinition method, Instruction branch)
        {
            var known = Cache.GetOrCreateValue(method);
            lock (known)
            {
                if (known.TryGetValue(branch, out var cached)) return cached;
                var result = Decide(method, branch);
                known[branch] = result;
                return result;
            }
        }

        private static bool? Decide(MethodDefinition method, Instruction branch)
        {
            if (!(branch.Operand is Instruction target)) return null;
            if (TestsModeValue(method, branch))
            {
                bool machine = IsMoveNext(method);
                // Most branches are answered without walking the code after the sides join (see SideReach).
                if (!SideReach.TryCompare(method, branch, target, branch.Next, ins => IsAsync(method, ins, machine), out bool jumpedAsync, out bool fallenAsync))
                {
                    var jumped = Reachable(method.Body, target, branch);
                    var fallen = Reachable(method.Body, branch.Next, branch);
                    jumpedAsync = GoesAsync(method, jumped, fallen, machine);
                    fallenAsync = GoesAsync(method, fallen, jumped, machine);
                }
                if (jumpedAsync != fallenAsync) return jumpedAsync;
            }
            return ByName(method, branch);
        }

        /// <summary>
        /// For a brtrue/brfalse on a value named for its mode (<see cref="ModeNames"/>): whether the async side is where it
        /// jumps; null when the value says no mode.
        /// </summary>
        private static bool? ByName(MethodDefinition method, Instruction branch)
        {
            if (!(BranchConditions.JumpsWhen(branch) is bool onTrue)) return null;
            var tested = BranchConditions.Tested(method, branch, out bool negated);
            if (tested == null || !NamesMode(method, tested) || !(ModeNames.TrueMeansSync(NameOf(method, tested)!) is bool trueMeansSync)) return null;
            bool jumpsWhenTrue = onTrue ^ negated;
            return jumpsWhenTrue != trueMeansSync;
        }

        /// <summary>
        /// A bool named for its mode, read as the method got it: a parameter or field load <see cref="IsModeLoad"/> accepts,
        /// or an instance getter (<c>context.IsSynchronous</c>) read off a parameter or a field.
        /// </summary>
        private static bool NamesMode(MethodDefinition method, Instruction ins)
        {
            if (ins.OpCode.FlowControl == FlowControl.Call)
            {
                if (!IsNamedModeGetter(ins)) return false;
                if (!((MethodReference)ins.Operand).HasThis) return true; // the ambient mode (IsAmbientMode)
                var receiver = Receivers.Producer(method.Body, ins, 0);
                return receiver != null && (Il.IsLdarg(receiver.OpCode.Code) || receiver.OpCode.Code == Code.Ldfld);
            }
            if (!Il.IsLdarg(ins.OpCode.Code) && ins.OpCode.Code != Code.Ldfld) return false;
            var name = NameOf(method, ins);
            return name != null && ModeNames.TrueMeansSync(name) != null && IsModeLoad(method, ins);
        }

        /// <summary>A bool getter named for its mode, of a type outside the framework (an instance's or a static one).</summary>
        private static bool IsNamedModeGetter(Instruction ins) =>
            ins.OpCode.FlowControl == FlowControl.Call && ins.Operand is MethodReference getter && getter.Parameters.Count == 0 &&
            getter.ReturnType.MetadataType == MetadataType.Boolean && getter.Name.StartsWith("get_", System.StringComparison.Ordinal) &&
            ModeNames.TrueMeansSync(getter.Name) != null && !ModeNames.DescribesObject(getter.DeclaringType.Namespace);

        /// <summary>
        /// A static getter named for its mode: the ambient mode of the running operation, which a sync API sets while it
        /// runs the async code synchronously (DistributedLock's <c>SyncViaAsync.IsSynchronous</c>).
        /// </summary>
        private static bool IsAmbientMode(Instruction ins) =>
            IsNamedModeGetter(ins) && ins.Operand is MethodReference getter && !getter.HasThis;

        private static string? NameOf(MethodDefinition method, Instruction ins) => ins.Operand switch
        {
            MethodReference m => m.Name,
            FieldReference f => HoistedName(f.Name),
            _ => Il.IsLdarg(ins.OpCode.Code) ? Il.ParameterOf(method, ins)?.Name : null,
        };

        /// <summary>The local's own name in a state machine's field for it (<c>&lt;isSynchronous&gt;5__2</c>).</summary>
        private static string HoistedName(string field)
        {
            int end = field.IndexOf('>');
            return field.StartsWith("<", System.StringComparison.Ordinal) && end > 1 && field.IndexOf(">5__", System.StringComparison.Ordinal) == end
                ? field.Substring(1, end - 1) : field;
        }

        /// <summary>Whether the branch tests a bare mode value: brtrue/brfalse on it, or a comparison of it with a constant.</summary>
        private static bool TestsModeValue(MethodDefinition method, Instruction branch)
        {
            switch (branch.OpCode.Code)
            {
                case Code.Brtrue: case Code.Brtrue_S: case Code.Brfalse: case Code.Brfalse_S:
                    var tested = BranchConditions.Tested(method, branch, out _);
                    return tested != null && (IsModeLoad(method, tested) || IsConstantComparison(method, tested) || IsTokenPresence(method, tested));
                case Code.Beq: case Code.Beq_S: case Code.Bne_Un: case Code.Bne_Un_S:
                    return ComparesModeWithConstant(method, Receivers.Producer(method.Body, branch, 1), Receivers.Producer(method.Body, branch, 0));
                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>ct.HasValue</c> on a <c>CancellationToken?</c> the method got (a parameter, a hoisted one): one body for both
        /// APIs, the sync one passing no token (SharpZipLib's <c>WriteSyncOrAsync(…, CancellationToken? ct)</c>).
        /// </summary>
        private static bool IsTokenPresence(MethodDefinition method, Instruction tested)
        {
            if (tested.OpCode.FlowControl != FlowControl.Call || !(tested.Operand is MethodReference call) || call.Name != "get_HasValue" ||
                !IsNullableToken(call.DeclaringType)) return false;
            var address = Receivers.Producer(method.Body, tested, 0);
            if (address == null) return false;
            if (address.OpCode.Code == Code.Ldarga || address.OpCode.Code == Code.Ldarga_S)
                return address.Operand is ParameterDefinition parameter && !Il.Assigns(method, parameter);
            return address.OpCode.Code == Code.Ldflda && address.Operand is FieldReference field && IsNullableToken(field.FieldType) && method.HasThis &&
                   IsThis(method, Receivers.Producer(method.Body, address, 0), outer: true) && OnlyCopiesModeInto(method, field, 0);
        }

        private static bool IsNullableToken(TypeReference type) =>
            type is GenericInstanceType nullable && nullable.ElementType.FullName == "System.Nullable`1" &&
            nullable.GenericArguments[0].FullName == "System.Threading.CancellationToken";

        private static bool IsConstantComparison(MethodDefinition method, Instruction value) =>
            value.OpCode.Code == Code.Ceq &&
            ComparesModeWithConstant(method, Receivers.Producer(method.Body, value, 1), Receivers.Producer(method.Body, value, 0));

        private static bool ComparesModeWithConstant(MethodDefinition method, Instruction? left, Instruction? right)
        {
            if (left == null || right == null) return false;
            if (Il.Int32Constant(right) != null) return IsModeLoad(method, BranchConditions.SeenThrough(method, left, out _));
            if (Il.Int32Constant(left) != null) return IsModeLoad(method, BranchConditions.SeenThrough(method, right, out _));
            return false;
        }

        /// <summary>
        /// A load of a bool or enum the method does not assign: a parameter, or a field read off <c>this</c> (its own, a
        /// state machine's hoisted parameter or outer <c>this</c>, a closure's capture).
        /// </summary>
        private static bool IsModeLoad(MethodDefinition method, Instruction? load, int copies = 0)
        {
            if (load == null) return false;
            if (Il.IsLdarg(load.OpCode.Code))
            {
                var parameter = Il.ParameterOf(method, load);
                return parameter != null && IsModeType(parameter.ParameterType) && !Il.Assigns(method, parameter);
            }
            if (load.OpCode.Code != Code.Ldfld || !(load.Operand is FieldReference field) || !IsModeType(field.FieldType)) return false;
            return method.HasThis && IsThis(method, Receivers.Producer(method.Body, load, 0), outer: true) && OnlyCopiesModeInto(method, field, copies);
        }

        /// <summary>
        /// Whether every store the method makes to the field copies a mode value into it: an async method whose flag a
        /// lambda also captures moves it into the closure first (<c>&lt;&gt;8__1.async = this.async</c>, Azure's
        /// DownloadStreamingInternal); any other store, or the field's address taken, makes it the method's own value.
        /// </summary>
        private static bool OnlyCopiesModeInto(MethodDefinition method, FieldReference field, int copies)
        {
            foreach (var ins in BodyWrites.OfField(method, field))
            {
                if (ins.OpCode.Code == Code.Ldflda)
                {
                    // Reading a nullable's HasValue or Value through its address leaves it alone.
                    if (ins.Next?.Operand is MethodReference read && ins.Next.OpCode.FlowControl == FlowControl.Call &&
                        read.DeclaringType.GetElementType().FullName == "System.Nullable`1" && (read.Name == "get_HasValue" || read.Name == "get_Value" || read.Name == "GetValueOrDefault"))
                        continue;
                    return false;
                }
                var stored = Receivers.Producer(method.Body, ins, 0);
                // A local hoisted from the ambient mode (bool isSynchronous = SyncViaAsync.IsSynchronous;) holds it as well.
                if (copies == 0 && stored != null && IsAmbientMode(stored)) continue;
                // One copy deep: a value copied on from a copy is the method's own bookkeeping.
                if (copies > 0 || stored == null || !IsModeLoad(method, stored, copies + 1)) return false;
            }
            return true;
        }

        /// <summary><c>this</c>, or (with <paramref name="outer"/>) a field of it such as a state machine's outer <c>this</c>, also through a local stored once.</summary>
        private static bool IsThis(MethodDefinition method, Instruction? value, bool outer)
        {
            if (value != null && Il.IsLdloc(value.OpCode.Code) && Receivers.Local(method, value) is VariableDefinition local)
                value = Receivers.SingleStoreValue(method, local);
            if (value == null) return false;
            if (value.OpCode.Code == Code.Ldarg_0) return true;
            return outer && value.OpCode.Code == Code.Ldfld && IsThis(method, Receivers.Producer(method.Body, value, 0), outer: false);
        }

        private static bool IsModeType(TypeReference type)
        {
            if (type.MetadataType == MetadataType.Boolean) return true;
            if (!type.IsValueType || type.IsGenericInstance) return false;
            var resolved = type.Resolve();
            return resolved != null && resolved.IsEnum;
        }

        /// <summary>Instructions reachable from <paramref name="start"/> without passing through <paramref name="branch"/>.</summary>
        private static HashSet<Instruction> Reachable(MethodBody body, Instruction? start, Instruction branch)
        {
            var seen = new HashSet<Instruction>();
            var pending = new Stack<Instruction>();
            void Reach(Instruction? ins)
            {
                if (ins != null && ins != branch && seen.Add(ins)) pending.Push(ins);
            }
            Reach(start);
            while (pending.Count > 0)
                foreach (var next in Il.Successors(pending.Pop())) Reach(next);
            return seen;
        }

        /// <summary>
        /// Whether one side's own code (what the other side cannot reach) awaits, in an async method's body; elsewhere,
        /// whether it starts an asynchronous operation it does not wait for.
        /// </summary>
        private static bool GoesAsync(MethodDefinition method, HashSet<Instruction> side, HashSet<Instruction> other, bool machine)
        {
            foreach (var ins in side)
                if (!other.Contains(ins) && IsAsync(method, ins, machine)) return true;
            return false;
        }

        /// <summary>An await, in an async method's body; elsewhere, a call that starts an asynchronous operation it does not wait for.</summary>
        private static bool IsAsync(MethodDefinition method, Instruction ins, bool machine) =>
            ins.OpCode.FlowControl == FlowControl.Call && ins.Operand is MethodReference callee &&
            (machine ? Awaits(callee) : StartsAsync(method, ins, callee));

        /// <summary>The compiler's await: it asks the awaiter whether it has completed before it suspends.</summary>
        private static bool Awaits(MethodReference callee) =>
            callee.Name == "get_IsCompleted" && callee.DeclaringType.Name.Split('`')[0].EndsWith("Awaiter", System.StringComparison.Ordinal);

        private static bool StartsAsync(MethodDefinition method, Instruction call, MethodReference callee)
        {
            if (!Find.AsyncCallFinder.IsAwaitable(callee) || CompletedTasks.IsCompletedTaskFactory(callee)) return false;
            // A helper of the same assembly that is not async and not named so builds its task synchronously
            // (MySqlConnector's DoReadBytesSync returns a ValueTask).
            var resolved = callee.Resolve();
            if (resolved != null && resolved.Module == method.Module && !Find.AsyncMachineFinder.IsAsyncMethod(resolved) &&
                !resolved.Name.EndsWith("Async", System.StringComparison.Ordinal)) return false;
            return !WaitedOn(method, call);
        }

        /// <summary>Whether the task a call returns is waited on at once: <c>X().GetAwaiter().GetResult()</c>, <c>.Wait()</c>, <c>.Result</c>, a helper like EnsureCompleted.</summary>
        private static bool WaitedOn(MethodDefinition method, Instruction call)
        {
            var next = call.Next;
            for (int hop = 0; next != null && hop < 3; hop++, next = next.Next)
            {
                if (next.OpCode.FlowControl != FlowControl.Call || !(next.Operand is MethodReference consumer))
                {
                    if (Il.IsStloc(next.OpCode.Code) || next.OpCode.Code == Code.Ldloca || next.OpCode.Code == Code.Ldloca_S) continue;
                    return false;
                }
                if (consumer.Name == "ConfigureAwait" || consumer.Name == "AsTask") continue;
                return consumer.Name == "GetAwaiter" || consumer.Name == "Wait" || consumer.Name == "get_Result" ||
                       consumer.Name == "GetResult" || consumer.Name.StartsWith("EnsureCompleted", System.StringComparison.Ordinal);
            }
            return false;
        }

        private static bool IsMoveNext(MethodDefinition method) =>
            method.Name == "MoveNext" && Find.AsyncMachineFinder.IsAsyncStateMachine(method.DeclaringType);
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Whether the task a <c>.Result</c>, <c>.Wait()</c> or <c>GetAwaiter().GetResult()</c> waits on is already complete
    /// on every path to it — then it returns at once and is not blocking. Known complete: on the side of a branch where
    /// <c>IsCompleted</c>, <c>IsCompletedSuccessfully</c>, <c>IsFaulted</c>, <c>IsCanceled</c> or <c>Status</c> says so,
    /// after the task was awaited (alone or in <c>Task.WhenAll</c>) or waited on, the task <c>await Task.WhenAny</c>
    /// returned, until the variable holding it is
    /// assigned again; and the antecedent a <c>ContinueWith</c> continuation is handed. Tasks are followed in locals,
    /// arguments, the method's own fields (a state machine's hoisted locals) and static fields.
    /// </summary>
    internal static class CompletedTasks
    {
        /// <param name="streams">The module's in-memory stream types: a task of the module's own async method that only awaits
        /// operations on memory is complete (<see cref="InMemoryAsync"/>); null leaves that unread.</param>
        public static bool IsKnownComplete(MethodDefinition method, Instruction wait, StreamTypes? streams = null)
        {
            var task = WaitedTask(method, wait);
            if (task != null && task.OpCode.Code == Code.Ldfld && AlwaysComplete((FieldReference)task.Operand, 0)) return true;
            if (task == null) return false;
            if (streams != null && InMemoryAsync.Completes(task, streams)) return true;
            if (IsZeroTimeoutWaitAsync(method, task) || IsWhenAnyResult(method, task)) return true;
            var key = VariableKey(method, task);
            var each = EachOf(method, task, 0);
            if (key == null && each == null) return false;
            if (key != null && IsContinuationAntecedent(method, key)) return true;
            if (Facts.GetValue(method.Body, _ => Analyse(method)).Holds(wait, key, each == null ? null : Each + each)) return true;
            return CheckedByCallers(method, task);
        }

        /// <summary>
        /// Whether the task a private helper waits on is one every call hands it complete: the parameter itself, or a
        /// property or field read off it (also through a local stored once), that each caller knows complete where it
        /// passes the argument — Orleans' PlacementWorker calls <c>AddressWaitingMessages(item)</c> only when
        /// <c>item.Result.IsCompleted</c>, and the helper reads <c>item.Result</c>. The parameter is never assigned
        /// (<see cref="KnownValues.OfParameter"/>).
        /// </summary>
        private static bool CheckedByCallers(MethodDefinition method, Instruction task)
        {
            if (Il.IsLdloc(task.OpCode.Code) && StoredOnce(method, task, addressTakenToCall: false) is Instruction stored) task = stored;
            if (!(VariableKey(method, task) is string key) || !key.StartsWith("arg:", System.StringComparison.Ordinal) || key.IndexOf('[') >= 0) return false;
            int dot = key.IndexOf('.');
            string rest = dot < 0 ? "" : key.Substring(dot);
            if (!int.TryParse(dot < 0 ? key.Substring(4) : key.Substring(4, dot - 4), out int index) || index < 0 || index >= method.Parameters.Count) return false;
            var values = KnownValues.OfParameter(method, method.Parameters[index]);
            if (values == null || values.Count == 0) return false;
            foreach (var value in values)
            {
                if (value.Producer == null || !(VariableKey(value.Method, value.Producer) is string passed)) return false;
                if (!Facts.GetValue(value.Method.Body, _ => Analyse(value.Method)).Holds(value.Producer, passed + rest)) return false;
            }
            return true;
        }

        /// <summary>The fact that every task in a collection is complete: after <c>await Task.WhenAll(tasks)</c>.</summary>
        private const string Each = "each:";

        /// <summary>
        /// The collection a task is an element of, as a key: <c>tasks[i]</c> of an array or a list, or the variable a
        /// <c>foreach</c> over it reads (<c>Current</c> of its <c>GetEnumerator()</c>, an array copy's element).
        /// </summary>
        private static string? EachOf(MethodDefinition method, Instruction producer, int depth)
        {
            if (depth > 3) return null;
            // A variable (a Debug build hoists the loop's into the state machine): the value it was set to.
            if (IsVariableLoad(method, producer))
                return StoredOnce(method, producer, addressTakenToCall: false) is Instruction stored ? EachOf(method, stored, depth + 1) : null;
            if (IsElementRead(producer)) return CollectionKey(method, Receivers.Producer(method.Body, producer, 1));
            if (!IsCall(producer) || !(producer.Operand is MethodReference current) || current.Name != "get_Current" || !current.HasThis) return null;
            var enumerator = Receivers.Producer(method.Body, producer, 0);
            var made = enumerator == null ? null : StoredOnce(method, enumerator, addressTakenToCall: true);
            if (made == null || !IsCall(made) || !(made.Operand is MethodReference getEnumerator) || getEnumerator.Name != "GetEnumerator" || !getEnumerator.HasThis)
                return null;
            return CollectionKey(method, Receivers.Producer(method.Body, made, 0));
        }

        /// <summary><c>array[i]</c> (its value or its address) or a one-parameter indexer's <c>get_Item</c>.</summary>
        private static bool IsElementRead(Instruction ins) =>
            ins.OpCode.Code == Code.Ldelem_Ref || ins.OpCode.Code == Code.Ldelem_Any || ins.OpCode.Code == Code.Ldelema ||
            IsCall(ins) && ins.Operand is MethodReference indexer && indexer.HasThis && indexer.Name == "get_Item" && indexer.Parameters.Count == 1;

        /// <summary>A local, or a field of the method's own object (a state machine's hoisted local), loaded or its address taken.</summary>
        private static bool IsVariableLoad(MethodDefinition method, Instruction load) =>
            Il.IsLdloc(load.OpCode.Code) || load.OpCode.Code == Code.Ldloca || load.OpCode.Code == Code.Ldloca_S ||
            (load.OpCode.Code == Code.Ldfld || load.OpCode.Code == Code.Ldflda) && IsThis(method, Receivers.Producer(method.Body, load, 0));

        /// <summary>
        /// The one value a variable <see cref="IsVariableLoad"/> reads was set to: a local stored once, or a hoisted field
        /// stored once besides the default it is cleared to; null otherwise.
        /// </summary>
        private static Instruction? StoredOnce(MethodDefinition method, Instruction load, bool addressTakenToCall)
        {
            if (!IsVariableLoad(method, load)) return null;
            if (load.Operand is FieldReference field) return Hoisted.Value(method, field);
            return Receivers.Local(method, load) is VariableDefinition local ? Receivers.SingleStoreValue(method, local, addressTakenToCall) : null;
        }

        private static bool SetOnceAtMost(MethodDefinition method, Instruction load)
        {
            if (Il.IsLdarg(load.OpCode.Code)) return Il.ParameterOf(method, load) is ParameterDefinition p && !Il.Assigns(method, p);
            if (Il.IsLdloc(load.OpCode.Code)) return Receivers.Local(method, load) is VariableDefinition v && Receivers.SingleStore(method, v) != null;
            if (load.OpCode.Code != Code.Ldfld || !IsThis(method, Receivers.Producer(method.Body, load, 0))) return false;
            var field = (FieldReference)load.Operand;
            return !Il.Assigns(method, field) || Hoisted.Value(method, field) != null;
        }

        /// <summary>A collection's key, through the copy a <c>foreach</c> over an array makes into a local of its own.</summary>
        private static string? CollectionKey(MethodDefinition method, Instruction? load)
        {
            if (load == null) return null;
            // Only a copy of a variable that is set once at most: the copy and the variable hold the same collection.
            if (StoredOnce(method, load, addressTakenToCall: false) is Instruction original && SetOnceAtMost(method, original)) load = original;
            return VariableKey(method, load, 1);
        }

        /// <summary>
        /// A field its own code only ever stores completed tasks in: Task.FromResult, Task.CompletedTask, FromException,
        /// FromCanceled, a ValueTask made from a value, or another such static field (MassTransit's cache nodes hold
        /// <c>Task.FromResult(value)</c> and swap in a static completed task when evicted).
        /// </summary>
        private static bool AlwaysComplete(FieldReference field, int depth)
        {
            if (depth > 2 || !IsTaskType(field.FieldType)) return false;
            var values = KnownValues.OfField(field);
            if (values == null || values.Count == 0) return false;
            foreach (var value in values)
            {
                var producer = value.Producer;
                if (producer == null) return false;
                if (producer.OpCode.Code == Code.Ldsfld && producer.Operand is FieldReference other && AlwaysComplete(other, depth + 1)) continue;
                if (SetBefore(value.Method, producer)) continue;
                if (!(IsCall(producer) || producer.OpCode.Code == Code.Newobj) || !(producer.Operand is MethodReference made) ||
                    !IsCompletedTaskFactory(made)) return false;
            }
            return true;
        }

        /// <summary>
        /// A member that hands back a task already complete: Task.FromResult, Task.CompletedTask, FromException,
        /// FromCanceled, or a ValueTask made from a value (not from a task).
        /// </summary>
        public static bool IsCompletedTaskFactory(MethodReference made) =>
            IsTaskType(made.DeclaringType) &&
            (made.Name == "FromResult" || made.Name == "get_CompletedTask" || made.Name == "FromException" || made.Name == "FromCanceled" ||
             made.Name == ".ctor" && made.DeclaringType.GetElementType().Name.StartsWith("ValueTask", System.StringComparison.Ordinal) &&
             made.Parameters.Count == 1 && !IsTaskType(made.Parameters[0].ParameterType));

        /// <summary>
        /// <c>source.Task</c> of a TaskCompletionSource in a local that the same method has already completed
        /// (<c>SetResult</c>, <c>TrySetException</c>…) on the straight line before it.
        /// </summary>
        private static bool SetBefore(MethodDefinition method, Instruction getTask)
        {
            if (!IsCall(getTask) || !(getTask.Operand is MethodReference m) || m.Name != "get_Task" || !IsCompletionSource(m.DeclaringType))
                return false;
            // The source as a local, or (a Release build keeps it on the stack) the object a dup copied.
            var source = Receivers.Producer(method.Body, getTask, 0);
            var local = source == null ? null : Receivers.Local(method, source);
            var made = local == null ? Origin(method, source) : null;
            if (local == null && made == null) return false;
            for (var ins = getTask.Previous; ins != null; ins = ins.Previous)
            {
                if (ins.OpCode.FlowControl == FlowControl.Branch || ins.OpCode.FlowControl == FlowControl.Cond_Branch || Receivers.IsJoinPoint(method.Body, ins)) return false;
                if (IsCall(ins) && ins.Operand is MethodReference set && IsSourceSet(set) &&
                    Receivers.Producer(method.Body, ins, set.Parameters.Count) is Instruction receiver &&
                    (local != null ? Receivers.Local(method, receiver) == local : Origin(method, receiver) == made))
                    return true;
            }
            return false;
        }

        /// <summary>A TaskCompletionSource's <c>SetResult</c>, <c>TrySetException</c>… (each leaves its task complete).</summary>
        private static bool IsSourceSet(MethodReference m) =>
            (m.Name.StartsWith("Set", System.StringComparison.Ordinal) || m.Name.StartsWith("TrySet", System.StringComparison.Ordinal)) &&
            IsCompletionSource(m.DeclaringType);

        /// <summary><c>TaskCompletionSource</c> or <c>TaskCompletionSource&lt;T&gt;</c>.</summary>
        private static bool IsCompletionSource(TypeReference type) =>
            type.GetElementType().FullName.StartsWith("System.Threading.Tasks.TaskCompletionSource", System.StringComparison.Ordinal);

        /// <summary>The instruction that made a value, seen through <c>dup</c>.</summary>
        private static Instruction? Origin(MethodDefinition method, Instruction? value)
        {
            for (int depth = 0; value != null && value.OpCode.Code == Code.Dup && depth < 4; depth++)
                value = Receivers.Producer(method.Body, value, 0);
            return value != null && value.OpCode.Code == Code.Newobj ? value : null;
        }

        private static readonly ConditionalWeakTable<MethodBody, TaskFacts> Facts = new ConditionalWeakTable<MethodBody, TaskFacts>();

        /// <summary>What pushes the task (or ValueTask) that a wait waits on; through GetAwaiter and ConfigureAwait.</summary>
        private static Instruction? WaitedTask(MethodDefinition method, Instruction wait)
        {
            var target = (MethodReference)wait.Operand;
            Instruction? producer;
            if (target.Name == "GetResult")
            {
                // The user's form: call GetAwaiter; stloc v; ldloca v; call GetResult.
                var getAwaiter = wait.Previous?.Previous?.Previous;
                if (getAwaiter == null || !(getAwaiter.Operand is MethodReference m) || m.Name != "GetAwaiter") return null;
                producer = Receivers.Producer(method.Body, getAwaiter, 0);
            }
            else if (target.HasThis) producer = Receivers.Producer(method.Body, wait, target.Parameters.Count);
            else return null;
            return producer == null ? null : Unwrap(method, producer);
        }

        /// <summary>
        /// An async wait handed a zero timeout — <c>semaphore.WaitAsync(0)</c>, <c>task.WaitAsync(TimeSpan.Zero)</c> —
        /// returns a task that is already complete (entered or not, finished or timed out): SignalR's client takes its
        /// connection lock with <c>WaitAsync(0).Result</c> in the browser.
        /// </summary>
        private static bool IsZeroTimeoutWaitAsync(MethodDefinition method, Instruction value) =>
            IsCall(value) && value.Operand is MethodReference m && m.Name == "WaitAsync" && ZeroTimeouts.Polls(method, value, m);

        /// <summary>
        /// <c>t.ConfigureAwait(false)</c>, <c>t.AsTask()</c> and a cast (<c>(Task&lt;bool&gt;)t</c>), directly or through a local
        /// stored once, stand for <c>t</c>; a zero-timeout <c>WaitAsync</c> stands for itself.
        /// </summary>
        private static Instruction Unwrap(MethodDefinition method, Instruction producer)
        {
            for (int depth = 0; depth < 4; depth++)
            {
                // The same object as another type: DistributedLock's ((Task<bool>)completed).Result after WhenAny.
                if (producer.OpCode.Code == Code.Castclass && Receivers.Producer(method.Body, producer, 0) is Instruction cast)
                {
                    producer = cast;
                    continue;
                }
                var value = producer;
                if (producer.OpCode.Code == Code.Ldloca || producer.OpCode.Code == Code.Ldloca_S || Il.IsLdloc(producer.OpCode.Code))
                {
                    var local = Receivers.Local(method, producer);
                    var stored = local == null ? null
                        : Receivers.SingleStoreValue(method, local, addressTakenToCall: true) ?? StoredJustBefore(method, producer, local);
                    if (stored == null || !IsCall(stored)) return producer;
                    value = stored;
                }
                if (!IsCall(value) || !(value.Operand is MethodReference m) || (m.Name != "ConfigureAwait" && m.Name != "AsTask" && m.Name != "WaitAsync")) return producer;
                if (IsZeroTimeoutWaitAsync(method, value)) return value;
                var inner = Receivers.Producer(method.Body, value, m.Parameters.Count);
                if (inner == null) return producer;
                producer = inner;
            }
            return producer;
        }

        /// <summary>
        /// The value stored into <paramref name="local"/> by the instruction right before <paramref name="load"/>, when
        /// nothing jumps to the load: the compiler's <c>stloc v; ldloca v</c> of an await, in a method that reuses the
        /// awaitable's local for several awaits (so it is not stored once).
        /// </summary>
        private static Instruction? StoredJustBefore(MethodDefinition method, Instruction load, VariableDefinition local)
        {
            var store = load.Previous;
            if (store == null || !Il.IsStloc(store.OpCode.Code) || Receivers.Local(method, store) != local) return null;
            // The body's join points, found once: a scan of the body here per load made the liveness (which unwraps every
            // local's load) quadratic in the method.
            if (Receivers.IsJoinPoint(method.Body, load)) return null;
            return Receivers.Producer(method.Body, store, 0);
        }

        /// <summary>
        /// The variable a load reads, as a key: a local, an argument, the method's own field, a static field; and a field
        /// or parameterless property read off one of those (a closure's captured task, <c>request.Task</c>), as its key
        /// with the member's name after a dot.
        /// </summary>
        public static string? VariableKey(MethodDefinition method, Instruction load, int depth = 0)
        {
            var code = load.OpCode.Code;
            if (Il.IsLdloc(code) || code == Code.Ldloca || code == Code.Ldloca_S)
                return Receivers.Local(method, load) is VariableDefinition v ? "loc:" + v.Index : null;
            if (Il.IsLdarg(code) || code == Code.Ldarga || code == Code.Ldarga_S)
                return Il.ParameterOf(method, load) is ParameterDefinition p ? "arg:" + p.Index : null;
            if ((code == Code.Ldfld || code == Code.Ldflda) && IsThis(method, Receivers.Producer(method.Body, load, 0)))
                return "fld:" + ((FieldReference)load.Operand).Name;
            if (code == Code.Ldsfld || code == Code.Ldsflda) return "sfld:" + ((FieldReference)load.Operand).FullName;
            if (depth >= 2) return null;
            // An element: tasks[i] of an array or a list, keyed by both variables (Orleans checks tasks[j].Status, then
            // reads tasks[j]); assigning either, or storing into the collection, forgets it.
            if (IsElementRead(load) && !(load.Operand is MethodReference indexer && indexer.Parameters[0].ParameterType.MetadataType != MetadataType.Int32))
            {
                var collection = Receivers.Producer(method.Body, load, 1);
                var index = Receivers.Producer(method.Body, load, 0);
                return collection != null && index != null && VariableKey(method, collection, depth + 1) is string of && VariableKey(method, index, depth + 1) is string at
                    ? of + "[" + at + "]" : null;
            }
            // The owner through a join too: `content?.Task.IsCompleted` reads Task off the value the null test kept on the stack.
            if (code == Code.Ldfld || code == Code.Ldflda)
                return Member(method, Receivers.Operand(method.Body, load, 0), ((FieldReference)load.Operand).Name, depth);
            if (IsCall(load) && load.Operand is MethodReference getter && getter.HasThis && getter.Parameters.Count == 0 &&
                getter.Name.StartsWith("get_", System.StringComparison.Ordinal) && !IsTaskType(getter.DeclaringType))
                return Member(method, Receivers.Operand(method.Body, load, 0), getter.Name.Substring(4), depth);
            return null;
        }

        private static string? Member(MethodDefinition method, Instruction? receiver, string name, int depth) =>
            receiver != null && VariableKey(method, receiver, depth + 1) is string owner ? owner + "." + name : null;

        /// <summary><c>this</c>, or in a state machine or closure the outer <c>this</c> it holds (also copied to a local).</summary>
        private static bool IsThis(MethodDefinition method, Instruction? load)
        {
            if (load != null && Il.IsLdloc(load.OpCode.Code) && Receivers.Local(method, load) is VariableDefinition local)
                load = Receivers.SingleStoreValue(method, local, addressTakenToCall: true);
            return load != null && (load.OpCode.Code == Code.Ldarg_0 && method.HasThis ||
                                    load.OpCode.Code == Code.Ldfld && ((FieldReference)load.Operand).Name == "<>4__this" &&
                                    Receivers.Producer(method.Body, load, 0)?.OpCode.Code == Code.Ldarg_0);
        }

        /// <summary>The variable a store assigns, as a key (see <see cref="Key"/>).</summary>
        private static string? Stored(MethodDefinition method, Instruction ins)
        {
            var code = ins.OpCode.Code;
            if (Il.IsStloc(code)) return Receivers.Local(method, ins) is VariableDefinition v ? "loc:" + v.Index : null;
            if (code == Code.Starg || code == Code.Starg_S) return "arg:" + ((ParameterDefinition)ins.Operand).Index;
            if (code == Code.Stfld) return "fld:" + ((FieldReference)ins.Operand).Name;
            if (code == Code.Stsfld) return "sfld:" + ((FieldReference)ins.Operand).FullName;
            return null;
        }

        /// <summary>The collection an element store writes (<c>tasks[i] = …</c> on an array or a list), as a key.</summary>
        private static string? StoredInto(MethodDefinition method, Instruction ins)
        {
            int above = ins.Operand is MethodReference m ? m.Parameters.Count : 2;
            var collection = Receivers.Producer(method.Body, ins, above);
            return collection == null ? null : VariableKey(method, collection, 1);
        }

        /// <summary>A store into an array or a list, or a list's Add or Insert: a new task among its elements.</summary>
        private static bool StoresElement(Instruction ins) =>
            ins.OpCode.Code == Code.Stelem_Ref || ins.OpCode.Code == Code.Stelem_Any ||
            IsCall(ins) && ins.Operand is MethodReference setter && setter.HasThis &&
            (setter.Name == "set_Item" && setter.Parameters.Count == 2 || setter.Name == "Add" || setter.Name == "AddRange" || setter.Name == "Insert" || setter.Name == "InsertRange");

        /// <summary>
        /// The tasks known complete when each instruction runs (a forward must-analysis), kept as the state at the start of
        /// each basic block; an instruction's is replayed from its block's start when asked. Only block starts can have more
        /// than one predecessor, so this is the per-instruction analysis it replaced — which copied the whole set at every
        /// instruction and scanned it for the stack's facts at each, quadratic in a method's size (every checked task stays
        /// known: 2,000 <c>if (t.IsCompleted) … t.Result … else … await t</c> in one method took 30 s).
        /// </summary>
        private sealed class TaskFacts
        {
            private readonly MethodDefinition _method;
            private readonly Dictionary<Instruction, HashSet<string>> _entries;
            private readonly Dictionary<Instruction, int> _index;
            private readonly LiveVariables _live;
            // The last replay, kept: the rules ask about a body's waits in IL order, so the next question mostly continues it
            // (a straight-line method of 1,000 waits replayed from its start for each took seconds).
            private Instruction? _cursor;
            private HashSet<string>? _cursorFacts;
            private List<string>? _cursorTops;

            public TaskFacts(MethodDefinition method, HashSet<Instruction> leaders, Dictionary<Instruction, HashSet<string>> entries,
                Dictionary<Instruction, int> index, LiveVariables live)
            {
                _method = method;
                _live = live;
                _entries = entries;
                _index = index;
                var instructions = method.Body.Instructions;
                _blockStart = new Instruction[instructions.Count];
                for (int i = 0; i < instructions.Count; i++)
                    _blockStart[i] = i == 0 || leaders.Contains(instructions[i]) ? instructions[i] : _blockStart[i - 1];
            }

            // Each instruction's block start: found by walking back, a straight-line method's waits were quadratic.
            private readonly Instruction[] _blockStart;

            /// <summary>Whether, when <paramref name="at"/> runs, either fact holds (false where no path reaches it).</summary>
            public bool Holds(Instruction at, string? fact, string? other = null)
            {
                lock (_blockStart)
                {
                    var facts = At(at);
                    return facts != null && (fact != null && CompletedTasks.Holds(facts, fact) || other != null && CompletedTasks.Holds(facts, other));
                }
            }

            private HashSet<string>? At(Instruction ins)
            {
                // An instruction the analysis did not see (one the weave added since) has no facts, as none reaches it.
                if (!_index.TryGetValue(ins, out int position)) return null;
                var start = _blockStart[position];
                if (!_entries.TryGetValue(start, out var entry)) return null;
                if (start == ins) return entry;
                // Continue the last replay when it stopped in this block before ins; otherwise start one from the block's entry.
                if (_cursor == null || _cursorFacts == null || _cursorTops == null || _index[_cursor] > _index[ins] || _index[_cursor] <= _index[start])
                {
                    _cursor = start;
                    _cursorFacts = new HashSet<string>(entry);
                    _cursorTops = TopsOf(_cursorFacts);
                }
                for (; _cursor != ins; _cursor = _cursor.Next) Apply(_method, _cursor, _cursorFacts, _cursorTops, _live);
                return _cursorFacts;
            }
        }

        /// <summary>The instructions that begin a basic block (<see cref="Il.BlockStarts"/>), and every handler's start.</summary>
        private static HashSet<Instruction> Leaders(MethodBody body)
        {
            var leaders = Il.BlockStarts(body);
            foreach (var handler in body.ExceptionHandlers)
            {
                if (handler.HandlerStart != null) leaders.Add(handler.HandlerStart);
                if (handler.FilterStart != null) leaders.Add(handler.FilterStart);
            }
            return leaders;
        }

        private static List<string> TopsOf(HashSet<string> facts) => facts.Where(k => k.StartsWith(Top, System.StringComparison.Ordinal)).ToList();

        private static TaskFacts Analyse(MethodDefinition method)
        {
            var body = method.Body;
            var leaders = Leaders(body);
            // Each instruction's position, for the replays and the liveness both.
            var index = new Dictionary<Instruction, int>(body.Instructions.Count);
            for (int i = 0; i < body.Instructions.Count; i++) index[body.Instructions[i]] = i;
            var states = new Dictionary<Instruction, HashSet<string>>();
            var pending = new Stack<Instruction>();

            var live = new LiveVariables(body, index);

            void Flow(Instruction? to, HashSet<string> facts)
            {
                if (to == null) return;
                if (!states.TryGetValue(to, out var known))
                {
                    states[to] = live.Keep(to, facts);
                    pending.Push(to);
                    return;
                }
                var kept = live.Keep(to, facts);
                var merged = new HashSet<string>(known.Concat(kept).Where(k => Holds(known, k) && Holds(kept, k)));
                if (merged.SetEquals(known)) return;
                states[to] = merged;
                pending.Push(to);
            }

            Flow(body.Instructions[0], new HashSet<string>());
            foreach (var handler in body.ExceptionHandlers)
            {
                Flow(handler.HandlerStart, new HashSet<string>());
                Flow(handler.FilterStart, new HashSet<string>());
            }
            while (pending.Count > 0)
            {
                var start = pending.Pop();
                var facts = new HashSet<string>(states[start]);
                var tops = TopsOf(facts);
                for (var ins = start; ins != null; ins = ins.Next)
                {
                    if (ins != start && leaders.Contains(ins))
                    {
                        Flow(ins, facts);
                        break;
                    }
                    Apply(method, ins, facts, tops, live);
                    if (ins.OpCode.FlowControl == FlowControl.Branch)
                    {
                        Flow(ins.Operand as Instruction, facts);
                        break;
                    }
                    if (ins.OpCode.FlowControl == FlowControl.Cond_Branch)
                    {
                        if (ins.Operand is Instruction[] cases)
                        {
                            // switch (task.Status): the cases for RanToCompletion, Canceled and Faulted see it complete.
                            var (switched, first) = StatusSwitch(method, ins);
                            for (int i = 0; i < cases.Length; i++)
                                Flow(cases[i], switched != null && first + i >= 5 && first + i <= 7 ? new HashSet<string>(facts) { switched } : facts);
                            Flow(ins.Next, facts);
                            break;
                        }
                        var (checkedTask, whenTaken) = Check(method, ins, facts);
                        var withTask = checkedTask == null ? facts : new HashSet<string>(facts) { checkedTask };
                        Flow(ins.Operand as Instruction, whenTaken ? withTask : facts);
                        Flow(ins.Next, whenTaken ? facts : withTask);
                        break;
                    }
                    if (ins.OpCode.FlowControl == FlowControl.Return || ins.OpCode.FlowControl == FlowControl.Throw) break;
                }
            }
            return new TaskFacts(method, leaders, states, index, live);
        }

        /// <summary>
        /// Which variables a body can still read from a point on, so that what is known of a task variable nothing reads
        /// again is let go: every checked task stays known complete otherwise, and the facts grew with the method (2,000
        /// checked tasks in one method: each block's state copied and intersected 2,000 facts). A fact matters only where
        /// the variable it is about is read — a wait on the task reads it (or reads a local stored once with its
        /// <c>ConfigureAwait(false)</c>, which counts as reading it there), a call handing it on loads it — so a plain variable's
        /// fact (<c>loc:3</c>, <c>fld:&lt;t&gt;5__2</c>, <c>arg:1</c>) is dropped at a block start past the variable's last
        /// load in IL order, unless a backward jump from there on lands at or before that load (a loop may read it again).
        /// Facts about members, elements, collections and conditions are kept as they are.
        /// </summary>
        private sealed class LiveVariables
        {
            private readonly Dictionary<Instruction, int> _index;
            private readonly Dictionary<string, int> _lastLoad = new Dictionary<string, int>(System.StringComparer.Ordinal);
            // For each position, the lowest target of a backward jump made from there or later (int.MaxValue: none).
            private readonly int[] _lowestBackTarget;

            public LiveVariables(MethodBody body, Dictionary<Instruction, int> index)
            {
                _index = index;
                var instructions = body.Instructions;
                var lowestFrom = new int[instructions.Count + 1];
                for (int i = 0; i <= instructions.Count; i++) lowestFrom[i] = int.MaxValue;
                void Jump(int from, Instruction? to)
                {
                    if (to != null && _index.TryGetValue(to, out int target) && target <= from && target < lowestFrom[from]) lowestFrom[from] = target;
                }
                for (int i = 0; i < instructions.Count; i++)
                {
                    var ins = instructions[i];
                    if (ins.Operand is Instruction target) Jump(i, target);
                    else if (ins.Operand is Instruction[] targets) foreach (var t in targets) Jump(i, t);
                    if (LoadedVariable(body, ins) is string key) _lastLoad[key] = i;
                    // A wait on a local stored once with t.ConfigureAwait(false) (or AsTask, a cast) asks about t there.
                    if ((Il.IsLdloc(ins.OpCode.Code) || ins.OpCode.Code == Code.Ldloca || ins.OpCode.Code == Code.Ldloca_S) &&
                        Unwrap(body.Method, ins) is Instruction unwrapped && unwrapped != ins && LoadedVariable(body, unwrapped) is string through)
                        _lastLoad[through] = i;
                }
                // A handler is entered from anywhere in its protected block.
                foreach (var handler in body.ExceptionHandlers)
                    if (handler.TryEnd != null && _index.TryGetValue(handler.TryEnd, out int end) && end > 0)
                    {
                        Jump(end - 1, handler.HandlerStart);
                        Jump(end - 1, handler.FilterStart);
                    }
                for (int i = instructions.Count - 1; i >= 0; i--) lowestFrom[i] = System.Math.Min(lowestFrom[i], lowestFrom[i + 1]);
                _lowestBackTarget = lowestFrom;
            }

            /// <summary>
            /// Whether a fact an instruction adds is about a plain variable nothing reads from there on: a wait on a task
            /// read once (<c>var t = M(i); x += t.Result;</c>) makes it complete after its last load, and each such fact
            /// would stay in its block's set to the block's end — a straight-line method of 8,000 of them took 9.7 s, every
            /// store scanning the grown set. Such a fact answers no question (see the class's summary), so it is not added.
            /// </summary>
            public bool DeadAt(string fact, Instruction at) => IsPlainVariable(fact) && _index.TryGetValue(at, out int position) && Dead(fact, position);

            /// <summary>The facts without those about plain variables nothing can read from <paramref name="at"/> on (the same set when none).</summary>
            public HashSet<string> Keep(Instruction at, HashSet<string> facts)
            {
                int position = _index[at];
                HashSet<string>? kept = null;
                foreach (var fact in facts)
                    if (IsPlainVariable(fact) && Dead(fact, position)) (kept ??= new HashSet<string>(facts)).Remove(fact);
                return kept ?? new HashSet<string>(facts);
            }

            private bool Dead(string variable, int position)
            {
                int last = _lastLoad.TryGetValue(variable, out int found) ? found : -1;
                return position > last && _lowestBackTarget[position] > last;
            }

            /// <summary>A local's, an argument's or a field's own key, with nothing read off it (not a static field's: its key has dots).</summary>
            private static bool IsPlainVariable(string fact) =>
                (fact.StartsWith("loc:", System.StringComparison.Ordinal) || fact.StartsWith("arg:", System.StringComparison.Ordinal) ||
                 fact.StartsWith("fld:", System.StringComparison.Ordinal)) && fact.IndexOf('.') < 0 && fact.IndexOf('[') < 0 && fact.IndexOf(':', 4) < 0;

            /// <summary>The variable an instruction reads or takes the address of, keyed as <see cref="VariableKey"/> keys it (any object's field by name: more loads, fewer facts let go).</summary>
            private static string? LoadedVariable(MethodBody body, Instruction ins)
            {
                var code = ins.OpCode.Code;
                if (Il.IsLdloc(code) || code == Code.Ldloca || code == Code.Ldloca_S)
                    return Receivers.Local(body.Method, ins) is VariableDefinition v ? "loc:" + v.Index : null;
                if (Il.IsLdarg(code) || code == Code.Ldarga || code == Code.Ldarga_S)
                    return Il.ParameterOf(body.Method, ins) is ParameterDefinition p ? "arg:" + p.Index : null;
                if (code == Code.Ldfld || code == Code.Ldflda) return "fld:" + ((FieldReference)ins.Operand).Name;
                return null;
            }
        }

        /// <summary>
        /// What one instruction does to the facts: a store forgets what was known of the variable (and keeps what a
        /// condition it stores implies), a completion adds its task, and the value it pushes replaces the stack's facts
        /// (<paramref name="tops"/>: the <c>top:</c> facts in <paramref name="facts"/>, kept apart so that no instruction
        /// scans the whole set for them).
        /// </summary>
        private static void Apply(MethodDefinition method, Instruction ins, HashSet<string> facts, List<string> tops, LiveVariables live)
        {
            if (Stored(method, ins) is string assigned)
            {
                facts.Remove(assigned);
                facts.Remove(Each + assigned);
                facts.RemoveWhere(k => k.StartsWith(assigned + ".", System.StringComparison.Ordinal) ||
                                       k.StartsWith(assigned + "[", System.StringComparison.Ordinal) || k.Contains("[" + assigned + "]"));
                facts.RemoveWhere(k => k.StartsWith(Implies + assigned + ":", System.StringComparison.Ordinal));
                tops.RemoveAll(t => !facts.Contains(t)); // a stack fact about an element the store replaced
                // A condition kept in a local: a Debug build's temporary (t.IsFaulted || t.IsCanceled, stored at the join of
                // its two sides), or the source's own (bool done = content?.Task.IsCompleted ?? false; a Debug state
                // machine hoists it into a field of its own). A false stored implies anything (implies:loc:N:*), so that
                // the side which stores it first does not decide the join.
                if (assigned.StartsWith("loc:", System.StringComparison.Ordinal) || Hoisted.IsLocal(ins))
                    foreach (var known in tops)
                        facts.Add(Implies + assigned + ":" + known.Substring(Top.Length));
                if (StoresWhenAnyResult(method, ins)) facts.Add(assigned);
            }
            if (StoresElement(ins))
            {
                // A collection the IL does not show (a lambda's cache branch among the operands): forget every element.
                var collection = StoredInto(method, ins);
                facts.RemoveWhere(k => collection == null ? k.Contains("[") || k.StartsWith(Each, System.StringComparison.Ordinal)
                                                          : k.StartsWith(collection + "[", System.StringComparison.Ordinal) || k == Each + collection);
                tops.RemoveAll(t => !facts.Contains(t));
            }
            foreach (var done in CompletedBy(method, ins))
                if (!live.DeadAt(done, ins)) facts.Add(done);
            if (ins.OpCode.Code != Code.Br && ins.OpCode.Code != Code.Br_S && ins.OpCode.Code != Code.Nop)
            {
                foreach (var top in tops) facts.Remove(top);
                tops.Clear();
                foreach (var top in TopImplies(method, ins))
                    if (facts.Add(Top + top)) tops.Add(Top + top);
            }
        }

        /// <summary>
        /// A branch that tests a task's completion: the task's key, and whether the jump is the side where it is complete.
        /// </summary>
        private static (string? Task, bool WhenTaken) Check(MethodDefinition method, Instruction branch, HashSet<string> facts)
        {
            var code = branch.OpCode.Code;
            if (BranchConditions.JumpsWhen(branch) is bool onTrue)
            {
                var test = BranchConditions.Tested(method, branch, out bool negated);
                if (test != null && (Il.IsLdloc(test.OpCode.Code) || Hoisted.IsLocal(test) && IsThis(method, Receivers.Producer(method.Body, test, 0))) &&
                    VariableKey(method, test) is string kept)
                {
                    string prefix = Implies + kept + ":";
                    // implies:loc:N:* (the local holds false) gives "*" on its true side: code no path runs, where anything holds.
                    var implied = facts.FirstOrDefault(k => k.StartsWith(prefix, System.StringComparison.Ordinal));
                    return (implied?.Substring(prefix.Length), onTrue ^ negated);
                }
                if (test != null && test.OpCode.Code == Code.Ceq)
                    return StatusCheck(method, Receivers.Producer(method.Body, test, 0), Receivers.Producer(method.Body, test, 1), onTrue ^ negated);
                if (test != null && OwnCheck(method, test) is string checkedByProperty) return (checkedByProperty, onTrue ^ negated);
                if (test == null || !(IsTaskMember(test, "get_IsCompleted", "get_IsCompletedSuccessfully", "get_IsFaulted", "get_IsCanceled") || IsCompletionHelper(test)))
                    return (null, false);
                var task = Receivers.Producer(method.Body, test, 0);
                return (task == null ? null : VariableKey(method, task), onTrue ^ negated);
            }
            if (code == Code.Beq || code == Code.Beq_S || code == Code.Bne_Un || code == Code.Bne_Un_S)
                return StatusCheck(method, Receivers.Producer(method.Body, branch, 0), Receivers.Producer(method.Body, branch, 1),
                    code == Code.Beq || code == Code.Beq_S);
            return (null, false);
        }

        /// <summary>
        /// A bool property of the same object that is itself a completion check of one of its tasks
        /// (<c>bool HasValue =&gt; _value.Task.Status == TaskStatus.RanToCompletion</c>, MassTransit's CacheValue): the
        /// key of that task, which means the same on <c>this</c> at the call.
        /// </summary>
        private static string? OwnCheck(MethodDefinition method, Instruction test)
        {
            if (!IsCall(test) || !(test.Operand is MethodReference getter) || getter.ReturnType.MetadataType != MetadataType.Boolean ||
                !IsThis(method, Receivers.Producer(method.Body, test, 0)) || !(Il.OwnGetter(method.Module, getter) is MethodDefinition body))
                return null;
            var ret = body.Body.Instructions[body.Body.Instructions.Count - 1];
            if (ret.OpCode.Code != Code.Ret) return null;
            var value = Receivers.Producer(body.Body, ret, 0);
            if (value == null) return null;
            if (value.OpCode.Code == Code.Ceq)
            {
                var (task, whenTaken) = StatusCheck(body, Receivers.Producer(body.Body, value, 0), Receivers.Producer(body.Body, value, 1), true);
                return whenTaken ? task : null;
            }
            if (!IsTaskMember(value, "get_IsCompleted", "get_IsCompletedSuccessfully", "get_IsFaulted", "get_IsCanceled")) return null;
            var checkedTask = Receivers.Producer(body.Body, value, 0);
            return checkedTask == null ? null : VariableKey(body, checkedTask);
        }

        /// <summary>
        /// <c>switch (task.Status)</c>: the task's key and the status value of the first case (the compiler subtracts the
        /// lowest case value before the switch instruction).
        /// </summary>
        private static (string? Task, int First) StatusSwitch(MethodDefinition method, Instruction switchIns)
        {
            var value = BranchConditions.SeenThrough(method, Receivers.Producer(method.Body, switchIns, 0), out _);
            int first = 0;
            if (value != null && value.OpCode.Code == Code.Sub && Il.Int32Constant(Receivers.Producer(method.Body, value, 0)!) is int offset)
            {
                first = offset;
                value = BranchConditions.SeenThrough(method, Receivers.Producer(method.Body, value, 1), out _);
            }
            if (value == null || !IsTaskMember(value, "get_Status")) return (null, 0);
            var task = Receivers.Producer(method.Body, value, 0);
            return (task == null ? null : VariableKey(method, task), first);
        }

        private static Instruction? SingleFieldStore(MethodDefinition method, FieldReference field)
        {
            Instruction? found = null;
            foreach (var ins in BodyWrites.OfField(method, field))
                if (ins.OpCode.Code == Code.Stfld)
                {
                    if (found != null) return null;
                    found = ins;
                }
            return found;
        }

        /// <summary>Facts about the value on top of the stack: <c>top:key</c>, that it is true only if that task is complete.</summary>
        private const string Top = "top:";

        /// <summary>The fact of code no path reaches (the true side of a local that holds false): every fact holds there.</summary>
        private const string Anything = "*";

        /// <summary>Facts about a condition temporary: <c>implies:loc:N:key</c>, that it is true only if that task is complete.</summary>
        private const string Implies = "implies:";

        /// <summary>
        /// Whether a fact holds in a state: stated, or for <c>top:key</c> because the task is known complete anyway or the
        /// value is false (<c>top:*</c>, a literal false, implies anything).
        /// </summary>
        private static bool Holds(HashSet<string> facts, string fact) =>
            facts.Contains(fact) || facts.Contains(Anything) || fact.StartsWith(Top, System.StringComparison.Ordinal) &&
            (facts.Contains(Top + "*") || facts.Contains(fact.Substring(Top.Length))) ||
            ImpliesPrefix(fact) is string local && facts.Contains(local + "*");

        /// <summary>For <c>implies:loc:N:key</c> (or <c>implies:fld:name:key</c>), its <c>implies:loc:N:</c>; null for any other fact.</summary>
        private static string? ImpliesPrefix(string fact)
        {
            if (!fact.StartsWith(Implies, System.StringComparison.Ordinal)) return null;
            int kind = fact.IndexOf(':', Implies.Length);
            int end = kind < 0 ? -1 : fact.IndexOf(':', kind + 1);
            return end < 0 ? null : fact.Substring(0, end + 1);
        }


        /// <summary>The tasks whose completion the value <paramref name="ins"/> pushes implies: a completion check's task, or any (* for false).</summary>
        private static IEnumerable<string> TopImplies(MethodDefinition method, Instruction ins)
        {
            if (Il.Int32Constant(ins) == 0) { yield return "*"; yield break; }
            if (!IsTaskMember(ins, "get_IsCompleted", "get_IsCompletedSuccessfully", "get_IsFaulted", "get_IsCanceled") && !IsCompletionHelper(ins)) yield break;
            var task = Receivers.Producer(method.Body, ins, 0);
            if (task != null && VariableKey(method, task) is string key) yield return key;
        }

        /// <summary>
        /// <c>task.Status == TaskStatus.RanToCompletion</c> (5), <c>Canceled</c> (6) or <c>Faulted</c> (7): a beq/bne, or in a
        /// Debug build a <c>ceq</c> then brtrue/brfalse; <paramref name="whenEqual"/> is whether the jump is the equal side.
        /// </summary>
        private static (string? Task, bool WhenTaken) StatusCheck(MethodDefinition method, Instruction? constant, Instruction? status, bool whenEqual)
        {
            if (constant != null && Il.Int32Constant(constant) == null && status != null && Il.Int32Constant(status) != null)
                (constant, status) = (status, constant);
            status = status == null ? null : BranchConditions.SeenThrough(method, status, out _);
            // A Debug state machine hoists a switch's value into a field of its own and reads it back.
            if (status != null && status.OpCode.Code == Code.Ldfld && IsThis(method, Receivers.Producer(method.Body, status, 0)) &&
                SingleFieldStore(method, (FieldReference)status.Operand) is Instruction store)
                status = BranchConditions.SeenThrough(method, Receivers.Producer(method.Body, store, 0), out _);
            if (constant == null || status == null || !(Il.Int32Constant(constant) is int value) || value < 5 || value > 7 ||
                !IsTaskMember(status, "get_Status")) return (null, false);
            var task = Receivers.Producer(method.Body, status, 0);
            return (task == null ? null : VariableKey(method, task), whenEqual);
        }

        /// <summary>
        /// The tasks complete once <paramref name="ins"/> has run: an awaiter's GetResult, Wait, WaitAll, .Result; and a
        /// TaskCompletionSource's <c>Task</c> once any of its <c>Set…</c>/<c>TrySet…</c> returned — a TrySet that returns
        /// false found it complete already (Azure.Core's AsyncLockWithValue reads <c>.Result</c> after a failed
        /// <c>TrySetCanceled</c>).
        /// </summary>
        private static IEnumerable<string> CompletedBy(MethodDefinition method, Instruction ins)
        {
            if (!IsCall(ins) || !(ins.Operand is MethodReference m)) yield break;
            if (IsSourceSet(m))
            {
                if (Receivers.Producer(method.Body, ins, m.Parameters.Count) is Instruction source && VariableKey(method, source) is string owner)
                    yield return owner + ".Task";
                yield break;
            }
            Instruction? task = null;
            if (m.Name == "GetResult" && m.DeclaringType.GetElementType().Name.Split('`')[0].EndsWith("Awaiter", System.StringComparison.Ordinal))
                task = AwaitedBy(method, ins);
            else if ((m.Name == "Wait" || m.Name == "get_Result") && m.HasThis && IsTaskType(m.DeclaringType))
                task = Receivers.Producer(method.Body, ins, m.Parameters.Count);
            else if (m.Name == "WaitAll" && IsTaskType(m.DeclaringType))
                task = ins;
            if (task == null) yield break;
            task = Unwrap(method, task);
            if (IsCall(task) && task.Operand is MethodReference all && (all.Name == "WhenAll" || all.Name == "WaitAll"))
            {
                foreach (var element in ArrayElements(method, task))
                    if (VariableKey(method, element) is string key) yield return key;
                // WhenAll(tasks) over a collection in a variable: every task in it.
                if (all.Parameters.Count == 1 && Receivers.Producer(method.Body, task, 0) is Instruction collection && collection.OpCode.Code != Code.Newarr &&
                    CollectionKey(method, collection) is string tasks)
                    yield return Each + tasks;
            }
            else if (VariableKey(method, task) is string key) yield return key;
        }

        /// <summary>
        /// A store of what <c>await Task.WhenAny(…)</c> returned (directly, or through a Debug build's temporary): the
        /// task that finished, complete from then on (YARP reads <c>.Result</c> of the copy direction that ended first).
        /// </summary>
        private static bool StoresWhenAnyResult(MethodDefinition method, Instruction store)
        {
            // Run for every store of a method with waits: only a task's store is worth following back.
            var value = Receivers.Producer(method.Body, store, 0);
            if (value == null) return false;
            if (Il.IsLdloc(value.OpCode.Code))
            {
                if (!(Receivers.Local(method, value) is VariableDefinition local) || !IsTaskType(local.VariableType)) return false;
                value = BranchConditions.SeenThrough(method, value, out bool negated);
                if (negated || value == null) return false;
            }
            // A Debug state machine parks an await's result in a temporary field (<>s__2) and copies it into the variable.
            else if (value.OpCode.Code == Code.Ldfld && value.Operand is FieldReference parked && IsTaskType(parked.FieldType) &&
                     IsThis(method, Receivers.Producer(method.Body, value, 0)))
                for (var ins = value.Previous; ins != null; ins = ins.Previous)
                    if (ins.OpCode.Code == Code.Stfld && Il.SameField((FieldReference)ins.Operand, parked))
                    {
                        value = Receivers.Producer(method.Body, ins, 0);
                        break;
                    }
            return value != null && IsWhenAnyResult(method, value);
        }

        /// <summary>The GetResult of <c>await Task.WhenAny(…)</c>: its value is the task that finished (used at once, or stored).</summary>
        private static bool IsWhenAnyResult(MethodDefinition method, Instruction value)
        {
            if (!IsCall(value) || !(value.Operand is MethodReference getResult) || getResult.Name != "GetResult" ||
                !getResult.DeclaringType.GetElementType().Name.Split('`')[0].EndsWith("Awaiter", System.StringComparison.Ordinal)) return false;
            var awaited = AwaitedBy(method, value);
            if (awaited == null) return false;
            awaited = Unwrap(method, awaited);
            return IsCall(awaited) && awaited.Operand is MethodReference any && any.Name == "WhenAny" && IsTaskType(any.DeclaringType);
        }

        /// <summary>
        /// The task whose awaiter this GetResult reads: the nearest GetAwaiter before it (in IL order) stored into the
        /// same local — the compiler lays each await's resumption right after its own suspension.
        /// </summary>
        private static Instruction? AwaitedBy(MethodDefinition method, Instruction getResult)
        {
            var awaiter = Receivers.Producer(method.Body, getResult, 0);
            var local = awaiter == null ? null : Receivers.Local(method, awaiter);
            if (local == null) return null;
            for (var ins = getResult.Previous; ins != null; ins = ins.Previous)
            {
                if (!Il.IsStloc(ins.OpCode.Code) || Receivers.Local(method, ins) != local) continue;
                var value = ins.Previous;
                if (value != null && IsCall(value) && value.Operand is MethodReference m && m.Name == "GetAwaiter")
                    return Receivers.Producer(method.Body, value, 0);
            }
            return null;
        }

        /// <summary>The tasks loaded into the array (or span) a WhenAll/WaitAll call is passed, read back to its start.</summary>
        private static IEnumerable<Instruction> ArrayElements(MethodDefinition method, Instruction call)
        {
            int budget = 64;
            for (var ins = call.Previous; ins != null && budget-- > 0; ins = ins.Previous)
            {
                if (ins.OpCode.FlowControl == FlowControl.Branch || ins.OpCode.FlowControl == FlowControl.Cond_Branch) yield break;
                if (ins.OpCode.Code == Code.Newarr) yield break;
                var next = ins.Next.OpCode.Code;
                if (next == Code.Stelem_Ref || next == Code.Stind_Ref || next == Code.Stelem_Any) yield return ins;
            }
        }

        /// <summary>Whether this method (or the lambda whose state machine it is) is a ContinueWith continuation and key its antecedent.</summary>
        private static bool IsContinuationAntecedent(MethodDefinition method, string key)
        {
            var lambda = method;
            string antecedent = "arg:0";
            var owner = method.DeclaringType.DeclaringType;
            if (owner != null && DisplayName.IsCompilerGenerated(method.DeclaringType.Name) &&
                Find.AsyncMachineFinder.KickoffIndex(owner).TryGetValue(method.DeclaringType.FullName, out var kickoff))
            {
                lambda = kickoff;
                if (!lambda.HasParameters) return false;
                antecedent = "fld:" + lambda.Parameters[0].Name;
            }
            return key == antecedent && lambda.HasParameters && Continuations.GetValue(lambda.Module, FindContinuations).Contains(lambda);
        }

        private static readonly ConditionalWeakTable<ModuleDefinition, HashSet<MethodDefinition>> Continuations =
            new ConditionalWeakTable<ModuleDefinition, HashSet<MethodDefinition>>();

        /// <summary>Methods made into a delegate whose first use is a ContinueWith call.</summary>
        private static HashSet<MethodDefinition> FindContinuations(ModuleDefinition module)
        {
            var found = new HashSet<MethodDefinition>();
            foreach (var type in module.GetTypes())
            foreach (var method in type.Methods.Where(m => m.HasBody))
            foreach (var ins in method.Body.Instructions)
            {
                if (ins.OpCode.Code != Code.Ldftn || !(ins.Operand is MethodReference target) || ins.Next?.OpCode.Code != Code.Newobj) continue;
                // The call that takes the delegate: calls without parameters on the way only push further arguments
                // (TaskScheduler.Default, a property of the captured state).
                var call = ins.Next.Next;
                for (int budget = 12; call != null && budget-- > 0 && (!IsCall(call) || ((MethodReference)call.Operand).Parameters.Count == 0); call = call.Next) { }
                if (call != null && IsCall(call) && ((MethodReference)call.Operand).Name == "ContinueWith" &&
                    target.Resolve() is MethodDefinition def) found.Add(def);
            }
            return found;
        }

        private static bool IsCall(Instruction ins) => ins.OpCode.Code == Code.Call || ins.OpCode.Code == Code.Callvirt;

        /// <summary>
        /// A library's own static test named as the Task member it stands for, taking the task alone
        /// (MassTransit's <c>TaskExtensions.IsCompletedSuccessfully(task)</c>, for older frameworks that lack the property).
        /// </summary>
        private static bool IsCompletionHelper(Instruction ins) =>
            IsCall(ins) && ins.Operand is MethodReference m && !m.HasThis && m.Parameters.Count == 1 && !IsTaskType(m.DeclaringType) &&
            m.ReturnType.MetadataType == MetadataType.Boolean && IsTaskType(m.Parameters[0].ParameterType) &&
            (m.Name == "IsCompleted" || m.Name == "IsCompletedSuccessfully" || m.Name == "IsFaulted" || m.Name == "IsCanceled" || ChecksItsTask(m));

        /// <summary>
        /// Whether a static helper's body is a completion check of the task it is handed, whatever its name:
        /// <c>task.Status == TaskStatus.RanToCompletion</c> (protobuf-net.Grpc's <c>RanToCompletion()</c>, Json.NET's
        /// <c>IsCompletedSucessfully()</c>) or one of the task's completion properties.
        /// </summary>
        private static bool ChecksItsTask(MethodReference helper)
        {
            MethodDefinition? body;
            try { body = helper.Resolve(); }
            catch (AssemblyResolutionException) { return false; }
            if (body == null || !body.HasBody) return false;
            return (bool)CheckingHelpers.GetValue(body, method =>
            {
                var instructions = method.Body.Instructions;
                var ret = instructions[instructions.Count - 1];
                if (ret.OpCode.Code != Code.Ret || instructions.Count(i => i.OpCode.Code == Code.Ret) != 1) return false;
                var value = Receivers.Producer(method.Body, ret, 0) ?? Receivers.Operand(method.Body, ret, 0);
                // A Debug build returns through a local it stores the check in.
                if (value != null && Il.IsLdloc(value.OpCode.Code) && Receivers.Local(method, value) is VariableDefinition local)
                    value = Receivers.SingleStoreValue(method, local);
                if (value == null) return false;
                string? task;
                if (value.OpCode.Code == Code.Ceq)
                {
                    var (compared, whenEqual) = StatusCheck(method, Receivers.Producer(method.Body, value, 0), Receivers.Producer(method.Body, value, 1), true);
                    task = whenEqual ? compared : null;
                }
                else task = IsTaskMember(value, "get_IsCompleted", "get_IsCompletedSuccessfully", "get_IsFaulted", "get_IsCanceled") &&
                            Receivers.Producer(method.Body, value, 0) is Instruction receiver ? VariableKey(method, receiver) : null;
                return task == "arg:0";
            });
        }

        private static readonly ConditionalWeakTable<MethodDefinition, object> CheckingHelpers = new ConditionalWeakTable<MethodDefinition, object>();

        private static bool IsTaskMember(Instruction ins, params string[] names) =>
            IsCall(ins) && ins.Operand is MethodReference m && names.Contains(m.Name) && IsTaskType(m.DeclaringType);

        private static bool IsTaskType(TypeReference type)
        {
            var element = type.GetElementType();
            return element.Namespace == "System.Threading.Tasks" &&
                   (element.Name == "Task" || element.Name == "Task`1" || element.Name == "ValueTask" || element.Name == "ValueTask`1");
        }
    }
}

using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// Wraps a MoveNext body so that each call is one timed segment:
    /// <code>
    /// entry = exit = this.&lt;&gt;1__state; start = Probe.Enter(site, entry);
    /// try { body, with every state store also copied to exit, and every ret a leave to the end;
    ///       each completion call (builder.SetResult/SetException) preceded by
    ///       Probe.ExitBeforeCompletion(start, site, entry, exit) and followed by a leave to done }
    /// fault { Probe.Abandon(); }
    /// end:  Probe.Exit(start, site, entry, exit); ret
    /// done: Probe.Abandon(); ret
    /// </code>
    /// A completion call can run the awaiting caller's continuation inline (and with it the caller's callers'):
    /// that time is theirs, so a segment that completes its method ends just before the call (see
    /// <see cref="CompletionCalls"/>). The probe goes in with the call's arguments already on the stack, which IL
    /// allows, so branches into the argument loads need no care.
    /// The exit state is copied at each store rather than read at the end because, once MoveNext has
    /// scheduled its continuation, another thread may already be running the same machine.
    /// Exit runs after the protected region, not in a finally: locals a finally reads must live in memory for the
    /// whole body (each state copy became a store), which cost ~2 ns per segment of a yielding method, more than
    /// the probes themselves. An exception only leaves a compiler-built MoveNext past its own catch-all when the
    /// builder itself fails; such a segment is not timed, and the fault handler, which reads no locals, closes the
    /// hang watchdog's record of it.
    /// </summary>
    internal static class SegmentProbe
    {
        public static void Apply(AsyncMachine machine, FieldReference site, RuntimeImports runtime)
        {
            var method = machine.MoveNext;
            var body = method.Body;
            var module = method.Module;
            var completions = CompletionCalls.In(machine);
            BranchForms.Widen(body);
            var il = body.GetILProcessor();

            var start = new VariableDefinition(module.TypeSystem.Int64);
            var entry = new VariableDefinition(module.TypeSystem.Int32);
            var exit = new VariableDefinition(module.TypeSystem.Int32);
            body.Variables.Add(start);
            body.Variables.Add(entry);
            body.Variables.Add(exit);

            var end = Locals.Load(start);
            var done = il.Create(OpCodes.Call, runtime.Abandon);
            var tryStart = body.Instructions[0];
            var rewritten = new List<Instruction>(body.Instructions.Count + body.Instructions.Count / 4 + 24)
            {
                il.Create(OpCodes.Ldarg_0),
                il.Create(OpCodes.Ldfld, machine.State),
                il.Create(OpCodes.Dup),
                Locals.Store(entry),
                Locals.Store(exit),
                il.Create(OpCodes.Ldsfld, site),
                Locals.Load(entry),
                il.Create(OpCodes.Call, runtime.Enter),
                Locals.Store(start),
            };
            foreach (var ins in body.Instructions)
            {
                if (completions.Contains(ins))
                {
                    rewritten.Add(Locals.Load(start));
                    rewritten.Add(il.Create(OpCodes.Ldsfld, site));
                    rewritten.Add(Locals.Load(entry));
                    rewritten.Add(Locals.Load(exit));
                    rewritten.Add(il.Create(OpCodes.Call, runtime.ExitBeforeCompletion));
                    rewritten.Add(ins);
                    rewritten.Add(il.Create(OpCodes.Leave, done));
                }
                else if (ins.OpCode.Code == Code.Stfld && ins.Operand is FieldReference stored && stored.Name == machine.State.Name)
                {
                    // Turn "stfld state" into "dup; stloc exit; stfld state" in place, so branches that target
                    // the store still land on it.
                    ins.OpCode = OpCodes.Dup;
                    ins.Operand = null;
                    rewritten.Add(ins);
                    rewritten.Add(Locals.Store(exit));
                    rewritten.Add(il.Create(OpCodes.Stfld, stored));
                }
                else
                {
                    if (ins.OpCode.Code == Code.Ret)
                    {
                        ins.OpCode = OpCodes.Leave;
                        ins.Operand = end;
                    }
                    else if (ins.OpCode.Code == Code.Tail)
                    {
                        // A tail call cannot leave a protected region.
                        ins.OpCode = OpCodes.Nop;
                    }
                    rewritten.Add(ins);
                }
            }

            var faultStart = il.Create(OpCodes.Call, runtime.Abandon);
            rewritten.Add(faultStart);
            rewritten.Add(il.Create(OpCodes.Endfinally));
            rewritten.Add(end);
            rewritten.Add(il.Create(OpCodes.Ldsfld, site));
            rewritten.Add(Locals.Load(entry));
            rewritten.Add(Locals.Load(exit));
            rewritten.Add(il.Create(OpCodes.Call, runtime.Exit));
            rewritten.Add(il.Create(OpCodes.Ret));
            if (completions.Count > 0)
            {
                rewritten.Add(done);
                rewritten.Add(il.Create(OpCodes.Ret));
            }
            InstructionList.Replace(body, rewritten);

            body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Fault)
            {
                TryStart = tryStart,
                TryEnd = faultStart,
                HandlerStart = faultStart,
                HandlerEnd = end,
            });
            BranchForms.Narrow(body);
        }
    }
}

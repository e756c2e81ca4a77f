using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// Wraps a MoveNext body so that each call is one timed segment:
    /// <code>
    /// entry = exit = this.&lt;&gt;1__state; start = Probe.Enter(site, entry);
    /// try { body, with every state store also copied to exit, and every ret a leave to the end }
    /// fault { Probe.Abandon(); }
    /// end: Probe.Exit(start, site, entry, exit); ret
    /// </code>
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
            body.SimplifyMacros();
            var il = body.GetILProcessor();

            var start = new VariableDefinition(module.TypeSystem.Int64);
            var entry = new VariableDefinition(module.TypeSystem.Int32);
            var exit = new VariableDefinition(module.TypeSystem.Int32);
            body.Variables.Add(start);
            body.Variables.Add(entry);
            body.Variables.Add(exit);

            var end = il.Create(OpCodes.Ldloc, start);
            foreach (var ins in body.Instructions.ToList())
            {
                if (ins.OpCode.Code == Code.Stfld && ins.Operand is FieldReference stored && stored.Name == machine.State.Name)
                {
                    // Turn "stfld state" into "dup; stloc exit; stfld state" in place, so branches that target
                    // the store still land on it.
                    var field = (FieldReference)ins.Operand!;
                    ins.OpCode = OpCodes.Dup;
                    ins.Operand = null;
                    var store = il.Create(OpCodes.Stloc, exit);
                    il.InsertAfter(ins, store);
                    il.InsertAfter(store, il.Create(OpCodes.Stfld, field));
                }
                else if (ins.OpCode.Code == Code.Ret)
                {
                    ins.OpCode = OpCodes.Leave;
                    ins.Operand = end;
                }
                else if (ins.OpCode.Code == Code.Tail)
                {
                    // A tail call cannot leave a protected region.
                    ins.OpCode = OpCodes.Nop;
                }
            }

            var tryStart = body.Instructions[0];
            var prologue = new[]
            {
                il.Create(OpCodes.Ldarg_0),
                il.Create(OpCodes.Ldfld, machine.State),
                il.Create(OpCodes.Dup),
                il.Create(OpCodes.Stloc, entry),
                il.Create(OpCodes.Stloc, exit),
                il.Create(OpCodes.Ldsfld, site),
                il.Create(OpCodes.Ldloc, entry),
                il.Create(OpCodes.Call, runtime.Enter),
                il.Create(OpCodes.Stloc, start),
            };
            foreach (var ins in prologue) il.InsertBefore(tryStart, ins);

            var faultStart = il.Create(OpCodes.Call, runtime.Abandon);
            il.Append(faultStart);
            il.Append(il.Create(OpCodes.Endfinally));
            il.Append(end);
            il.Append(il.Create(OpCodes.Ldsfld, site));
            il.Append(il.Create(OpCodes.Ldloc, entry));
            il.Append(il.Create(OpCodes.Ldloc, exit));
            il.Append(il.Create(OpCodes.Call, runtime.Exit));
            il.Append(il.Create(OpCodes.Ret));

            body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Fault)
            {
                TryStart = tryStart,
                TryEnd = faultStart,
                HandlerStart = faultStart,
                HandlerEnd = end,
            });
            body.OptimizeMacros();
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// Times each blocking call site: <c>t = Probe.BlockingStart(site); call X; Probe.BlockingEnd(t, site);</c>, or
    /// <c>Probe.BlockingResult&lt;T&gt;(result, t, site)</c> when X returns a T.
    /// Where the arguments are plain loads (locals, arguments, fields, constants: <see cref="SimpleArguments"/>), the
    /// start probe goes before them: no argument is then held in a register across the probe's cold call (a
    /// receiver and a key held so cost 0.7 ns a call in bench case (e)). Otherwise it runs after the arguments are
    /// evaluated (they are already on the stack) and leaves the stack as it found it. The end probe leaves the call's
    /// result in place. No try/finally: a call that throws is simply not timed, which keeps the cost to two clock loads.
    /// A wait on a task is instead replaced by the runtime's helper for it (<see cref="CompletedWaitCall"/>); a call into
    /// another assembly's async API ends in the probe for its task type (<see cref="AsyncCallEnd"/>), given as End.
    /// </summary>
    internal static class BlockingProbe
    {
        public static void Apply(MethodDefinition method, IEnumerable<(Instruction Call, FieldReference Site, MethodReference? End)> calls, RuntimeImports runtime)
        {
            var body = method.Body;
            BranchForms.Widen(body);
            var il = body.GetILProcessor();
            var start = new VariableDefinition(method.Module.TypeSystem.Int64);
            body.Variables.Add(start);

            var probes = new Dictionary<Instruction, (FieldReference Site, MethodReference? End)>();
            foreach (var (call, site, end) in calls) probes[call] = (site, end);
            // What goes in after which instruction, put in at the end in one pass (see InstructionList). The last site
            // goes first, so each site's argument walk reads only the compiler's instructions: every site changed before
            // it lies after its call.
            var after = new Dictionary<Instruction, Instruction[]>();
            var instructions = body.Instructions;
            for (int i = instructions.Count - 1; i >= 0; i--)
            {
                var call = instructions[i];
                if (!probes.TryGetValue(call, out var probe)) continue;
                var (site, end) = probe;
                var prefix = call.Previous;
                if (prefix != null && prefix.OpCode.Code == Code.Tail)
                {
                    prefix.OpCode = OpCodes.Nop; // the end probe runs after the call, so it cannot be a tail call
                    prefix = null;
                }
                var wait = end == null ? CompletedWaitCall.For(call, runtime) : null;
                if (wait != null)
                {
                    // The call becomes the site's load in place (branches to it stay right), then the helper.
                    call.OpCode = OpCodes.Ldsfld;
                    call.Operand = site;
                    after.Add(call, new[] { il.Create(OpCodes.Call, wait) });
                    continue;
                }
                // The first instruction of the call (its prefix, if any) — or of its argument loads — becomes the start
                // probe in place, so that branches and handler boundaries that pointed at it now include the probe.
                var head = prefix != null && prefix.OpCode.OpCodeType == OpCodeType.Prefix ? prefix : call;
                head = SimpleArguments(body, call, head) ?? head;
                var moved = il.Create(OpCodes.Nop);
                moved.OpCode = head.OpCode;
                moved.Operand = head.Operand;
                head.OpCode = OpCodes.Ldsfld;
                head.Operand = site;

                var startProbe = new[] { il.Create(OpCodes.Call, runtime.BlockingStart), Locals.Store(start), moved };
                var actualCall = head == call ? moved : call;
                var endProbe = new[] { Locals.Load(start), il.Create(OpCodes.Ldsfld, site), il.Create(OpCodes.Call, end ?? EndProbeFor(actualCall, runtime)) };
                if (head == call) after.Add(head, startProbe.Concat(endProbe).ToArray());
                else
                {
                    after.Add(head, startProbe);
                    after.Add(call, endProbe);
                }
            }
            var rewritten = new List<Instruction>(instructions.Count + 6 * after.Count);
            foreach (var ins in instructions)
            {
                rewritten.Add(ins);
                if (after.TryGetValue(ins, out var added)) rewritten.AddRange(added);
            }
            InstructionList.Replace(body, rewritten);
            BranchForms.Narrow(body);
        }

        /// <summary>
        /// The first of the instructions that load the call's arguments (receiver included), when every one of them is a
        /// plain load that pops nothing but, for a field, the object just loaded; null otherwise (or with no arguments).
        /// </summary>
        private static Instruction? SimpleArguments(MethodBody body, Instruction call, Instruction head)
        {
            var target = (MethodReference)call.Operand;
            int count = target.Parameters.Count + (target.HasThis && call.OpCode.Code != Code.Newobj ? 1 : 0);
            if (count == 0) return null;
            var first = Analyse.Receivers.Producer(body, head, count - 1);
            if (first == null) return null;
            // A field's value (this._connection): the load starts at the object it is read from.
            while ((first.OpCode.Code == Code.Ldfld || first.OpCode.Code == Code.Ldflda) && first.Previous != null &&
                   !Analyse.Receivers.IsJoinPoint(body, first) && Analyse.Il.IsPlainLoad(first.Previous.OpCode.Code))
                first = first.Previous;
            int loaded = 0;
            for (var ins = first; ins != head; ins = ins.Next)
            {
                if (ins == null) return null;
                if (ins != first && Analyse.Receivers.IsJoinPoint(body, ins)) return null;
                if (Analyse.Il.IsPlainLoad(ins.OpCode.Code)) loaded++;
                else if (ins.OpCode.Code != Code.Ldfld && ins.OpCode.Code != Code.Ldflda) return null; // a field replaces the object just loaded
            }
            return loaded == count ? first : null;
        }

        /// <summary>
        /// A call that returns a value passes it through the end probe (it is already on the stack, below the probe's
        /// arguments), so the JIT need not keep it in a callee-saved register across the probe's cold call.
        /// </summary>
        private static MethodReference EndProbeFor(Instruction call, RuntimeImports runtime)
        {
            var result = CallResultType.Of(call);
            if (result == null) return runtime.BlockingEnd;
            var probe = new GenericInstanceMethod(runtime.BlockingResult);
            probe.GenericArguments.Add(result);
            return probe;
        }
    }
}

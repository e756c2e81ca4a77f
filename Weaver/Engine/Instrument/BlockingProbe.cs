using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// Times each blocking call site: <c>t = Probe.BlockingStart(site); call X; Probe.BlockingEnd(t, site);</c>, or
    /// <c>Probe.BlockingResult&lt;T&gt;(result, t, site)</c> when X returns a T.
    /// The start probe runs after the arguments are evaluated (they are already on the stack) and leaves the
    /// stack as it found it; the end probe leaves the call's result in place. No try/finally: a call that
    /// throws is simply not timed, which keeps the cost to two clock loads.
    /// </summary>
    internal static class BlockingProbe
    {
        public static void Apply(MethodDefinition method, IEnumerable<(Instruction Call, FieldReference Site)> calls, RuntimeImports runtime)
        {
            var body = method.Body;
            body.SimplifyMacros();
            var il = body.GetILProcessor();
            var start = new VariableDefinition(method.Module.TypeSystem.Int64);
            body.Variables.Add(start);

            foreach (var (call, site) in calls)
            {
                var prefix = call.Previous;
                if (prefix != null && prefix.OpCode.Code == Code.Tail)
                {
                    prefix.OpCode = OpCodes.Nop; // the end probe runs after the call, so it cannot be a tail call
                    prefix = null;
                }
                // The first instruction of the call (its prefix, if any) becomes the start probe in place, so that
                // branches and handler boundaries that pointed at the call now include the probe.
                var head = prefix != null && prefix.OpCode.OpCodeType == OpCodeType.Prefix ? prefix : call;
                var moved = il.Create(OpCodes.Nop);
                moved.OpCode = head.OpCode;
                moved.Operand = head.Operand;
                head.OpCode = OpCodes.Ldsfld;
                head.Operand = site;

                var begin = il.Create(OpCodes.Call, runtime.BlockingStart);
                var store = il.Create(OpCodes.Stloc, start);
                il.InsertAfter(head, begin);
                il.InsertAfter(begin, store);
                il.InsertAfter(store, moved);
                var actualCall = head == call ? moved : call;

                var load = il.Create(OpCodes.Ldloc, start);
                var loadSite = il.Create(OpCodes.Ldsfld, site);
                il.InsertAfter(actualCall, load);
                il.InsertAfter(load, loadSite);
                il.InsertAfter(loadSite, il.Create(OpCodes.Call, EndProbeFor(actualCall, runtime)));
            }
            body.OptimizeMacros();
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

using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// The end probe of a call into another assembly's async API: the runtime's <c>AsyncCalls</c> method for the task
    /// type the call returns, made for its result type. It takes the task, the start time and the site, and returns the
    /// task, so the stack after it is as the call left it.
    /// </summary>
    internal static class AsyncCallEnd
    {
        /// <summary>Null when the runtime has no probe for the call's task type (ValueTask on netstandard2.0).</summary>
        public static MethodReference? For(Instruction call, RuntimeImports runtime)
        {
            var result = CallResultType.Of(call);
            return result != null && runtime.AsyncCallEnds.TryGetValue(result.GetElementType().FullName, out var probe)
                ? CompletedWaitCall.ForTypeArgument(probe, result) : null;
        }
    }
}

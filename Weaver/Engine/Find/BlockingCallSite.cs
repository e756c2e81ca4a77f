using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Weaver.Find
{
    /// <summary>A call to a catalogued blocking API, in some method of the module.</summary>
    internal sealed class BlockingCallSite
    {
        public BlockingCallSite(MethodDefinition method, Instruction call, BlockingApi api)
        {
            Method = method;
            Call = call;
            Api = api;
        }

        public MethodDefinition Method { get; }
        public Instruction Call { get; }
        public BlockingApi Api { get; }
        public MethodReference Target => (MethodReference)Call.Operand;
    }
}

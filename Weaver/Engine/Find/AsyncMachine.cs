using Mono.Cecil;

namespace NonBlocking.Weaver.Find
{
    /// <summary>A compiler-generated async state machine and the method the user wrote that creates it.</summary>
    internal sealed class AsyncMachine
    {
        public AsyncMachine(TypeDefinition type, MethodDefinition moveNext, FieldReference state, MethodDefinition? kickoff)
        {
            Type = type;
            MoveNext = moveNext;
            State = state;
            Kickoff = kickoff;
        }

        public TypeDefinition Type { get; }
        public MethodDefinition MoveNext { get; }
        /// <summary>The <c>&lt;&gt;1__state</c> field as MoveNext's own IL refers to it (right generic instance).</summary>
        public FieldReference State { get; }
        /// <summary>The async method as written; null when the compiler's attribute linking them is missing.</summary>
        public MethodDefinition? Kickoff { get; }
    }
}

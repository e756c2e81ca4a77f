using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Find
{
    /// <summary>Finds every C#/VB compiler-generated async state machine (class or struct, async iterators included).</summary>
    internal static class AsyncMachineFinder
    {
        private const string StateFieldName = "<>1__state";

        public static List<AsyncMachine> Find(ModuleDefinition module)
        {
            var machines = new List<AsyncMachine>();
            foreach (var type in AllTypes(module))
            {
                if (!type.Interfaces.Any(i => i.InterfaceType.FullName == "System.Runtime.CompilerServices.IAsyncStateMachine")) continue;
                var moveNext = type.Methods.FirstOrDefault(m => m.HasBody && !m.HasParameters && !m.IsStatic &&
                                                                 (m.Name == "MoveNext" || m.Name.EndsWith(".MoveNext")));
                if (moveNext == null) continue;
                // Roslyn's machines keep their state in <>1__state; others (F# resumable code, hand-written) do not
                // follow the protocol our await table relies on, so they are left alone.
                var state = moveNext.Body.Instructions
                    .Where(i => i.OpCode.Code == Code.Ldfld || i.OpCode.Code == Code.Stfld)
                    .Select(i => (FieldReference)i.Operand)
                    .FirstOrDefault(f => f.Name == StateFieldName && f.FieldType.MetadataType == MetadataType.Int32);
                if (state == null) continue;
                machines.Add(new AsyncMachine(type, moveNext, state, FindKickoff(type)));
            }
            return machines;
        }

        private static IEnumerable<TypeDefinition> AllTypes(ModuleDefinition module)
        {
            var stack = new Stack<TypeDefinition>(module.Types);
            while (stack.Count > 0)
            {
                var t = stack.Pop();
                yield return t;
                foreach (var n in t.NestedTypes) stack.Push(n);
            }
        }

        /// <summary>The method whose [AsyncStateMachine]/[AsyncIteratorStateMachine]/[IteratorStateMachine] names this type.</summary>
        public static MethodDefinition? FindKickoff(TypeDefinition machine)
        {
            var owner = machine.DeclaringType;
            if (owner == null) return null;
            foreach (var method in owner.Methods)
            {
                foreach (var attr in method.CustomAttributes)
                {
                    var name = attr.AttributeType.FullName;
                    if (name != "System.Runtime.CompilerServices.AsyncStateMachineAttribute" &&
                        name != "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute" &&
                        name != "System.Runtime.CompilerServices.IteratorStateMachineAttribute") continue;
                    if (attr.ConstructorArguments.Count == 1 && attr.ConstructorArguments[0].Value is TypeReference t &&
                        t.GetElementType().FullName == machine.FullName)
                        return method;
                }
            }
            return null;
        }
    }
}

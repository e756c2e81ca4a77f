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

        public static List<AsyncMachine> Find(ModuleDefinition module, Analyse.MethodOwners owners)
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
                machines.Add(new AsyncMachine(type, moveNext, state, owners.KickoffOf(type)));
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

        /// <summary>
        /// For one type, the state machine each of its async and iterator methods starts (by the machine's full
        /// name), read from their [AsyncStateMachine]-style attributes. Built once per type: asking per machine
        /// would rescan the type's methods and attributes every time.
        /// </summary>
        public static Dictionary<string, MethodDefinition> KickoffIndex(TypeDefinition owner)
        {
            var index = new Dictionary<string, MethodDefinition>(System.StringComparer.Ordinal);
            foreach (var method in owner.Methods)
            {
                if (!method.HasCustomAttributes) continue;
                foreach (var attr in method.CustomAttributes)
                {
                    var type = attr.AttributeType;
                    if (type.Name != "AsyncStateMachineAttribute" && type.Name != "AsyncIteratorStateMachineAttribute" &&
                        type.Name != "IteratorStateMachineAttribute") continue;
                    if (type.Namespace != "System.Runtime.CompilerServices") continue;
                    if (attr.ConstructorArguments.Count == 1 && attr.ConstructorArguments[0].Value is TypeReference t)
                        index[t.GetElementType().FullName] = method;
                }
            }
            return index;
        }
    }
}

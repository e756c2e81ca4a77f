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
            // Loops, not LINQ, over Cecil's collections (LINQ boxes their enumerators), and names compared by
            // parts (FullName is a new string per call): this looks at every type of every woven assembly.
            foreach (var type in AllTypes(module))
            {
                if (!IsAsyncStateMachine(type)) continue;
                var moveNext = MoveNextOf(type);
                if (moveNext == null) continue;
                // Roslyn's machines keep their state in <>1__state; others (F# resumable code, hand-written) do not
                // follow the protocol our await table relies on, so they are left alone.
                var state = StateField(moveNext);
                if (state == null) continue;
                machines.Add(new AsyncMachine(type, moveNext, state, owners.KickoffOf(type)));
            }
            return machines;
        }

        /// <summary>Whether a type is an async method's state machine (an iterator's is not).</summary>
        public static bool IsAsyncStateMachine(TypeDefinition type)
        {
            if (!type.HasInterfaces) return false;
            foreach (var i in type.Interfaces)
                if (i.InterfaceType.Name == "IAsyncStateMachine" && i.InterfaceType.Namespace == "System.Runtime.CompilerServices") return true;
            return false;
        }

        /// <summary>Whether a method is an async method (its body moved into a state machine).</summary>
        public static bool IsAsyncMethod(MethodDefinition method) =>
            method.HasCustomAttributes && method.CustomAttributes.Any(a => a.AttributeType.Name == "AsyncStateMachineAttribute");

        private static MethodDefinition? MoveNextOf(TypeDefinition type)
        {
            foreach (var m in type.Methods)
                if (m.HasBody && !m.HasParameters && !m.IsStatic && (m.Name == "MoveNext" || m.Name.EndsWith(".MoveNext", System.StringComparison.Ordinal)))
                    return m;
            return null;
        }

        private static FieldReference? StateField(MethodDefinition moveNext)
        {
            foreach (var i in moveNext.Body.Instructions)
                if ((i.OpCode.Code == Code.Ldfld || i.OpCode.Code == Code.Stfld) && i.Operand is FieldReference f &&
                    f.Name == StateFieldName && f.FieldType.MetadataType == MetadataType.Int32)
                    return f;
            return null;
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

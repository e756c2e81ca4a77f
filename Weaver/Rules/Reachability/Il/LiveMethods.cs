using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Catalog;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// An async method nothing can run is no root of the build-time analysis: what it blocks on never holds a thread.
    /// ADAL ships an internalized Json.NET whose async reader and writer no ADAL code calls; its 22 warnings were all in
    /// that dead code. A method runs if code outside can call it or something that runs calls it:
    /// <list type="bullet">
    /// <item>visible outside the assembly (public or protected, in types public all the way out), the entry point, a
    /// static constructor, any constructor (a container makes types by reflection), a public property accessor (serializers
    /// and bindings read them by reflection);</item>
    /// <item>a virtual method of a type written by hand that overrides or implements one declared elsewhere (a framework
    /// calls <c>BackgroundService.ExecuteAsync</c>, <c>IRequestHandler.Handle</c>), or whose base types do not all resolve;
    /// a public method of a type with a base class from elsewhere (a SignalR hub's methods are found by reflection);
    /// any method of a type or method that carries an attribute other than the compiler's and the debugger's (a
    /// framework finds them), or whose name a string of the code spells (reflection, <c>dynamic</c>);</item>
    /// <item>what a running method calls, loads as a delegate or names by token; a running virtual method runs its
    /// overrides; a compiler-generated type a running method names (its async method's state machine) runs its virtual
    /// methods, its <c>MoveNext</c> among them.</item>
    /// </list>
    /// A friend assembly (InternalsVisibleTo) may call anything internal: unless every friend is a test assembly or a
    /// mocking library's proxy, internal members count as visible outside. The diagnostics client's router code is
    /// internal and runs in dotnet-dsrouter, one of its friends.
    /// </summary>
    internal static class LiveMethods
    {
        public static List<AsyncMachine> Without(List<AsyncMachine> roots, ModuleDefinition module)
        {
            // Most async methods are visible outside: the assembly is read only when one is not.
            if (!roots.Any(r => r.Kickoff != null && !Visibility.VisibleOutside(r.Kickoff)) || FriendRuns(module)) return roots;
            var live = Reachable(module);
            var kept = roots.Where(r => r.Kickoff == null || live.Contains(r.Kickoff)).ToList();
            return kept.Count == roots.Count ? roots : kept;
        }

        /// <summary>The methods of <paramref name="module"/> that may run.</summary>
        public static HashSet<MethodDefinition> Reachable(ModuleDefinition module)
        {
            var overrides = Overrides.For(module);
            var bases = new Dictionary<MethodDefinition, List<MethodDefinition>>();
            foreach (var pair in overrides.All)
                foreach (var implementation in pair.Value)
                {
                    if (!bases.TryGetValue(implementation, out var list)) bases[implementation] = list = new List<MethodDefinition>();
                    list.Add(pair.Key);
                }
            var strings = Strings(module);
            var live = new HashSet<MethodDefinition>();
            var pending = new Stack<MethodDefinition>();
            var generatedSeen = new HashSet<TypeDefinition>();
            void Mark(MethodDefinition? method)
            {
                if (method == null || method.Module != module || !live.Add(method)) return;
                pending.Push(method);
                if (method.IsVirtual || method.DeclaringType.IsInterface)
                    foreach (var implementation in overrides.Of(method)) Mark(implementation);
            }
            void Name(TypeReference? type)
            {
                for (int depth = 0; type != null && depth < 8; depth++)
                {
                    if (type is GenericInstanceType instance)
                        foreach (var argument in instance.GenericArguments) Name(argument);
                    if (type is TypeSpecification specification) { type = specification.ElementType; continue; }
                    if (type is TypeDefinition definition && definition.Module == module && Visibility.InGeneratedType(definition) && generatedSeen.Add(definition))
                        foreach (var method in definition.Methods)
                            if (method.IsVirtual || method.IsConstructor) Mark(method);
                    return;
                }
            }

            foreach (var type in module.GetTypes())
            {
                bool generated = Visibility.InGeneratedType(type);
                bool attributed = !generated && Attributed(type);
                bool unresolved = !generated && Unresolved(type);
                bool framed = !generated && type.BaseType != null && !(type.BaseType.GetElementType() is TypeDefinition) && !Plain(type.BaseType);
                foreach (var method in type.Methods)
                {
                    bool root = method == module.EntryPoint || method.IsConstructor && (method.IsStatic || !generated) ||
                                !generated && (Visibility.VisibleOutside(method) || attributed || Attributed(method) || strings.Contains(method.Name) ||
                                               method.IsPublic && (framed || method.IsGetter || method.IsSetter) ||
                                               method.IsVirtual && (unresolved || OverridesOutside(method, bases, module)));
                    if (root) Mark(method);
                }
            }

            while (pending.Count > 0)
            {
                var method = pending.Pop();
                if (!method.HasBody) continue;
                foreach (var variable in method.Body.Variables) Name(variable.VariableType);
                foreach (var ins in method.Body.Instructions)
                    switch (ins.Operand)
                    {
                        case MethodReference called:
                            Name(called.DeclaringType);
                            if (called is GenericInstanceMethod generic)
                                foreach (var argument in generic.GenericArguments) Name(argument);
                            Mark(Own(called, module));
                            break;
                        case FieldReference field:
                            Name(field.DeclaringType);
                            break;
                        case TypeReference type:
                            Name(type);
                            break;
                    }
            }
            return live;
        }

        /// <summary>The module's own definition of a reference, without resolving references into other assemblies.</summary>
        private static MethodDefinition? Own(MethodReference reference, ModuleDefinition module)
        {
            if (reference is MethodDefinition definition) return definition;
            if (reference is GenericInstanceMethod generic) return Own(generic.ElementMethod, module);
            return reference.DeclaringType?.GetElementType() is TypeDefinition type && type.Module == module ? reference.Resolve() : null;
        }


        private static bool OverridesOutside(MethodDefinition method, Dictionary<MethodDefinition, List<MethodDefinition>> bases, ModuleDefinition module)
        {
            if (!bases.TryGetValue(method, out var list)) return !method.IsNewSlot || method.HasOverrides;
            return list.Any(b => b.Module != module);
        }

        /// <summary>A base type or interface that does not resolve: whether a method implements one from elsewhere is unknown.</summary>
        private static bool Unresolved(TypeDefinition type)
        {
            if (!type.Methods.Any(m => m.IsVirtual)) return false;
            try
            {
                if (type.BaseType != null && type.BaseType.Resolve() == null) return true;
                foreach (var i in type.Interfaces) if (i.InterfaceType.Resolve() == null) return true;
            }
            catch (AssemblyResolutionException) { return true; }
            return false;
        }

        /// <summary>System.Object and the bases the compiler gives value types, enums and delegates.</summary>
        private static bool Plain(TypeReference type) =>
            type.Namespace == "System" && (type.Name == "Object" || type.Name == "ValueType" || type.Name == "Enum" || type.Name == "MulticastDelegate");

        /// <summary>An attribute other than the compiler's, the debugger's, and the few that only describe the code.</summary>
        private static bool Attributed(ICustomAttributeProvider provider) =>
            provider.HasCustomAttributes && provider.CustomAttributes.Any(a => !ReachabilityNames.OnlyDescribes(a.AttributeType.Namespace, a.AttributeType.Name));

        /// <summary>A friend assembly that may run internal code (<see cref="ReachabilityNames.FriendRuns"/>).</summary>
        private static bool FriendRuns(ModuleDefinition module) =>
            module.Assembly != null && module.Assembly.HasCustomAttributes && module.Assembly.CustomAttributes.Any(a =>
                a.AttributeType.Name == "InternalsVisibleToAttribute" && a.AttributeType.Namespace == "System.Runtime.CompilerServices" &&
                (a.ConstructorArguments.Count != 1 || !(a.ConstructorArguments[0].Value is string friend) || ReachabilityNames.FriendRuns(friend)));

        /// <summary>Every string the code loads: names reflection may look up (an attributed member is a root already).</summary>
        private static HashSet<string> Strings(ModuleDefinition module)
        {
            var strings = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var type in module.GetTypes())
                foreach (var method in type.Methods)
                {
                    if (!method.HasBody) continue;
                    foreach (var ins in method.Body.Instructions)
                        if (ins.OpCode.Code == Code.Ldstr && ins.Operand is string text) strings.Add(text);
                }
            return strings;
        }
    }
}

using System;
using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Which types of the analysed code can have instances, so that dispatch leaves out the implementations of types that
    /// cannot (rapid type analysis): a type can if it is a value type; if code outside can make one (public, with a
    /// public constructor, or unsealed with a protected one, so a subclass outside can); or if the analysed code makes
    /// one — a <c>new</c>, or the type named where reflection or a container may make it (a <c>typeof</c>, a type
    /// argument, an attribute's <c>Type</c> argument or the attribute itself). A type whose subtypes include one that
    /// can counts too. ADAL's internalized Json.NET keeps a BSON reader and writer no code constructs: its async
    /// reader's default methods dispatch <c>this.Read()</c> to every reader, theirs among them. A type whose name a string
    /// of the code spells (MySql.Data makes its authentication plugins with <c>Activator.CreateInstance(Type.GetType(name))</c>
    /// from a table of names) counts as made; a module that lists its own types (<c>Assembly.GetTypes</c> and kin, a
    /// scan a container may register from) makes them all possible. Friend assemblies (InternalsVisibleTo) are not read.
    /// </summary>
    internal sealed class Instances
    {
        private readonly HashSet<ModuleDefinition> _modules;
        private readonly HashSet<TypeDefinition> _possible = new HashSet<TypeDefinition>();

        public Instances(IEnumerable<ModuleDefinition> modules, Overrides overrides, Func<TypeReference?, TypeDefinition?> resolve)
        {
            _modules = new HashSet<ModuleDefinition>(modules);
            var named = new HashSet<TypeDefinition>();
            void Name(TypeReference? reference)
            {
                for (int depth = 0; reference != null && depth < 8; depth++)
                {
                    if (reference is GenericInstanceType instance)
                        foreach (var argument in instance.GenericArguments) Name(argument);
                    if (reference is TypeSpecification specification) { reference = specification.ElementType; continue; }
                    if (!reference.IsGenericParameter && resolve(reference) is TypeDefinition type && _modules.Contains(type.Module)) named.Add(type);
                    return;
                }
            }
            void Attributes(ICustomAttributeProvider provider)
            {
                if (!provider.HasCustomAttributes) return;
                foreach (var attribute in provider.CustomAttributes)
                {
                    Name(attribute.AttributeType);
                    foreach (var argument in attribute.ConstructorArguments) if (argument.Value is TypeReference t) Name(t);
                    foreach (var property in attribute.Properties) if (property.Argument.Value is TypeReference t) Name(t);
                    foreach (var field in attribute.Fields) if (field.Argument.Value is TypeReference t) Name(t);
                }
            }
            var types = new List<TypeDefinition>();
            var strings = new HashSet<string>(StringComparer.Ordinal);
            bool scans = false;
            foreach (var module in _modules)
            {
                Attributes(module);
                if (module.Assembly != null) Attributes(module.Assembly);
                foreach (var type in module.GetTypes())
                {
                    types.Add(type);
                    Attributes(type);
                    foreach (var method in type.Methods)
                    {
                        Attributes(method);
                        if (!method.HasBody) continue;
                        foreach (var ins in method.Body.Instructions)
                            switch (ins.Operand)
                            {
                                case string text:
                                    strings.Add(text.Split(',')[0].Trim());
                                    break;
                                case MethodReference called:
                                    scans |= ListsTypes(called);
                                    if (ins.OpCode.Code == Code.Newobj) Name(called.DeclaringType);
                                    else if (called.DeclaringType is GenericInstanceType) Name(called.DeclaringType);
                                    if (called is GenericInstanceMethod generic)
                                        foreach (var argument in generic.GenericArguments) Name(argument);
                                    break;
                                case TypeReference typed when ins.OpCode.Code == Code.Ldtoken || typed is GenericInstanceType:
                                    Name(typed);
                                    break;
                                case FieldReference field when field.DeclaringType is GenericInstanceType:
                                    Name(field.DeclaringType);
                                    break;
                            }
                    }
                    foreach (var property in type.Properties) Attributes(property);
                    foreach (var field in type.Fields) Attributes(field);
                }
            }
            foreach (var type in types)
                if (scans || type.IsInterface || type.IsValueType || named.Contains(type) || ConstructibleOutside(type) ||
                    strings.Contains(type.FullName.Replace('/', '+')))
                {
                    _possible.Add(type);
                    foreach (var supertype in overrides.SupertypesOf(type)) _possible.Add(supertype);
                }
        }

        /// <summary>Whether <paramref name="type"/> or a type derived from it can have instances; true for a type of other code.</summary>
        public bool Possible(TypeDefinition type) => !_modules.Contains(type.Module) || _possible.Contains(type);

        /// <summary>A reflection call that lists an assembly's types: <c>GetTypes</c>, <c>GetExportedTypes</c>, <c>DefinedTypes</c>, <c>ExportedTypes</c>.</summary>
        private static bool ListsTypes(MethodReference called) =>
            (called.Name == "GetTypes" || called.Name == "GetExportedTypes" || called.Name == "get_DefinedTypes" || called.Name == "get_ExportedTypes" ||
             called.Name == "GetForwardedTypes") && called.DeclaringType.FullName == "System.Reflection.Assembly";

        /// <summary>Public all the way out, with a constructor code outside may call (a protected one through a subclass).</summary>
        private static bool ConstructibleOutside(TypeDefinition type)
        {
            if (!Visibility.TypeVisibleOutside(type)) return false;
            foreach (var method in type.Methods)
                if (method.IsConstructor && !method.IsStatic &&
                    (method.IsPublic || !type.IsSealed && (method.IsFamily || method.IsFamilyOrAssembly))) return true;
            return false;
        }
    }
}

using System;
using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Find
{
    /// <summary>
    /// Whether a LINQ operator call (<c>ToList</c>, <c>First</c>, <c>Count</c>…) runs an EF Core query: the calling
    /// assembly references EF Core, and the IL shows the operator's source is an <c>IQueryable</c> — a DbSet, a
    /// <c>Where(...)</c> over one, a local or field of such a type. LINQ over lists and arrays is never blocking.
    /// </summary>
    internal static class QueryableSources
    {
        private static readonly Dictionary<ModuleDefinition, bool> UsesEfCore = new Dictionary<ModuleDefinition, bool>();

        public static bool IsQuery(MethodDefinition method, Instruction call)
        {
            if (!ReferencesEfCore(method.Module)) return false;
            var target = (MethodReference)call.Operand;
            if (target.Parameters.Count == 0) return false;
            var source = Analyse.Receivers.Producer(method.Body, call, target.Parameters.Count - 1);
            var type = source == null ? null : Analyse.Receivers.StaticType(method, source);
            // Queryable's operators take an IQueryable by signature: an unknown source is still a query.
            if (type == null) return target.DeclaringType.FullName == "System.Linq.Queryable";
            return IsQueryable(type);
        }

        private static bool ReferencesEfCore(ModuleDefinition module)
        {
            lock (UsesEfCore)
            {
                if (UsesEfCore.TryGetValue(module, out bool uses)) return uses;
                uses = false;
                foreach (var r in module.AssemblyReferences)
                    if (r.Name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)) uses = true;
                return UsesEfCore[module] = uses;
            }
        }

        private static bool IsQueryable(TypeReference type)
        {
            var element = type.GetElementType();
            if (element.Namespace == "System.Linq" && (element.Name == "IQueryable`1" || element.Name == "IOrderedQueryable`1" || element.Name == "IQueryable"))
                return true;
            try
            {
                for (var def = element.Resolve(); def != null; def = def.BaseType?.Resolve())
                    foreach (var i in def.Interfaces)
                        if (i.InterfaceType.Namespace == "System.Linq" && i.InterfaceType.GetElementType().Name == "IQueryable`1") return true;
            }
            catch (AssemblyResolutionException) { }
            return false;
        }
    }
}

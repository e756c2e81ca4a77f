using Mono.Cecil;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>Whether a type can be awaited: the task types by name, anything else by a parameterless GetAwaiter().</summary>
    internal static class Awaitable
    {
        public static bool Is(TypeReference type)
        {
            var element = type.GetElementType();
            if (element.Namespace == "System.Threading.Tasks" &&
                (element.Name == "Task" || element.Name == "Task`1" || element.Name == "ValueTask" || element.Name == "ValueTask`1"))
                return true;
            if (type.IsPrimitive || type.IsGenericParameter || type.IsByReference || type.IsPointer || type.IsArray ||
                type.MetadataType == MetadataType.Void || type.MetadataType == MetadataType.String || type.MetadataType == MetadataType.Object)
                return false;
            try
            {
                var def = element.Resolve();
                if (def == null) return false;
                foreach (var m in def.Methods)
                    if (m.Name == "GetAwaiter" && !m.HasParameters && !m.IsStatic) return true;
            }
            catch (AssemblyResolutionException) { }
            return false;
        }
    }
}

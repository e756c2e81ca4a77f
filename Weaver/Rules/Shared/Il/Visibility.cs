using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>What code outside the assembly can see of a type or method, and whether a type is the compiler's.</summary>
    internal static class Visibility
    {
        /// <summary>Public, or nested public or protected, all the way out: code outside the assembly can name it.</summary>
        public static bool TypeVisibleOutside(TypeDefinition type)
        {
            for (var t = type; t != null; t = t.DeclaringType)
                if (!(t.IsPublic || t.IsNestedPublic || t.IsNestedFamily || t.IsNestedFamilyOrAssembly)) return false;
            return true;
        }

        /// <summary>Public or protected, in a type visible outside.</summary>
        public static bool VisibleOutside(MethodDefinition method) =>
            (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && TypeVisibleOutside(method.DeclaringType);

        /// <summary>Made by the compiler (a state machine, a closure, the lambda cache <c>&lt;&gt;c</c>), or nested in such a type.</summary>
        public static bool InGeneratedType(TypeDefinition? type)
        {
            for (; type != null; type = type.DeclaringType)
                if (DisplayName.IsCompilerGenerated(type.Name)) return true;
            return false;
        }
    }
}

using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// The type a call leaves on the stack, written in the caller's context so it can be a generic argument there —
    /// or null when it cannot be one, or we cannot tell: nothing returned, by-ref and pointer returns, modified types,
    /// ref structs. Null costs nothing but speed: the caller then uses the probe that does not pass the value through.
    /// </summary>
    internal static class CallResultType
    {
        private const GenericParameterAttributes AllowByRefLike = (GenericParameterAttributes)0x0020;

        public static TypeReference? Of(Instruction call)
        {
            if (call.OpCode.Code != Code.Call && call.OpCode.Code != Code.Callvirt) return null;
            var method = (MethodReference)call.Operand;
            if (method.ReturnType.MetadataType == MetadataType.Void) return null;
            var type = Inflate(method.ReturnType, method.DeclaringType as GenericInstanceType, method as GenericInstanceMethod);
            return type != null && CanBeGenericArgument(type) ? type : null;
        }

        /// <summary>A signature's type with the call's generic arguments in place of the callee's parameters.</summary>
        private static TypeReference? Inflate(TypeReference type, GenericInstanceType? declaring, GenericInstanceMethod? method)
        {
            switch (type)
            {
                case GenericParameter p when p.Type == GenericParameterType.Type:
                    return declaring != null && p.Position < declaring.GenericArguments.Count ? declaring.GenericArguments[p.Position] : null;
                case GenericParameter p:
                    return method != null && p.Position < method.GenericArguments.Count ? method.GenericArguments[p.Position] : null;
                case GenericInstanceType g:
                    var inflated = new GenericInstanceType(g.ElementType);
                    foreach (var argument in g.GenericArguments)
                    {
                        var a = Inflate(argument, declaring, method);
                        if (a == null) return null;
                        inflated.GenericArguments.Add(a);
                    }
                    return inflated;
                case ArrayType a when a.IsVector:
                    var element = Inflate(a.ElementType, declaring, method);
                    return element == null ? null : new ArrayType(element);
                case TypeSpecification _:
                    return null; // by-ref, pointer, modifiers, multi-dimensional arrays: not worth a generic argument
                default:
                    return type;
            }
        }

        private static bool CanBeGenericArgument(TypeReference type)
        {
            switch (type)
            {
                case GenericParameter p:
                    return (p.Attributes & AllowByRefLike) == 0;
                case GenericInstanceType g:
                    return !g.IsValueType || !IsByRefLike(g.ElementType);
                case TypeSpecification _:
                    return type is ArrayType;
                default:
                    return type.MetadataType != MetadataType.TypedByReference && (!type.IsValueType || type.IsPrimitive || !IsByRefLike(type));
            }
        }

        private static bool IsByRefLike(TypeReference type)
        {
            TypeDefinition? definition;
            try { definition = type.Resolve(); }
            catch (AssemblyResolutionException) { return true; } // cannot tell: take the safe form
            if (definition == null) return true;
            foreach (var attribute in definition.CustomAttributes)
                if (attribute.AttributeType.FullName == "System.Runtime.CompilerServices.IsByRefLikeAttribute") return true;
            return false;
        }
    }
}

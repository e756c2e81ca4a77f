using System.Collections.Generic;
using System.Linq;
using System.Text;
using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>Names methods the way the user wrote them: <c>Ns.Type&lt;T&gt;.Method(int, string)</c>, lambdas and local functions included.</summary>
    internal static class DisplayName
    {
        private static readonly Dictionary<MetadataType, string> Keywords = new Dictionary<MetadataType, string>
        {
            [MetadataType.Boolean] = "bool", [MetadataType.Char] = "char", [MetadataType.SByte] = "sbyte", [MetadataType.Byte] = "byte",
            [MetadataType.Int16] = "short", [MetadataType.UInt16] = "ushort", [MetadataType.Int32] = "int", [MetadataType.UInt32] = "uint",
            [MetadataType.Int64] = "long", [MetadataType.UInt64] = "ulong", [MetadataType.Single] = "float", [MetadataType.Double] = "double",
            [MetadataType.String] = "string", [MetadataType.Object] = "object", [MetadataType.Void] = "void",
            [MetadataType.IntPtr] = "nint", [MetadataType.UIntPtr] = "nuint",
        };

        /// <summary>The async method behind a machine; falls back to the machine's own name when the kickoff is unknown.</summary>
        public static string Of(MethodDefinition? kickoff, TypeDefinition machine)
        {
            if (kickoff == null)
                return TypeName(machine.DeclaringType ?? machine) + "." + UserMethodName(machine.Name) + "(?)";
            return TypeName(kickoff.DeclaringType) + "." + (BaseCallOf(kickoff) ?? UserMethodName(kickoff.Name)) + GenericParameters(kickoff) +
                   "(" + Parameters(kickoff) + ")";
        }

        /// <summary>
        /// <c>base.Name</c> for the proxy (<c>&lt;&gt;n__0</c>) the compiler writes for a <c>base.Name(…)</c> call in an
        /// async method or lambda, which only forwards to it; null for any other method.
        /// </summary>
        public static string? BaseCallOf(MethodDefinition method)
        {
            if (!method.Name.StartsWith("<>n__", System.StringComparison.Ordinal) || !method.HasBody) return null;
            foreach (var ins in method.Body.Instructions)
                if (ins.OpCode.Code == Mono.Cecil.Cil.Code.Call && ins.Operand is MethodReference called) return "base." + called.Name;
            return null;
        }

        /// <summary>A called API as written: <c>System.Threading.Thread.Sleep(int)</c>, <c>System.Threading.Tasks.Task&lt;int&gt;.Result</c>.</summary>
        public static string OfCall(MethodReference target)
        {
            var type = target.DeclaringType;
            string typeName = CalledTypeName(type);
            if (target.Name.StartsWith("get_") && !target.HasParameters) return typeName + "." + target.Name.Substring(4);
            // A call's signature speaks of generic parameters by position (!!0, !0): show the arguments of this call.
            var methodArgs = (target as GenericInstanceMethod)?.GenericArguments;
            var typeArgs = (type as GenericInstanceType)?.GenericArguments;
            TypeReference Substitute(GenericParameter p)
            {
                var args = p.Type == GenericParameterType.Method ? methodArgs : typeArgs;
                return args != null && p.Position < args.Count ? args[p.Position] : p;
            }
            string name = target.Name + (methodArgs == null ? "" : "<" + string.Join(", ", methodArgs.Select(a => Type(a))) + ">");
            var text = new StringBuilder();
            for (int i = 0; i < target.Parameters.Count; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(Type(target.Parameters[i].ParameterType, Substitute));
            }
            return typeName + "." + name + "(" + text + ")";
        }

        /// <summary>
        /// The called member's type, namespace-qualified, as C# writes it. Metadata gives a nested type of a generic type
        /// all the type arguments, the outer ones first; each name in the chain takes as many as its arity says
        /// (<c>ConfiguredTaskAwaitable&lt;int&gt;.ConfiguredTaskAwaiter</c>, not <c>ConfiguredTaskAwaitable.ConfiguredTaskAwaiter&lt;int&gt;</c>).
        /// </summary>
        private static string CalledTypeName(TypeReference type)
        {
            var chain = new List<TypeReference>();
            for (var t = type.GetElementType(); t != null; t = t.DeclaringType) chain.Insert(0, t);
            var args = (type as GenericInstanceType)?.GenericArguments;
            var parts = new List<string>();
            int next = 0;
            foreach (var t in chain)
            {
                int tick = t.Name.LastIndexOf('`');
                int arity = tick >= 0 && int.TryParse(t.Name.Substring(tick + 1), out int n) ? n : 0;
                string part = StripArity(t.Name);
                if (args != null && arity > 0 && next + arity <= args.Count)
                    part += "<" + string.Join(", ", args.Skip(next).Take(arity).Select(a => Type(a))) + ">";
                next += arity;
                parts.Add(part);
            }
            string ns = chain[0].Namespace;
            return (ns.Length > 0 ? ns + "." : "") + string.Join(".", parts);
        }

        // A loop rather than string.Join over LINQ, which boxes Cecil's enumerator: this names every woven method.
        private static string Parameters(MethodReference method)
        {
            if (!method.HasParameters) return "";
            var parameters = method.Parameters;
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < parameters.Count; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(Type(parameters[i].ParameterType));
            }
            return text.ToString();
        }

        /// <summary>Declaring type chain without compiler-generated closure classes (<c>&lt;&gt;c</c>, display classes).</summary>
        public static string TypeName(TypeDefinition type)
        {
            var parts = new List<string>();
            for (var t = type; t != null; t = t.DeclaringType)
            {
                if (IsCompilerGenerated(t.Name)) continue;
                parts.Add(StripArity(t.Name) + OwnGenericParameters(t));
                if (t.DeclaringType == null && t.Namespace.Length > 0) parts.Add(t.Namespace);
            }
            parts.Reverse();
            return string.Join(".", parts);
        }

        /// <summary>
        /// <c>&lt;Main&gt;b__0_0</c> is a lambda in Main, <c>&lt;Main&gt;g__Local|0_0</c> a local function, <c>&lt;Foo&gt;d__3</c> Foo's machine.
        /// </summary>
        public static string UserMethodName(string name)
        {
            if (!name.StartsWith("<")) return name;
            int close = name.IndexOf('>');
            if (close < 0) return name;
            string outer = name.Substring(1, close - 1);
            string rest = name.Substring(close + 1);
            if (rest.StartsWith("g__"))
            {
                int bar = rest.IndexOf('|');
                return outer + "." + (bar > 3 ? rest.Substring(3, bar - 3) : rest.Substring(3));
            }
            if (rest.StartsWith("b__")) return outer + ".<lambda>";
            return outer;
        }

        /// <summary>The user method a compiler-generated member belongs to (Main for Main's lambdas), or null.</summary>
        public static string? ContainingUserMethod(string generatedName)
        {
            if (!generatedName.StartsWith("<")) return null;
            int close = generatedName.IndexOf('>');
            return close > 1 ? generatedName.Substring(1, close - 1) : null;
        }

        public static bool IsCompilerGenerated(string name) => name.StartsWith("<");

        private static string StripArity(string name)
        {
            int tick = name.IndexOf('`');
            return tick < 0 ? name : name.Substring(0, tick);
        }

        private static string OwnGenericParameters(TypeDefinition t)
        {
            // Nested types repeat their parents' generic parameters; show only the ones this type adds.
            int inherited = t.DeclaringType?.GenericParameters.Count ?? 0;
            var own = t.GenericParameters.Skip(inherited).Select(p => p.Name).ToList();
            return own.Count == 0 ? "" : "<" + string.Join(", ", own) + ">";
        }

        private static string GenericParameters(MethodDefinition m) =>
            m.HasGenericParameters ? "<" + string.Join(", ", m.GenericParameters.Select(p => p.Name)) + ">" : "";

        /// <param name="t">The type.</param>
        /// <param name="substitute">Replaces a generic parameter by what a call instantiates it with, when naming a call.</param>
        public static string Type(TypeReference t, System.Func<GenericParameter, TypeReference>? substitute = null)
        {
            switch (t)
            {
                case ByReferenceType r: return "ref " + Type(r.ElementType, substitute);
                case ArrayType a: return Type(a.ElementType, substitute) + "[" + new string(',', a.Rank - 1) + "]";
                case PointerType p: return Type(p.ElementType, substitute) + "*";
                case RequiredModifierType rq: return Type(rq.ElementType, substitute);
                case OptionalModifierType op: return Type(op.ElementType, substitute);
                case GenericInstanceType g:
                    if (g.ElementType.FullName == "System.Nullable`1") return Type(g.GenericArguments[0], substitute) + "?";
                    return StripArity(g.ElementType.Name) + "<" + string.Join(", ", g.GenericArguments.Select(a => Type(a, substitute))) + ">";
                case GenericParameter gp:
                    if (substitute != null)
                    {
                        var actual = substitute(gp);
                        if (actual != gp) return Type(actual);
                    }
                    return gp.Name;
            }
            if (Keywords.TryGetValue(t.MetadataType, out var keyword)) return keyword;
            var sb = new StringBuilder(StripArity(t.Name));
            return sb.ToString();
        }
    }
}

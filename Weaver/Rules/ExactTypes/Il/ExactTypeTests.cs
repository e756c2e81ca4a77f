using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// Tests of whether <c>this</c> is exactly its own class C, in C's own code: <c>GetType() == typeof(C)</c> (or
    /// <c>!=</c>), or a private bool field that only C's constructors store, each time with that test. Json.NET keeps one
    /// as <c>_safeAsync</c> in JsonTextReader and JsonTextWriter (and so do the copies of it other libraries carry, such
    /// as ADAL's): their async overrides run their own async code when it holds and otherwise fall back to the base
    /// class's default, which runs the sync members a subclass may have overridden. With no subclass of C in the
    /// analysed code, every object that runs C's code is exactly a C: the test holds, and its other side never runs (a
    /// subclass elsewhere is its own code's to answer for, as virtual dispatch reads only the analysed code's overrides).
    /// </summary>
    internal static class ExactTypeTests
    {
        private static readonly ConditionalWeakTable<ModuleDefinition, HashSet<TypeDefinition>> Extended =
            new ConditionalWeakTable<ModuleDefinition, HashSet<TypeDefinition>>();
        private static readonly ConditionalWeakTable<FieldDefinition, object> FieldAnswers = new ConditionalWeakTable<FieldDefinition, object>();
        private static readonly object True = true, False = false;

        /// <summary>
        /// Whether the method tests its object's exact type in a way this rule decides (most do not: their code is all
        /// live). Asked once per method and context by the live-code reading, which keeps the answer: not cached here.
        /// </summary>
        public static bool Any(MethodDefinition method)
        {
            if (!method.HasBody || !method.HasThis || method.DeclaringType.HasGenericParameters || Subclassed(method.DeclaringType)) return false;
            foreach (var ins in method.Body.Instructions)
                if (Value(method, ins) != null) return true;
            return false;
        }

        /// <summary>What <paramref name="producer"/> pushes when it is such a test of <c>this</c> in a class with no subclass here; null otherwise.</summary>
        public static bool? Value(MethodDefinition method, Instruction producer)
        {
            var code = producer.OpCode.Code;
            // A generic class's objects are of its instantiations, never of typeof(C<>) (the analyzer leaves them out too).
            if (code != Code.Ldfld && code != Code.Call && code != Code.Ceq || !method.HasThis || !method.HasBody || method.DeclaringType.HasGenericParameters) return null;
            bool? value;
            if (code == Code.Ldfld)
                value = producer.Operand is FieldDefinition field && field.IsPrivate && !field.IsStatic && field.FieldType.MetadataType == MetadataType.Boolean &&
                        field.DeclaringType == method.DeclaringType && IsExactTypeField(field) &&
                        Receivers.Producer(method.Body, producer, 0)?.OpCode.Code == Code.Ldarg_0 ? true : (bool?)null;
            else value = Comparison(method, producer);
            return value != null && !Subclassed(method.DeclaringType) ? value : null;
        }

        /// <summary>
        /// For <c>GetType() == typeof(C)</c> on <c>this</c> in C's code (<c>op_Equality</c>, or <c>ceq</c> as some
        /// compilers emit it): true; for <c>!=</c>: false; null for anything else.
        /// </summary>
        private static bool? Comparison(MethodDefinition method, Instruction ins)
        {
            bool equality;
            if (ins.OpCode.Code == Code.Ceq) equality = true;
            else if (ins.OpCode.Code == Code.Call && ins.Operand is MethodReference m && (m.Name == "op_Equality" || m.Name == "op_Inequality") &&
                     m.Parameters.Count == 2 && m.DeclaringType.FullName == "System.Type")
                equality = m.Name == "op_Equality";
            else return null;
            var right = Receivers.Producer(method.Body, ins, 0);
            var left = Receivers.Producer(method.Body, ins, 1);
            if (right == null || left == null) return null;
            bool exact = IsOwnType(method, left) && IsTypeOfThis(method, right) || IsOwnType(method, right) && IsTypeOfThis(method, left);
            return exact ? equality : (bool?)null;
        }

        /// <summary><c>this.GetType()</c>.</summary>
        private static bool IsTypeOfThis(MethodDefinition method, Instruction value)
        {
            if ((value.OpCode.Code != Code.Call && value.OpCode.Code != Code.Callvirt) || !(value.Operand is MethodReference m) || m.Name != "GetType" ||
                m.Parameters.Count != 0 || m.DeclaringType.FullName != "System.Object") return false;
            return Receivers.Producer(method.Body, value, 0)?.OpCode.Code == Code.Ldarg_0;
        }

        /// <summary><c>typeof(C)</c> where C is the method's own class.</summary>
        private static bool IsOwnType(MethodDefinition method, Instruction value) => FlagReader.TypeOf(method, value) == method.DeclaringType.FullName;

        /// <summary>
        /// Whether a private bool field of its class is stored only by the class's constructors, each time with
        /// <c>GetType() == typeof(C)</c> (asked only of private instance bool fields, the class's own code reading them).
        /// </summary>
        private static bool IsExactTypeField(FieldDefinition field) =>
            (bool)FieldAnswers.GetValue(field, f =>
            {
                bool stored = false;
                foreach (var (method, uses) in PrivateFieldUses.ByMethod(f))
                    foreach (var use in uses)
                    {
                        if (use.OpCode.Code == Code.Ldfld) continue;
                        if (use.OpCode.Code != Code.Stfld || !method.IsConstructor || method.IsStatic || method.DeclaringType != f.DeclaringType) return False;
                        var value = Receivers.Producer(method.Body, use, 0);
                        if (value == null || Comparison(method, value) != true) return False;
                        stored = true;
                    }
                return stored ? True : False;
            });

        /// <summary>Whether a type of the module derives from <paramref name="type"/>.</summary>
        private static bool Subclassed(TypeDefinition type) =>
            Extended.GetValue(type.Module, module =>
            {
                var bases = new HashSet<TypeDefinition>();
                foreach (var t in module.GetTypes())
                    if (t.BaseType?.GetElementType() is TypeDefinition baseType) bases.Add(baseType);
                return bases;
            }).Contains(type);
    }
}

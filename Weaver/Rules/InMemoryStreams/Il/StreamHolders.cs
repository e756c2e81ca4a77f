using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A class of the module, not a stream, that holds what its constructor is handed — a stream, a catalogued writer or
    /// reader (or one it builds over the stream: <c>writer = new BinaryWriter(stream)</c>), or another such holder —
    /// in a field only its constructors store, and does nothing else that blocks: built over in-memory objects, it is in
    /// memory too, as a stream that only wraps is. SQS's <c>SQSWriter</c> writes message attributes through a
    /// <c>BinaryWriter</c> over the <c>MemoryStream</c> it hashes; Firebird's <c>XdrReaderWriter</c> over a
    /// <c>DataProviderStreamWrapper</c> over a <c>MemoryStream</c> writes a statement's parameters. A call on a held
    /// field is the one thing such a class does with what it holds: <see cref="Classify"/> does not read past it.
    /// </summary>
    internal sealed partial class StreamTypes
    {
        private readonly Dictionary<TypeDefinition, HashSet<FieldDefinition>?> _held = new Dictionary<TypeDefinition, HashSet<FieldDefinition>?>();

        /// <summary>The fields of a plain class (its base is object) that hold what its constructors are handed; null when it holds none.</summary>
        private HashSet<FieldDefinition>? Held(TypeDefinition type)
        {
            if (_held.TryGetValue(type, out var known)) return known;
            _held[type] = null; // while in progress: a class that holds itself holds nothing
            if (type.IsInterface || type.IsValueType || type.BaseType?.FullName != "System.Object" || IsStream(type)) return null;
            HashSet<FieldDefinition>? held = null;
            foreach (var field in type.Fields)
            {
                if (field.IsStatic || !(field.IsPrivate || field.IsInitOnly) || !IsCarrier(field.FieldType)) continue;
                var values = KnownValues.OfField(field);
                if (values == null || values.Count == 0) continue;
                if (values.All(v => v.Method.IsConstructor && v.Method.DeclaringType == type && v.Producer != null && Handed(v.Method, v.Producer)))
                    (held ??= new HashSet<FieldDefinition>()).Add(field);
            }
            return _held[type] = held;
        }

        /// <summary>A constructor's carrier parameter, as it is or with a catalogued writer or reader built over it.</summary>
        private bool Handed(MethodDefinition constructor, Instruction value)
        {
            if (value.OpCode.Code == Code.Newobj && value.Operand is MethodReference wrapper && StreamWrappers.Types.Contains(wrapper.DeclaringType.GetElementType().FullName) &&
                wrapper.Parameters.Count > 0)
                value = Receivers.Producer(constructor.Body, value, wrapper.Parameters.Count - 1) ?? value;
            return Il.IsLdarg(value.OpCode.Code) && Il.ParameterOf(constructor, value) is ParameterDefinition parameter && IsCarrier(parameter.ParameterType);
        }

        /// <summary>
        /// Whether a value of this type can carry an in-memory stream into an object: a stream, a catalogued writer or
        /// reader, a text reader or writer, a class of the module that holds one, or an interface of the module such a
        /// class or a stream implements.
        /// </summary>
        public bool IsCarrier(TypeReference type)
        {
            string name = type.GetElementType().FullName;
            return IsStream(type) || StreamWrappers.CarriesStream(name) || StreamWrappers.IsTextCarrier(name) || IsHolder(type);
        }

        /// <summary>Whether the type is a class of the module that holds a carrier, or an interface of the module one implements (or a stream does).</summary>
        public bool IsHolder(TypeReference type)
        {
            if (!(Declared(type) is TypeDefinition declared)) return false;
            if (!declared.IsInterface) return Held(declared) != null;
            if (_carrierInterfaces.TryGetValue(declared, out bool carries)) return carries;
            _carrierInterfaces[declared] = false;
            carries = _module!.GetTypes().Any(t => !t.IsInterface && t.Interfaces.Any(i => i.InterfaceType.GetElementType().FullName == declared.FullName) &&
                                                   (IsStream(t) || Held(t) != null));
            return _carrierInterfaces[declared] = carries;
        }

        private readonly Dictionary<TypeDefinition, bool> _carrierInterfaces = new Dictionary<TypeDefinition, bool>();

        /// <summary>Whether the call is made on a held field of the class's own object (<c>this._stream.Flush()</c>).</summary>
        private static bool OnHeld(MethodDefinition method, Instruction call, MethodReference target, HashSet<FieldDefinition> held)
        {
            if (!target.HasThis || call.OpCode.Code == Code.Newobj || !method.HasThis) return false;
            var receiver = Receivers.Producer(method.Body, call, target.Parameters.Count);
            if (receiver == null || receiver.OpCode.Code != Code.Ldfld || !(receiver.Operand is FieldReference reference)) return false;
            if (Receivers.Producer(method.Body, receiver, 0)?.OpCode.Code != Code.Ldarg_0) return false;
            return held.Any(f => Il.SameField(f, reference));
        }
    }
}

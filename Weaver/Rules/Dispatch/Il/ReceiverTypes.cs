using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// The types a virtual call's receiver can have, read from where the object comes from rather than from the type
    /// the IL declares for it: a new object is its own type; a local, a private field or a private method's parameter
    /// holds only what its stores and callers give it (<see cref="KnownValues"/>); a factory in the analysed code returns
    /// only what its returns give back. Cosmos' JSON parser takes an <c>IJsonReader</c> in <c>ParseTrueNode</c>, but its
    /// only caller hands it the <c>IJsonTextReaderPrivateImplementation</c> it was given, which its Json.NET adapter is
    /// not; <c>JsonWriter.Create(Text)</c> returns its own text or binary writer, never the adapter. Each answer is a
    /// list of types the object is one of or derives from; null where a source is not known (a generic parameter, a
    /// value from a path the stack walk cannot follow), and then the declared type decides.
    /// </summary>
    internal sealed class ReceiverTypes
    {
        private const int MaxDepth = 6;
        private readonly System.Func<MethodReference, MethodDefinition?> _resolve;
        private readonly System.Func<TypeReference?, TypeDefinition?> _resolveType;
        private readonly System.Func<MethodDefinition, IReadOnlyList<MethodDefinition>> _implementations;
        private readonly Dictionary<Instruction, List<TypeDefinition>?> _known = new Dictionary<Instruction, List<TypeDefinition>?>();

        /// <param name="resolve">A method in the analysed code, or null (its returns are not read then).</param>
        /// <param name="resolveType">A type, resolved (null where it cannot be).</param>
        /// <param name="implementations">The analysed code's implementations of a virtual or interface method.</param>
        public ReceiverTypes(System.Func<MethodReference, MethodDefinition?> resolve, System.Func<TypeReference?, TypeDefinition?> resolveType,
            System.Func<MethodDefinition, IReadOnlyList<MethodDefinition>> implementations)
        {
            _resolve = resolve;
            _resolveType = resolveType;
            _implementations = implementations;
        }

        /// <summary>
        /// The most values one question reads: a value handed through helpers that many callers share is followed to
        /// six steps, and with a few callers each that is thousands of readings for one argument (EF Core's services);
        /// past it, what is left is its declared type (less precise, never wrong).
        /// </summary>
        private const int MaxReadings = 64;

        private int _readings;

        /// <summary>The types the value <paramref name="producer"/> pushes in <paramref name="method"/> can have; null where not known.</summary>
        public IReadOnlyList<TypeDefinition>? Of(MethodDefinition method, Instruction producer)
        {
            if (_known.TryGetValue(producer, out var known)) return known;
            _readings = 0;
            return _known[producer] = Sources(method, producer, new HashSet<object>(), 0);
        }

        private List<TypeDefinition>? Sources(MethodDefinition method, Instruction producer, HashSet<object> visiting, int depth)
        {
            if (++_readings > MaxReadings) return Static(method, producer);
            var code = producer.OpCode.Code;
            if (code == Code.Ldnull) return new List<TypeDefinition>();
            if (code == Code.Newobj) return Declared(((MethodReference)producer.Operand).DeclaringType);
            if (code == Code.Castclass || code == Code.Isinst) return Declared(producer.Operand as TypeReference);
            if (code == Code.Dup) return Receivers.Producer(method.Body, producer, 0) is Instruction copied ? Sources(method, copied, visiting, depth) : null;
            if (depth >= MaxDepth) return Static(method, producer);
            // A value met again on the way round a cycle (a parser's mutually recursive helpers hand one reader round)
            // adds no source of its own: its sources are the ones the cycle is entered from.
            object key = Key(method, producer);
            if (!visiting.Add(key)) return new List<TypeDefinition>();
            try
            {
                var values = Values(method, producer);
                if (values == null) return Static(method, producer);
                var types = new List<TypeDefinition>();
                foreach (var (owner, value) in values)
                {
                    var found = value == null ? null : Sources(owner, value, visiting, depth + 1);
                    if (found == null) return Static(method, producer);
                    foreach (var type in found)
                        if (!types.Contains(type)) types.Add(type);
                }
                return types;
            }
            finally { visiting.Remove(key); }
        }

        /// <summary>A value's identity for cycles: a parameter, a field or a method's returns (shared by every load), else the instruction.</summary>
        private object Key(MethodDefinition method, Instruction producer)
        {
            if (Il.IsLdarg(producer.OpCode.Code) && Il.ParameterOf(method, producer) is ParameterDefinition parameter) return parameter;
            if (producer.Operand is FieldReference field) return field.Resolve() ?? (object)producer;
            if ((producer.OpCode.Code == Code.Call || producer.OpCode.Code == Code.Callvirt) && producer.Operand is MethodReference called &&
                _resolve(called) is MethodDefinition def) return def;
            return producer;
        }

        /// <summary>The values that flow into <paramref name="producer"/>'s, each with the method that pushes it; null where code elsewhere can supply one.</summary>
        private List<(MethodDefinition, Instruction?)>? Values(MethodDefinition method, Instruction producer)
        {
            var code = producer.OpCode.Code;
            if (Il.IsLdloc(code) || Il.IsLdarg(code) || code == Code.Ldfld || code == Code.Ldsfld) return Listed(KnownValues.OfLoad(method, producer));
            // C# calls an instance method with callvirt, virtual or not: Returns reads only the non-virtual ones.
            if ((code == Code.Call || code == Code.Callvirt) && producer.Operand is MethodReference called) return Returns(called);
            return null;
        }

        private static List<(MethodDefinition, Instruction?)>? Listed(IReadOnlyList<KnownValues.Value>? values)
        {
            if (values == null) return null;
            var list = new List<(MethodDefinition, Instruction?)>(values.Count);
            foreach (var value in values) list.Add((value.Method, value.Producer));
            return list;
        }


        /// <summary>
        /// What a method of the analysed code returns: a static or non-virtual one's returns; a virtual or interface one's,
        /// those of every body the analysed code has for it (Selenium's <c>IHasCapabilities.Capabilities</c> is the
        /// driver's returned capabilities in each implementation, never the settings a caller builds); null where one
        /// has no body in sight.
        /// </summary>
        private List<(MethodDefinition, Instruction?)>? Returns(MethodReference called)
        {
            var def = _resolve(called);
            if (def == null || called.ReturnType.IsGenericParameter) return null;
            if (!def.IsVirtual) return def.HasBody ? Consumed(def, def.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret)) : null;
            var values = new List<(MethodDefinition, Instruction?)>();
            var bodies = def.IsAbstract ? _implementations(def) : new[] { def }.Concat(_implementations(def)).ToList();
            if (bodies.Count == 0) return null;
            foreach (var body in bodies)
            {
                if (!body.HasBody || body.ReturnType.IsGenericParameter) return null;
                var returned = Consumed(body, body.Body.Instructions.Where(i => i.OpCode.Code == Code.Ret));
                if (returned == null) return null;
                values.AddRange(returned);
            }
            return values;
        }

        /// <summary>Every value the instructions take from the top of the stack (each side of a conditional); null where one is not known.</summary>
        private static List<(MethodDefinition, Instruction?)>? Consumed(MethodDefinition method, IEnumerable<Instruction> consumers)
        {
            var values = new List<(MethodDefinition, Instruction?)>();
            foreach (var consumer in consumers)
            {
                var producers = Receivers.Operands(method.Body, consumer, 0);
                if (producers == null) return null;
                foreach (var p in producers) values.Add((method, p));
            }
            return values;
        }

        private List<TypeDefinition>? Static(MethodDefinition method, Instruction producer) => Declared(Receivers.StaticType(method, producer));

        private List<TypeDefinition>? Declared(TypeReference? type)
        {
            if (type == null || type.IsGenericParameter || type.IsByReference || type.IsArray) return null;
            var resolved = _resolveType(type);
            return resolved == null ? null : new List<TypeDefinition> { resolved };
        }
    }
}

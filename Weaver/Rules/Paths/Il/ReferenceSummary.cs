using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using NonBlocking.Weaver.Analyse.Flags;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>
    /// What one referenced assembly's methods reach: for each method with a blocking path, that path rendered.
    /// Virtual and interface methods declared in the followed assemblies also get the shortest path among their
    /// implementations here, so a call through the interface finds it.
    /// </summary>
    internal sealed class ReferenceSummary
    {
        private readonly Dictionary<string, ExternalWitness> _byMethod;
        private readonly Dictionary<string, ExternalWitness?> _withStreamsInMemory;

        private ReferenceSummary(string assemblyName, string key, Dictionary<string, ExternalWitness> byMethod,
            Dictionary<string, ExternalWitness?> withStreamsInMemory)
        {
            AssemblyName = assemblyName;
            Key = key;
            _byMethod = byMethod;
            _withStreamsInMemory = withStreamsInMemory;
        }

        public string AssemblyName { get; }

        /// <summary>Identifies the inputs it was made from (file stamps, catalog, depth, dependencies).</summary>
        public string Key { get; }

        public int Count => _byMethod.Count;

        /// <param name="methodFullName">Cecil's full name of the method definition.</param>
        /// <param name="streamsInMemory">The call hands an in-memory stream for each of the method's Stream parameters.</param>
        public ExternalWitness? Find(string methodFullName, bool streamsInMemory = false)
        {
            if (streamsInMemory && _withStreamsInMemory.TryGetValue(methodFullName, out var inMemory)) return inMemory;
            return _byMethod.TryGetValue(methodFullName, out var w) ? w : null;
        }

        public static ReferenceSummary Empty(string assemblyName, string key) =>
            new ReferenceSummary(assemblyName, key, new Dictionary<string, ExternalWitness>(StringComparer.Ordinal),
                new Dictionary<string, ExternalWitness?>(StringComparer.Ordinal));

        /// <param name="followedAssemblies">Names of all followed assemblies: only their virtual methods get entries
        /// for implementations (an override of a framework method, such as ToString, would flag every call of it).</param>
        /// <param name="contexts">Read with <c>inMemoryStreamEntries</c>: each method with Stream parameters also as if handed in-memory ones.</param>
        public static ReferenceSummary Build(ModuleDefinition module, string key, CallGraph graph, ContextGraph contexts, BlockingPaths paths,
            ICollection<string> followedAssemblies)
        {
            var byMethod = new Dictionary<string, ExternalWitness>(StringComparer.Ordinal);
            var witnesses = new Dictionary<MethodDefinition, ExternalWitness>();
            var withStreams = new Dictionary<string, ExternalWitness?>(StringComparer.Ordinal);
            var streamWitnesses = new Dictionary<MethodDefinition, ExternalWitness?>();
            foreach (var method in paths.Methods)
            {
                var witness = Witness(paths, new FlagNode(method, FlagContext.Unknown))!;
                witnesses[method] = witness;
                byMethod[method.FullName] = witness;
                // Handed in-memory streams, the method may block elsewhere, or not at all (MimeMessage.WriteTo into a
                // measuring stream).
                if (!(contexts.StreamEntry(method) is FlagNode entry)) continue;
                var inMemory = Witness(paths, entry);
                streamWitnesses[method] = inMemory;
                withStreams[method.FullName] = inMemory;
            }
            foreach (var pair in graph.Overriders)
            {
                var declaredIn = pair.Key.Module.Assembly?.Name.Name;
                if (declaredIn == null || !followedAssemblies.Contains(declaredIn) || byMethod.ContainsKey(pair.Key.FullName)) continue;
                var shortest = pair.Value.Where(witnesses.ContainsKey).Select(m => witnesses[m]).OrderBy(w => w.Depth).FirstOrDefault();
                if (shortest == null) continue;
                byMethod[pair.Key.FullName] = shortest;
                if (contexts.StreamEntry(pair.Key) == null) continue;
                // Each implementation as it is with in-memory streams (one without that reading, as it is without).
                withStreams[pair.Key.FullName] = pair.Value.Where(witnesses.ContainsKey)
                    .Select(m => streamWitnesses.TryGetValue(m, out var w) ? w : witnesses[m])
                    .Where(w => w != null).OrderBy(w => w!.Depth).FirstOrDefault();
            }
            return new ReferenceSummary(module.Assembly?.Name.Name ?? module.Name, key, byMethod, withStreams);
        }

        private static ExternalWitness? Witness(BlockingPaths paths, FlagNode node)
        {
            var step = paths.From(node);
            if (step == null) return null;
            var method = node.Method;
            var (hops, api, alternative, where) = BlockingPathText.Of(paths.Walk(node), homeType: null);
            return new ExternalWitness(DisplayName.Of(method, method.DeclaringType), hops, api, alternative, where, step.Depth);
        }
    }
}

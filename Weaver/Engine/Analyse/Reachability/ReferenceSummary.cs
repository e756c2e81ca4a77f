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

        private ReferenceSummary(string assemblyName, string key, Dictionary<string, ExternalWitness> byMethod)
        {
            AssemblyName = assemblyName;
            Key = key;
            _byMethod = byMethod;
        }

        public string AssemblyName { get; }

        /// <summary>Identifies the inputs it was made from (file stamps, catalog, depth, dependencies).</summary>
        public string Key { get; }

        public int Count => _byMethod.Count;

        /// <param name="methodFullName">Cecil's full name of the method definition.</param>
        public ExternalWitness? Find(string methodFullName) => _byMethod.TryGetValue(methodFullName, out var w) ? w : null;

        public static ReferenceSummary Empty(string assemblyName, string key) =>
            new ReferenceSummary(assemblyName, key, new Dictionary<string, ExternalWitness>(StringComparer.Ordinal));

        /// <param name="followedAssemblies">Names of all followed assemblies: only their virtual methods get entries
        /// for implementations (an override of a framework method, such as ToString, would flag every call of it).</param>
        public static ReferenceSummary Build(ModuleDefinition module, string key, CallGraph graph, BlockingPaths paths, ICollection<string> followedAssemblies)
        {
            var byMethod = new Dictionary<string, ExternalWitness>(StringComparer.Ordinal);
            var witnesses = new Dictionary<MethodDefinition, ExternalWitness>();
            foreach (var method in paths.Methods)
            {
                var (hops, api, alternative, where) = BlockingPathText.Of(paths.Walk(new FlagNode(method, FlagContext.Unknown)), homeType: null);
                var witness = new ExternalWitness(DisplayName.Of(method, method.DeclaringType), hops, api, alternative, where, paths.From(new FlagNode(method, FlagContext.Unknown))!.Depth);
                witnesses[method] = witness;
                byMethod[method.FullName] = witness;
            }
            foreach (var pair in graph.Overriders)
            {
                var declaredIn = pair.Key.Module.Assembly?.Name.Name;
                if (declaredIn == null || !followedAssemblies.Contains(declaredIn) || byMethod.ContainsKey(pair.Key.FullName)) continue;
                var shortest = pair.Value.Where(witnesses.ContainsKey).Select(m => witnesses[m]).OrderBy(w => w.Depth).FirstOrDefault();
                if (shortest != null) byMethod[pair.Key.FullName] = shortest;
            }
            return new ReferenceSummary(module.Assembly?.Name.Name ?? module.Name, key, byMethod);
        }
    }
}

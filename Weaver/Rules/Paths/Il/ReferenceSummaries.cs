using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using NonBlocking.Weaver.Analyse.Flags;
using NonBlocking.Weaver.Find;
using NonBlocking.Weaver.Catalog;
using NonBlocking.Weaver.Read;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>
    /// Summaries of the followed references, cached for the life of the process. MSBuild runs the task for every
    /// project of a build in a few long-lived nodes, so in a solution where many projects reference the same
    /// library, that library is read and analysed once. Entries are keyed by file size and time, the catalog,
    /// the depth limit and the summaries of the references they depend on, so a rebuilt library is analysed again.
    /// </summary>
    internal static class ReferenceSummaries
    {
        private const int MaxEntries = 512;
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, ReferenceSummary> Summaries = new Dictionary<string, ReferenceSummary>(StringComparer.Ordinal);
        private static readonly Dictionary<string, (string Name, List<string> References)> Headers = new Dictionary<string, (string, List<string>)>(StringComparer.Ordinal);

        private static readonly Dictionary<string, int> ComputedCounts = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>How many times this file was analysed (not served from the cache) in this process; tests read it.</summary>
        internal static int TimesComputed(string path)
        {
            lock (Gate) return ComputedCounts.TryGetValue(Path.GetFullPath(path), out int n) ? n : 0;
        }

        /// <param name="followed">The assemblies to summarise.</param>
        /// <param name="referencePaths">Where their own references are found.</param>
        public static List<ReferenceSummary> For(IEnumerable<string> followed, IList<string> referencePaths, BlockingCatalog catalog,
            string catalogKey, int maxDepth)
        {
            lock (Gate)
            {
                var byName = new Dictionary<string, string>(StringComparer.Ordinal);
                var context = new Context(byName, referencePaths, catalog, catalogKey + "|" + maxDepth, maxDepth);
                foreach (var path in followed.Where(File.Exists).Select(Path.GetFullPath))
                {
                    var header = Header(path, context.StampOf(path));
                    if (header != null && !byName.ContainsKey(header.Value.Name)) byName[header.Value.Name] = path;
                }
                return byName.Values.Select(p => Summarise(p, context)).Where(s => s != null).Select(s => s!).ToList();
            }
        }

        private sealed class Context
        {
            public Context(Dictionary<string, string> byName, IList<string> referencePaths, BlockingCatalog catalog, string settingsKey, int maxDepth)
            {
                ByName = byName;
                ReferencePaths = referencePaths;
                Catalog = catalog;
                SettingsKey = settingsKey;
                MaxDepth = maxDepth;
            }

            public Dictionary<string, string> ByName { get; }
            public IList<string> ReferencePaths { get; }
            public BlockingCatalog Catalog { get; }
            public string SettingsKey { get; }
            public int MaxDepth { get; }
            public HashSet<string> InProgress { get; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>Each file is stat'ed once per request, however many followed assemblies depend on it.</summary>
            public string StampOf(string path)
            {
                if (!_stamps.TryGetValue(path, out var stamp)) _stamps[path] = stamp = Stamp(path);
                return stamp;
            }

            private readonly Dictionary<string, string> _stamps = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        private static ReferenceSummary? Summarise(string path, Context context)
        {
            string stamp = context.StampOf(path);
            var header = Header(path, stamp);
            if (header == null || !context.InProgress.Add(path)) return null;
            try
            {
                // Calls from this reference into other followed ones end in their summaries, made first.
                var dependencies = header.Value.References.Where(r => r != header.Value.Name && context.ByName.ContainsKey(r))
                    .OrderBy(r => r, StringComparer.Ordinal)
                    .Select(r => Summarise(context.ByName[r], context)).Where(s => s != null).Select(s => s!).ToList();
                string key = stamp + "|" + context.SettingsKey + "|" + string.Join(",", dependencies.Select(d => d.Key));
                if (Summaries.TryGetValue(key, out var cached)) return cached;

                var summary = Compute(path, header.Value.Name, key, dependencies, context);
                if (Summaries.Count >= MaxEntries) Summaries.Clear();
                Summaries[key] = summary;
                ComputedCounts[path] = (ComputedCounts.TryGetValue(path, out int n) ? n : 0) + 1;
                return summary;
            }
            finally
            {
                context.InProgress.Remove(path);
            }
        }

        private static ReferenceSummary Compute(string path, string name, string key, List<ReferenceSummary> dependencies, Context context)
        {
            try
            {
                using var input = InputAssembly.Read(path, context.ReferencePaths, new List<Diagnostic>());
                var owners = new MethodOwners();
                var graph = new CallGraph(new[] { input.Module }, context.Catalog, m => OptOut.Applies(m, owners.OwnerOf(m)), dependencies);
                var machines = AsyncMachineFinder.Find(input.Module, owners);
                var contexts = new ContextGraph(graph, new FlagReader(owners), machines, inMemoryStreamEntries: true);
                var paths = new BlockingPaths(contexts, context.MaxDepth);
                return ReferenceSummary.Build(input.Module, key, graph, contexts, paths, context.ByName.Keys);
            }
            catch (Exception e) when (e is WeaveException || e is BadImageFormatException || e is IOException || e is InvalidOperationException || e is AssemblyResolutionException)
            {
                // Not analysable (a reference assembly, a damaged file): calls into it are simply not followed.
                return ReferenceSummary.Empty(name, key);
            }
        }

        /// <summary>The assembly's name and the names it references, read from metadata only.</summary>
        private static (string Name, List<string> References)? Header(string path, string stamp)
        {
            if (Headers.TryGetValue(stamp, out var known)) return known;
            try
            {
                using var module = ModuleDefinition.ReadModule(path, new ReaderParameters { ReadingMode = ReadingMode.Deferred, InMemory = true });
                var header = (module.Assembly?.Name.Name ?? Path.GetFileNameWithoutExtension(path), module.AssemblyReferences.Select(r => r.Name).ToList());
                if (Headers.Count >= MaxEntries) Headers.Clear();
                Headers[stamp] = header;
                return header;
            }
            catch (Exception e) when (e is BadImageFormatException || e is IOException || e is InvalidOperationException || e is ArgumentException)
            {
                return null;
            }
        }

        private static string Stamp(string path)
        {
            var file = new FileInfo(path);
            var pdb = new FileInfo(Path.ChangeExtension(path, ".pdb"));
            return file.FullName + "|" + file.Length + "|" + file.LastWriteTimeUtc.Ticks + "|" + (pdb.Exists ? pdb.LastWriteTimeUtc.Ticks : 0);
        }
    }
}

using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace NonBlocking.Corpus.Tests.Support
{
    /// <summary>
    /// Loads assemblies from one folder before anything else, so a folder of woven libraries and a folder of
    /// shipped ones can run the same workload side by side. The framework and NonBlocking.Runtime come from the
    /// default context (native libraries too, through the test host's own dependency manifest).
    /// </summary>
    internal sealed class FolderLoadContext : AssemblyLoadContext, IDisposable
    {
        private readonly string _folder;

        public FolderLoadContext(string folder) : base("corpus-" + Path.GetFileName(folder), isCollectible: true)
        {
            _folder = folder;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == null || name.Name == "NonBlocking.Runtime") return null;
            string candidate = Path.Combine(_folder, name.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }

        public void Dispose() => Unload();
    }
}

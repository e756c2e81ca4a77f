using System;
using System.Reflection;
using System.Runtime.Loader;

namespace NonBlocking.Tests.Support
{
    /// <summary>
    /// Loads one copy of a test assembly in its own collectible context, so the woven and the unwoven build of
    /// the same assembly can run side by side. NonBlocking.Runtime comes from the test's own context, so the
    /// reports of every copy reach <see cref="NonBlocking.Report.BlockingMonitor"/>.
    /// </summary>
    internal sealed class IsolatedLoad : IDisposable
    {
        private readonly AssemblyLoadContext _context;

        public IsolatedLoad(string path)
        {
            _context = new AssemblyLoadContext("nonblocking-test-" + Guid.NewGuid().ToString("N"), isCollectible: true);
            Assembly = _context.LoadFromAssemblyPath(path);
        }

        public Assembly Assembly { get; }

        public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

        public void Dispose() => _context.Unload();
    }
}

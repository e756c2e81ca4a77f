using System;
using System.IO;

namespace NonBlocking.Tests.Support
{
    /// <summary>Where the repo and the TestAssemblies builds are.</summary>
    internal static class TestPaths
    {
        public static string RepoRoot { get; } = FindRepoRoot();

        private static string FindRepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NonBlocking.Weaver.sln"))) return dir.FullName;
            throw new InvalidOperationException("NonBlocking.Weaver.sln not found above " + AppContext.BaseDirectory);
        }

        /// <summary>A TestAssemblies program as built by Weaver.Tests.csproj (configuration Debug or Release).</summary>
        public static string TestAssembly(string name, string configuration)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "TestAssemblies", configuration, name, name + ".dll");
            if (!File.Exists(path)) throw new FileNotFoundException("TestAssemblies build missing; build Weaver.Tests first", path);
            return path;
        }

        public static string Source(string relative) => Path.Combine(RepoRoot, relative);

        public static string RuntimeAssembly => typeof(NonBlocking.AllowBlockingAttribute).Assembly.Location;

        public static string NewTempDirectory(string purpose)
        {
            var dir = Path.Combine(Path.GetTempPath(), "nonblocking-tests", purpose + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using NonBlocking.Tests.Support;

namespace NonBlocking.Accuracy.Tests
{
    /// <summary>
    /// PostgreSQL and Redis on loopback for the scenarios that need them, started by build/servers.sh (which installs
    /// them from Debian's packages when they are missing) and stopped when the tests end.
    /// </summary>
    public sealed class Servers : IDisposable
    {
        private readonly string _dir;

        public Servers()
        {
            _dir = TestPaths.NewTempDirectory("servers");
            var r = ProcessRunner.Run("bash", new[] { TestPaths.Source("build/servers.sh"), "start", _dir }, TestPaths.RepoRoot,
                timeout: TimeSpan.FromMinutes(10));
            if (r.ExitCode != 0) throw new InvalidOperationException("build/servers.sh start failed: " + r);
            foreach (var line in r.StdOut.Split('\n'))
            {
                if (line.StartsWith("PG=", StringComparison.Ordinal)) Environment["ACCURACY_PG"] = line.Substring(3).Trim();
                if (line.StartsWith("REDIS=", StringComparison.Ordinal)) Environment["ACCURACY_REDIS"] = line.Substring(6).Trim();
            }
            if (Environment.Count != 2) throw new InvalidOperationException("build/servers.sh printed no addresses: " + r);
        }

        /// <summary>ACCURACY_PG and ACCURACY_REDIS for the scenario processes.</summary>
        public Dictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();

        public void Dispose()
        {
            ProcessRunner.Run("bash", new[] { TestPaths.Source("build/servers.sh"), "stop", _dir }, TestPaths.RepoRoot);
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

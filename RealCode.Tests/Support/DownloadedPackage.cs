using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>
    /// An assembly of a package version the project downloads (PackageDownload), picked as a net10.0 app on Linux would
    /// get it: the runtime-specific build first (Microsoft.Data.SqlClient's lib/ holds stubs), then the newest framework.
    /// </summary>
    internal static class DownloadedPackage
    {
        private static readonly string[] Frameworks =
            { "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netcoreapp2.1", "netstandard2.1", "netstandard2.0" };

        public static string AssemblyPath(string package, string version, string assembly)
        {
            var root = typeof(DownloadedPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value!;
            var folder = Path.Combine(root, package.ToLowerInvariant(), version);
            foreach (var prefix in new[] { Path.Combine("runtimes", "unix", "lib"), "lib" })
                foreach (var framework in Frameworks)
                {
                    var path = Path.Combine(folder, prefix, framework, assembly + ".dll");
                    if (File.Exists(path)) return path;
                }
            throw new FileNotFoundException(
                $"{package} {version} has no {assembly}.dll for net10.0 under {folder}; add the version to the PackageDownload items of RealCode.Tests.csproj and restore.");
        }
    }
}

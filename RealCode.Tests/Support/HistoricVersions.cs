using System;
using System.IO;

namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>
    /// The package versions of the historic-bug benchmark, each built by its own project under Historic/Versions (its
    /// exact version and that version's dependencies, as a net10.0 app on Linux gets them).
    /// </summary>
    internal static class HistoricVersions
    {
        private static readonly string Root = BuildMetadata.Of("HistoricVersions");

        /// <summary>The folder holding the package's assembly and all it references.</summary>
        public static string Folder(string package, string version)
        {
            var folder = Path.Combine(Root, package + "." + version, "bin");
            if (!Directory.Exists(folder))
                throw new DirectoryNotFoundException(
                    $"{package} {version} was not built: add Historic/Versions/{package}.{version}/{package}.{version}.csproj " +
                    "(a PackageReference to that exact version, as the other folders have) and build RealCode.Tests.");
            return folder;
        }
    }
}

using System.IO;
using System.Linq;

namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>Where a .NET tool package this project downloads (PackageDownload) keeps the application and its dependencies.</summary>
    internal static class ToolFolder
    {
        public static string Of(string package, string version)
        {
            var root = BuildMetadata.Of("NuGetPackageRoot");
            var tools = Path.Combine(root, package.ToLowerInvariant(), version, "tools");
            var any = Directory.Exists(tools) ? Directory.GetDirectories(tools, "any", SearchOption.AllDirectories).OrderBy(d => d).LastOrDefault() : null;
            return any ?? throw new DirectoryNotFoundException(
                $"{package} {version} is not downloaded under {tools}: it needs a PackageDownload item in RealCode.Tests.csproj.");
        }
    }
}

using System.Linq;
using System.Reflection;

namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>A value RealCode.Tests.csproj bakes into this assembly at build time (an AssemblyMetadata item).</summary>
    internal static class BuildMetadata
    {
        public static string Of(string key) =>
            typeof(BuildMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }
}

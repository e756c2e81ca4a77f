using System;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// What both halves of the reachability rule read by name: which friend assemblies may run internal code, which
    /// attributes only describe code (others make a member a root: a framework may find it by them), and which methods
    /// the compiler calls by pattern rather than by a name the source spells. Shared by the engine (IL) and the analyzer.
    /// </summary>
    internal static class ReachabilityNames
    {
        /// <summary>
        /// A friend (InternalsVisibleTo, its simple name) that may run internal code: anything but a test assembly (a name
        /// with "Test" in it) or a mocking library's proxy assembly, which only exercise or override what shipped callers call.
        /// </summary>
        public static bool FriendRuns(string friend)
        {
            string name = friend.Split(',')[0].Trim();
            return name.IndexOf("Test", StringComparison.OrdinalIgnoreCase) < 0 && name != "DynamicProxyGenAssembly2";
        }

        /// <summary>An attribute of the compiler, the debugger, or one that only describes the code (nullability, obsolescence, platforms).</summary>
        public static bool OnlyDescribes(string ns, string name)
        {
            if (ns.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal) || ns.StartsWith("System.Diagnostics", StringComparison.Ordinal) ||
                ns == "System.Reflection" || ns == "System.ComponentModel" || ns == "System.Runtime.Versioning" || ns == "System.Runtime.InteropServices" ||
                ns == "Microsoft.CodeAnalysis" || ns == "NonBlocking")
                return true;
            return ns == "System" && (name == "ObsoleteAttribute" || name == "CLSCompliantAttribute" || name == "FlagsAttribute" ||
                                      name == "AttributeUsageAttribute" || name == "ParamArrayAttribute" || name == "SerializableAttribute" ||
                                      name == "NonSerializedAttribute" || name == "ThreadStaticAttribute");
        }
    }
}

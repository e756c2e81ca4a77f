using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>Renders a path found by <see cref="BlockingPaths"/> the way messages show it.</summary>
    internal static class BlockingPathText
    {
        /// <summary>The hops of a path and where it ends: the chain's methods, then any hops in another assembly.</summary>
        public static (List<string> Hops, string Api, string Alternative, string Where) Of(BlockingPaths.PathTo path, TypeDefinition? homeType)
        {
            var hops = path.Chain.Select(m => Hop(m, homeType)).ToList();
            if (path.External != null)
            {
                hops.AddRange(path.External.Hops);
                return (hops, path.External.Api, path.External.Alternative, path.External.Where);
            }
            var blocking = path.Direct!;
            var end = Il.StatementOf(blocking.Method, blocking.Call);
            string where = end?.Document?.Url == null ? "" : $" at {Path.GetFileName(end.Document.Url)}({end.StartLine},{end.StartColumn})";
            return (hops, blocking.Api.ShortName, blocking.Api.Alternative, where);
        }

        /// <summary>A method as one step of a path: its name, with its type when that differs from <paramref name="homeType"/>.</summary>
        public static string Hop(MethodDefinition method, TypeDefinition? homeType)
        {
            string name = DisplayName.BaseCallOf(method) ?? DisplayName.UserMethodName(method.Name);
            var type = method.DeclaringType;
            while (type != null && DisplayName.IsCompilerGenerated(type.Name)) type = type.DeclaringType;
            return type == null || type == homeType ? name : DisplayName.TypeName(type).Split('.').Last() + "." + name;
        }
    }
}

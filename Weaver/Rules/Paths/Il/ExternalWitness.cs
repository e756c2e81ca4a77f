using System.Collections.Generic;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>
    /// How a method in another assembly reaches a blocking call, already rendered for messages. Summaries of
    /// referenced assemblies are made of these, so an assembly's IL is analysed once per build however many
    /// projects call into it.
    /// </summary>
    internal sealed class ExternalWitness
    {
        public ExternalWitness(string callee, IReadOnlyList<string> hops, string api, string alternative, string where, int depth)
        {
            Callee = callee;
            Hops = hops;
            Api = api;
            Alternative = alternative;
            Where = where;
            Depth = depth;
        }

        /// <summary>The method entered, as messages name it (<c>Vendor.Legacy.Send()</c>).</summary>
        public string Callee { get; }

        /// <summary>From that method down to the one that blocks, each as <c>Type.Method</c>.</summary>
        public IReadOnlyList<string> Hops { get; }

        /// <summary>The blocking API's short name (<c>Thread.Sleep</c>).</summary>
        public string Api { get; }

        public string Alternative { get; }

        /// <summary>" at File.cs(line,col)" for the blocking call, or empty without symbols.</summary>
        public string Where { get; }

        /// <summary>Methods on the path, counting the callee: the same measure as the depth limit.</summary>
        public int Depth { get; }
    }
}

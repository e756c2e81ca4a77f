using System.Collections.Generic;

namespace NonBlocking.Report.Telemetry
{
    /// <summary>
    /// Keeps the <c>method</c> tag of metrics to a bounded set: the first <see cref="Limit"/> distinct methods keep
    /// their names, later ones share <see cref="Other"/>, so a metrics backend never sees unbounded cardinality.
    /// </summary>
    internal static class MethodTags
    {
        public const int Limit = 100;
        public const string Other = "(other)";
        private static readonly HashSet<string> Known = new HashSet<string>();

        public static string Of(string method)
        {
            lock (Known)
            {
                if (Known.Contains(method)) return method;
                if (Known.Count >= Limit) return Other;
                Known.Add(method);
                return method;
            }
        }
    }
}

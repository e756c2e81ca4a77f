using System;
using System.Collections.Generic;
using System.Linq;
using NonBlocking.Weaver;

namespace NonBlocking.Tool
{
    /// <summary>
    /// After the warnings, where the NB0002 paths end, most shared first: on a library a few calls explain most of them
    /// (on Npgsql, four of its methods end 260 of 367), and one suppression where a path ends answers all that end there.
    /// </summary>
    internal static class PathEnds
    {
        private const int Shown = 10;

        public static void Print(IEnumerable<Diagnostic> diagnostics)
        {
            var ends = diagnostics.Where(d => d.Code == "NB0002" && d.PathEnd != null)
                .GroupBy(d => d.PathEnd!, StringComparer.Ordinal)
                .Select(g => (End: g.Key, Count: g.Count()))
                .OrderByDescending(e => e.Count).ThenBy(e => e.End, StringComparer.Ordinal).ToList();
            if (ends.Count == 0) return;
            int total = ends.Sum(e => e.Count);
            Console.Out.WriteLine($"NB0002: {total} warning{(total == 1 ? "" : "s")}, whose paths end at {ends.Count} blocking call{(ends.Count == 1 ? "" : "s")}" +
                                  (ends.Count > Shown ? $"; the {Shown} most shared:" : ":"));
            foreach (var (end, count) in ends.Take(Shown)) Console.Out.WriteLine($"{count,7}  {end}");
            Console.Out.WriteLine("A call that does not block in practice: put #pragma warning disable NB0002 around it, or name its method " +
                                  "with --not-blocking (the NonBlockingNotBlockingApi item in a build); no path through it is reported, and its run-time probe stays.");
        }
    }
}

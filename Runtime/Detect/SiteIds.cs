using System.Threading;

namespace NonBlocking.Detect
{
    /// <summary>
    /// Numbers every site as it is created, so the probes publish what a thread runs as plain integers: storing a
    /// reference into the per-thread record would cost a GC write barrier on every segment.
    /// </summary>
    internal static class SiteIds<T> where T : class
    {
        private static readonly object Gate = new object();
        private static T?[] _sites = new T?[64];
        private static int _count;

        /// <summary>A new id (from 1; 0 means none) for <paramref name="site"/>. Cold: once per site, at class init.</summary>
        public static int Register(T site)
        {
            lock (Gate)
            {
                if (_count + 1 >= _sites.Length)
                {
                    var bigger = new T?[_sites.Length * 2];
                    System.Array.Copy(_sites, bigger, _sites.Length);
                    Volatile.Write(ref _sites, bigger);
                }
                int id = ++_count;
                _sites[id] = site;
                return id;
            }
        }

        /// <summary>The site with this id, or null (for 0 or an id read mid-update by the watchdog).</summary>
        public static T? Get(int id)
        {
            var sites = Volatile.Read(ref _sites);
            return (uint)id < (uint)sites.Length ? sites[id] : null;
        }
    }
}

using System.Threading;
using NonBlocking.Config;

namespace NonBlocking.Report
{
    /// <summary>
    /// Per-site rate limit, so one hot method that blocks on every request cannot crowd out the rest of the
    /// report stream. Created on a site's first report; all of it is cold path.
    /// </summary>
    internal sealed class SiteRateLimit
    {
        private readonly RateLimiter _limiter = new RateLimiter(RuntimeSettings.Current.MaxReportsPerSitePerSecond);

        /// <summary>Dropped count to announce, or -1 when this report is dropped.</summary>
        public long TryAdmit(long nowMs)
        {
            lock (_limiter) return _limiter.TryAdmit(nowMs);
        }

        public static SiteRateLimit For(ref SiteRateLimit? slot)
        {
            var existing = Volatile.Read(ref slot);
            if (existing != null) return existing;
            Interlocked.CompareExchange(ref slot, new SiteRateLimit(), null);
            return slot!;
        }

        /// <summary>Site limit, then the process-wide one. Returns what both dropped before, or -1 to drop.</summary>
        public static long Admit(ref SiteRateLimit? slot, long nowMs)
        {
            long siteDropped = For(ref slot).TryAdmit(nowMs);
            if (siteDropped < 0) return -1;
            long globalDropped = ReportPublisher.Admit(nowMs);
            return globalDropped < 0 ? -1 : siteDropped + globalDropped;
        }
    }
}

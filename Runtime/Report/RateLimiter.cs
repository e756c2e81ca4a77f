namespace NonBlocking.Report
{
    /// <summary>At most N reports per one-second window; counts what it drops so the next report can say so.</summary>
    internal sealed class RateLimiter
    {
        private readonly int _perSecond;
        private long _windowStartMs;
        private bool _started;
        private int _inWindow;
        private long _dropped;

        public RateLimiter(int perSecond) { _perSecond = perSecond; }

        /// <summary>Not thread-safe: the caller holds a lock. Returns the dropped count to announce, or -1 to drop.</summary>
        public long TryAdmit(long nowMs)
        {
            if (!_started || nowMs - _windowStartMs >= 1000)
            {
                _started = true;
                _windowStartMs = nowMs;
                _inWindow = 0;
            }
            if (_inWindow >= _perSecond)
            {
                _dropped++;
                return -1;
            }
            _inWindow++;
            long announced = _dropped;
            _dropped = 0;
            return announced;
        }
    }
}

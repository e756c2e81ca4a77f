using System;

namespace NonBlocking.Detect
{
    /// <summary>
    /// Per-thread record of recent segments that crossed the threshold, kept only on the cold path.
    /// On one thread segments nest like calls, so a segment's nested slow segments are exactly the entries
    /// pushed since it started; popping them gives self time without any bookkeeping on the fast path.
    /// </summary>
    internal sealed class SegmentLog
    {
        private const int Capacity = 64;

        [ThreadStatic] private static SegmentLog? _current;

        private readonly long[] _starts = new long[Capacity];
        private readonly long[] _durations = new long[Capacity];
        private int _count;

        public static SegmentLog ForCurrentThread() => _current ??= new SegmentLog();

        /// <summary>Removes the entries that started at or after <paramref name="start"/> and returns their total duration.</summary>
        public long PopNestedSince(long start)
        {
            long nested = 0;
            while (_count > 0 && _starts[_count - 1] >= start)
            {
                _count--;
                nested += _durations[_count];
            }
            return nested;
        }

        public void Push(long start, long duration)
        {
            if (_count == Capacity)
            {
                // Oldest entries are siblings long finished; forgetting them cannot change a future self time
                // unless 64 slow segments nest inside one, which the report would survive.
                Array.Copy(_starts, 1, _starts, 0, Capacity - 1);
                Array.Copy(_durations, 1, _durations, 0, Capacity - 1);
                _count--;
            }
            _starts[_count] = start;
            _durations[_count] = duration;
            _count++;
        }
    }
}

using System;
using System.Collections.Generic;
using NonBlocking.Instrumentation;

namespace NonBlocking.Detect
{
    /// <summary>
    /// Per-thread record of recent segments that crossed the threshold, kept only on the cold path.
    /// On one thread segments nest like calls, so a segment's nested slow segments are exactly the entries
    /// pushed since it started; popping them gives self time without any bookkeeping on the fast path.
    /// Long blocking calls are logged the same way, and claimed by the innermost slow segment that contains them.
    /// A call that no segment claims (offloaded work, or a segment too short to matter) simply ages out.
    /// </summary>
    internal sealed class SegmentLog
    {
        private const int Capacity = 64;
        private const int CallCapacity = 32;

        [ThreadStatic] private static SegmentLog? _current;

        private readonly long[] _starts = new long[Capacity];
        private readonly long[] _durations = new long[Capacity];
        private int _count;

        private readonly long[] _callStarts = new long[CallCapacity];
        private readonly long[] _callDurations = new long[CallCapacity];
        private readonly long[] _callCovered = new long[CallCapacity];
        private readonly BlockingSite?[] _callSites = new BlockingSite?[CallCapacity];
        private int _callCount;

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
    
        /// <summary>
        /// Lengthens the entry just pushed for the segment that started at <paramref name="start"/> to cover its cold
        /// path too: reporting it (formatting, sinks, a subscriber, the first JIT of all that) ran on this thread inside
        /// the enclosing segment, and is no more that segment's own time than the nested segment itself.
        /// </summary>
        public void ExtendLast(long start, long duration)
        {
            int last = _count - 1;
            if (last >= 0 && _starts[last] == start && _durations[last] < duration) _durations[last] = duration;
        }

        public void PushCall(long start, long duration, BlockingSite site)
        {
            if (_callCount == CallCapacity)
            {
                Array.Copy(_callStarts, 1, _callStarts, 0, CallCapacity - 1);
                Array.Copy(_callDurations, 1, _callDurations, 0, CallCapacity - 1);
                Array.Copy(_callCovered, 1, _callCovered, 0, CallCapacity - 1);
                Array.Copy(_callSites, 1, _callSites, 0, CallCapacity - 1);
                _callCount--;
            }
            _callStarts[_callCount] = start;
            _callDurations[_callCount] = duration;
            _callCovered[_callCount] = duration;
            _callSites[_callCount] = site;
            _callCount++;
        }

        /// <summary>
        /// Lengthens the time the call just logged at <paramref name="start"/> accounts for (not its reported duration) to
        /// cover its cold path too, as <see cref="ExtendLast"/> does for a segment: logging it, on its first run JIT-compiling
        /// all that, is not the time of an async call it ran inside.
        /// </summary>
        public void ExtendLastCall(long start, long covered)
        {
            int last = _callCount - 1;
            if (last >= 0 && _callStarts[last] == start && _callCovered[last] < covered) _callCovered[last] = covered;
        }

        /// <summary>
        /// Time since <paramref name="start"/> that is already accounted for, without removing anything: slow segments
        /// that ended since then (each entry covers the slow segments nested in it) and blocking calls logged since then.
        /// </summary>
        public long ExplainedSince(long start)
        {
            // Neither list overlaps itself or the other: a slow segment removes the entries nested in it and takes the
            // calls logged inside it when it ends.
            long explained = 0;
            for (int i = _count - 1; i >= 0 && _starts[i] >= start; i--) explained += _durations[i];
            for (int i = 0; i < _callCount; i++)
                if (_callStarts[i] >= start) explained += _callCovered[i];
            return explained;
        }

        /// <summary>Removes and returns the calls that started at or after <paramref name="start"/>.</summary>
        public List<(long Duration, BlockingSite Site)> TakeCallsSince(long start)
        {
            var taken = new List<(long, BlockingSite)>();
            int kept = 0;
            for (int i = 0; i < _callCount; i++)
            {
                if (_callStarts[i] >= start) taken.Add((_callDurations[i], _callSites[i]!));
                else
                {
                    _callStarts[kept] = _callStarts[i];
                    _callDurations[kept] = _callDurations[i];
                    _callCovered[kept] = _callCovered[i];
                    _callSites[kept] = _callSites[i];
                    kept++;
                }
            }
            for (int i = kept; i < _callCount; i++) _callSites[i] = null;
            _callCount = kept;
            return taken;
        }
    }
}

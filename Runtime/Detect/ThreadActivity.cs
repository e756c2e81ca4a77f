using System;
using System.Collections.Generic;
using System.Threading;

namespace NonBlocking.Detect
{
    /// <summary>
    /// What one thread is running right now, published by the probes for the hang watchdog: a small stack of
    /// open segments and the blocking call in progress. Each thread writes only its own record (plain stores,
    /// no lock); the watchdog reads them racily and confirms a hang on two consecutive scans before it reports.
    /// </summary>
    internal sealed class ThreadActivity
    {
        public const int MaxDepth = 16;

        [ThreadStatic] private static ThreadActivity? _current;
        private static readonly object RegistryGate = new object();
        private static readonly List<ThreadActivity> Registry = new List<ThreadActivity>();

        /// <summary>One open segment. Integers only, so publishing one needs no GC write barrier.</summary>
        public struct Frame
        {
            // SiteId 0: closed (see CloseTop).
            public long Start;
            public int SiteId;
            public int EntryState;
        }

        public readonly Frame[] Frames = new Frame[MaxDepth];
        public int Depth;

        /// <summary>Id of the blocking call in progress (<see cref="SiteIds{T}"/>), or 0.</summary>
        public int CallId;
        public long CallStart;
        public readonly Thread Thread;

        /// <summary>Start of the outermost segment already reported as a hang, so it is reported once.</summary>
        public long ReportedHangStart = -1;

        /// <summary>Start of the outermost segment seen past the hang threshold on the previous scan.</summary>
        public long SuspectedHangStart = -1;

        private ThreadActivity(Thread thread) { Thread = thread; }

        public static ThreadActivity Current
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            get => _current ?? Create();
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static ThreadActivity Create()
        {
            var activity = new ThreadActivity(Thread.CurrentThread);
            lock (RegistryGate)
            {
                Registry.RemoveAll(a => !a.Thread.IsAlive);
                Registry.Add(activity);
            }
            _current = activity;
            return activity;
        }

        /// <summary>
        /// Marks the innermost segment finished while its MoveNext still runs its completion call: what that call runs
        /// inline (the caller's continuation) is not this segment's. Its frame stays, so the pop after it stays balanced.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void CloseTop()
        {
            int top = Depth - 1;
            if ((uint)top < (uint)Frames.Length) Frames[top].SiteId = 0;
        }

        /// <summary>
        /// The outermost and innermost open frames, read racily from another thread; false when none is open.
        /// Closed frames (segments finished, their MoveNext still in its completion call) hold nothing.
        /// </summary>
        public bool OpenFrames(out int outer, out int inner)
        {
            int depth = Math.Min(Volatile.Read(ref Depth), MaxDepth);
            outer = 0;
            inner = depth - 1;
            while (outer < depth && Frames[outer].SiteId == 0) outer++;
            while (inner >= outer && Frames[inner].SiteId == 0) inner--;
            return inner >= outer;
        }

        /// <summary>Whether this thread is inside an async segment now (needs tracking on).</summary>
        public static bool InSegment() => Current.OpenFrames(out _, out _);

        /// <summary>Whether any thread has a segment open (the watchdog must keep watching it).</summary>
        public static bool AnyOpen()
        {
            foreach (var a in Snapshot())
                if (Volatile.Read(ref a.Depth) > 0) return true;
            return false;
        }

        public static ThreadActivity[] Snapshot()
        {
            lock (RegistryGate) return Registry.ToArray();
        }
    }
}

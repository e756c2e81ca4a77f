using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NonBlocking.Bench.ThreadIdentity
{
    /// <summary>
    /// Each variant is a non-inlined call that stores two fields of a per-thread record, as a watchdog probe would; they
    /// differ only in how the record is found. Seven rounds of 200 M calls each; prints ns per call.
    /// </summary>
    public static class Program
    {
        private sealed class Record { public long Start; public int Site; }

        /// <summary>A key (the 64 KB piece of stack a thread runs on) and the record that piece belongs to.</summary>
        private sealed class Slot { public ulong Key; public Record Owner = new Record(); }

        private const int Calls = 200_000_000;
        [ThreadStatic] private static Record? _threadStatic;
        private static readonly Record Shared = new Record();
        private static readonly Slot?[] Slots = new Slot?[1 << 16];
        private static long _sink;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void EmptyCall(long v) => _sink = v;

        /// <summary>No thread identity at all (what it would cost were it free).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void StaticRecord(long v) { var r = Shared; r.Start = v; r.Site = 1; }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThreadStaticRecord(long v) { var r = _threadStatic ??= new Record(); r.Start = v; r.Site = 1; }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static unsafe void StackKeyedRecord(long v)
        {
            byte here;
            ulong key = (ulong)&here >> 16;
            var slot = Slots[(int)(key & 0xFFFF)];
            var r = slot != null && slot.Key == key ? slot.Owner : Claim(key);
            r.Start = v;
            r.Site = 1;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Record Claim(ulong key)
        {
            var slot = new Slot { Key = key };
            Slots[(int)(key & 0xFFFF)] = slot;
            return slot.Owner;
        }

        private static double Time(Action<long> variant)
        {
            var watch = Stopwatch.StartNew();
            for (long i = 0; i < Calls; i++) variant(i);
            return watch.Elapsed.TotalMilliseconds * 1e6 / Calls;
        }

        public static void Main()
        {
            Console.WriteLine("ns per call: empty | static record | [ThreadStatic] record | stack-keyed record");
            for (int round = 0; round < 7; round++)
            {
                // Delegates add the same indirect call to each variant; the differences are what matter.
                double empty = Time(EmptyCall), shared = Time(StaticRecord), tls = Time(ThreadStaticRecord), keyed = Time(StackKeyedRecord);
                Console.WriteLine($"{empty:0.00} | {shared:0.00} | {tls:0.00} (+{tls - shared:0.00}) | {keyed:0.00} (+{keyed - shared:0.00})");
            }
        }
    }
}

// An ambient mode: a static property named for the sync mode, which a sync API sets while it runs the async code
// synchronously (DistributedLock 1.x's SyncViaAsync.IsSynchronous). Code reached on an async path runs with it false, so
// its sync side is the sync API's. Shapes from DistributedLock.Redis 1.1's RedisSemaphorePrimitive and RedLockRelease.
// Look-alikes: a static property not named for a mode, a local worked out otherwise or assigned again, a wait on the
// side where the ambient mode is false.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.ModeSwitches.Ambient
{
    public static class SyncViaAsync
    {
        [ThreadStatic] private static bool _isSynchronous;

        public static bool IsSynchronous => _isSynchronous;

        public static void Run(Func<Task> operation)
        {
            _isSynchronous = true;
            try { operation().GetAwaiter().GetResult(); }
            finally { _isSynchronous = false; }
        }
    }

    public static class Settings
    {
        public static bool Enabled { get; set; }
    }

    public sealed class Store
    {
        private readonly Stream _stream;
        public Store(Stream stream) => _stream = stream;
        public int Count() => _stream.ReadByte();
        public Task<int> CountAsync() => _stream.ReadAsync(new byte[1], 0, 1);
    }

    // case: modes/ambient/a ternary on the static mode property: the sync call is the sync API's (RedisSemaphorePrimitive.GetAcquiredCountAsync)
    public static class AcquiredCount
    {
        public static async ValueTask<int> GetAsync(Store store)
        {
            await Task.Yield();
            return SyncViaAsync.IsSynchronous ? store.Count() : await store.CountAsync();
        }
    }

    // case: modes/ambient/a local holds the mode across awaits, then picks WaitAny or WhenAny (RedLockRelease.ReleaseAsync)
    public static class Release
    {
        public static async ValueTask ReleaseAsync(IReadOnlyList<Task<bool>> pending)
        {
            bool isSynchronous = SyncViaAsync.IsSynchronous;
            await Task.Yield();
            var tasks = pending.Cast<Task>().ToArray();
            if (isSynchronous) Task.WaitAny(tasks);
            else await Task.WhenAny(tasks);
        }
    }

    // case: modes/ambient/an if on the static mode property with no await on either side
    public static class Probe
    {
        public static async Task RunAsync(Store store)
        {
            await Task.Yield();
            Check(store);
        }

        private static void Check(Store store)
        {
            if (SyncViaAsync.IsSynchronous) store.Count();
        }
    }

    // case: modes/ambient/a static property not named for a mode still warns
    public static class NotAMode
    {
        public static async Task<int> GetAsync(Store store)
        {
            await Task.Yield();
            return Settings.Enabled ? store.Count() : await store.CountAsync(); // expect: NB0002
        }
    }

    // case: modes/ambient/a local named for the mode but worked out otherwise still warns
    public static class WorkedOut
    {
        public static async Task ReleaseAsync(Task<bool>[] pending, Stream stream)
        {
            bool isSynchronous = stream.CanSeek;
            await Task.Yield();
            if (isSynchronous) Task.WaitAny(pending); // expect: NB0003
            else await Task.WhenAny(pending);
        }
    }

    // case: modes/ambient/a local copied from the mode and assigned again still warns
    public static class AssignedAgain
    {
        public static async Task ReleaseAsync(Task<bool>[] pending, bool force)
        {
            bool isSynchronous = SyncViaAsync.IsSynchronous;
            if (force) isSynchronous = true;
            await Task.Yield();
            if (isSynchronous) Task.WaitAny(pending); // expect: NB0003
            else await Task.WhenAny(pending);
        }
    }

    // case: modes/ambient/a wait where the ambient mode is false still warns
    public static class WrongSide
    {
        public static async Task RunAsync(Store store)
        {
            await Task.Yield();
            if (!SyncViaAsync.IsSynchronous) store.Count(); // expect: NB0002
        }
    }
}

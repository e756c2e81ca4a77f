// A SemaphoreSlim a class uses as a lock (made with a count of 1, taken with a sync Wait and given back in the same
// sync method) is one: its holders hold it only while their sync code runs, as with `lock`, which the catalog leaves to
// the run-time probe. Shape from Confluent.SchemaRegistry 2.16's RuleRegistry. Each has a look-alike that waits on I/O
// or on a signal.
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.LockSemaphores
{
    // case: lock semaphores/a private SemaphoreSlim(1, 1) around dictionary reads in sync helpers (Confluent.SchemaRegistry's RuleRegistry)
    public sealed class Registry
    {
        private readonly SemaphoreSlim _mutex = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, string> _actions = new Dictionary<string, string>();

        public void Register(string name, string action)
        {
            _mutex.Wait();
            try
            {
                if (!_actions.ContainsKey(name)) _actions[name] = action;
            }
            finally
            {
                _mutex.Release();
            }
        }

        public bool TryGet(string name, out string? action)
        {
            _mutex.Wait();
            try
            {
                return _actions.TryGetValue(name, out action);
            }
            finally
            {
                _mutex.Release();
            }
        }

        public async Task<string?> Run(string name)
        {
            await Task.Yield();
            return TryGet(name, out var action) ? action : null;
        }
    }

    // case: lock semaphores/one made in the constructor with a count of 1 and no maximum
    public sealed class ConstructedLock
    {
        private readonly SemaphoreSlim _mutex;
        private int _count;

        public ConstructedLock() => _mutex = new SemaphoreSlim(1);

        private int Next()
        {
            _mutex.Wait();
            try { return ++_count; }
            finally { _mutex.Release(); }
        }

        public async Task<int> Run()
        {
            await Task.Yield();
            return Next();
        }
    }

    // case: lock semaphores/the same mutex also taken with WaitAsync: a holder may keep it across awaits
    public sealed class AlsoTakenAsync
    {
        private readonly SemaphoreSlim _mutex = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, string> _cache = new Dictionary<string, string>();

        public async Task Refresh(Stream source)
        {
            await _mutex.WaitAsync();
            try
            {
                using var reader = new StreamReader(source);
                _cache["all"] = await reader.ReadToEndAsync();
            }
            finally
            {
                _mutex.Release();
            }
        }

        private string? Get(string key)
        {
            _mutex.Wait();
            try { return _cache.TryGetValue(key, out var value) ? value : null; }
            finally { _mutex.Release(); }
        }

        public async Task<string?> Run(string key)
        {
            await Task.Yield();
            return Get(key); // expect: NB0002
        }
    }

    // case: lock semaphores/taken in one sync helper and released in another: the async caller holds it across its await
    public sealed class ReleasedElsewhere
    {
        private readonly SemaphoreSlim _mutex = new SemaphoreSlim(1, 1);

        private void Enter() => _mutex.Wait();

        private void Exit() => _mutex.Release();

        public async Task Run(Stream stream)
        {
            Enter(); // expect: NB0002
            try { await stream.FlushAsync(); }
            finally { Exit(); }
        }
    }

    // case: lock semaphores/a semaphore made with a count of 0 is a signal: Wait waits for another thread's Release
    public sealed class Signal
    {
        private readonly SemaphoreSlim _ready = new SemaphoreSlim(0, 1);

        public void Set() => _ready.Release();

        private void Await()
        {
            _ready.Wait();
            _ready.Release();
        }

        public async Task Run()
        {
            await Task.Yield();
            Await(); // expect: NB0002
        }
    }

    // case: lock semaphores/a protected semaphore: a subclass may take it any way it likes
    public class SharedWithSubclasses
    {
        protected readonly SemaphoreSlim Mutex = new SemaphoreSlim(1, 1);
        private int _count;

        private int Next()
        {
            Mutex.Wait();
            try { return ++_count; }
            finally { Mutex.Release(); }
        }

        public async Task<int> Run()
        {
            await Task.Yield();
            return Next(); // expect: NB0002
        }
    }

    // case: lock semaphores/a sync Wait in an async method holds the mutex across its await
    public sealed class WaitInAsync
    {
        private readonly SemaphoreSlim _mutex = new SemaphoreSlim(1, 1);

        public async Task Run(Stream stream)
        {
            _mutex.Wait(); // expect: NB0001
            try { await stream.FlushAsync(); }
            finally { _mutex.Release(); }
        }
    }
}

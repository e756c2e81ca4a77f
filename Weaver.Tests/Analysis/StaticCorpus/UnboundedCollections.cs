// Adding to a BlockingCollection made without a capacity never waits: there is always room (its Take still waits for
// an item). Shapes from Azure Storage DataMovement 1.3's TransferScheduler, which queues controllers into one made over a
// ConcurrentQueue, and WorkflowCore 3.22's SingleNodeQueueProvider, a private dictionary of them, one per kind. Each
// has a look-alike that can wait: a capacity, a store from elsewhere, a Take, a dictionary handed out or copied.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.UnboundedCollections
{
    // case: unbounded collections/made over a ConcurrentQueue in the constructor, set to null on dispose (DataMovement's TransferScheduler)
    public sealed class Scheduler : IDisposable
    {
        private readonly ConcurrentQueue<string> _inner = new ConcurrentQueue<string>();
        private BlockingCollection<string>? _queue;

        public Scheduler() => _queue = new BlockingCollection<string>(_inner);

        public async Task Execute(string job, CancellationToken token)
        {
            await Task.Yield();
            _queue!.Add(job, token);
        }

        public void Dispose()
        {
            _queue?.Dispose();
            _queue = null;
        }
    }

    // case: unbounded collections/made in the field's declaration; a sync helper adds with a timeout
    public sealed class Inbox
    {
        private readonly BlockingCollection<int> _items = new BlockingCollection<int>();

        private bool Offer(int item) => _items.TryAdd(item, 1000);

        public async Task<bool> Receive(int item)
        {
            await Task.Yield();
            return Offer(item);
        }
    }

    // case: unbounded collections/a static one made without a capacity
    public static class Events
    {
        private static readonly BlockingCollection<string> Pending = new BlockingCollection<string>();

        public static async Task Publish(string name)
        {
            await Task.Yield();
            Pending.Add(name);
        }
    }

    // case: unbounded collections/a bounded one: Add waits for room
    public sealed class Bounded
    {
        private readonly BlockingCollection<int> _items = new BlockingCollection<int>(100);

        public async Task Put(int item)
        {
            await Task.Yield();
            _items.Add(item); // expect: NB0001
        }
    }

    // case: unbounded collections/bounded over a given queue
    public sealed class BoundedOverQueue
    {
        private readonly BlockingCollection<int> _items = new BlockingCollection<int>(new ConcurrentQueue<int>(), 8);

        public async Task Put(int item, CancellationToken token)
        {
            await Task.Yield();
            _items.Add(item, token); // expect: NB0001
        }
    }

    // case: unbounded collections/one constructor makes it unbounded, the other with a capacity
    public sealed class EitherConstructor
    {
        private readonly BlockingCollection<int> _items;

        public EitherConstructor() => _items = new BlockingCollection<int>();

        public EitherConstructor(int capacity) => _items = new BlockingCollection<int>(capacity);

        public async Task Put(int item)
        {
            await Task.Yield();
            _items.Add(item); // expect: NB0001
        }
    }

    // case: unbounded collections/handed in by the caller, who may have bounded it
    public sealed class HandedIn
    {
        private readonly BlockingCollection<int> _items;

        public HandedIn(BlockingCollection<int> items) => _items = items;

        public async Task Put(int item)
        {
            await Task.Yield();
            _items.Add(item); // expect: NB0001
        }
    }

    // case: unbounded collections/a field others can store (internal)
    public sealed class Shared
    {
        internal BlockingCollection<int> Items = new BlockingCollection<int>();

        public async Task Put(int item)
        {
            await Task.Yield();
            Items.Add(item); // expect: NB0001
        }
    }

    // case: unbounded collections/Take on an unbounded one waits for an item
    public sealed class Consumer
    {
        private readonly BlockingCollection<int> _items = new BlockingCollection<int>();

        public void Put(int item) => _items.Add(item);

        public async Task<int> Next()
        {
            await Task.Yield();
            return _items.Take(); // expect: NB0001
        }
    }

    public enum Kind { Workflow, Event, Index }

    // case: unbounded collections/one of a private dictionary's values, filled by its initializer (WorkflowCore's SingleNodeQueueProvider)
    public sealed class Queues : IDisposable
    {
        private readonly Dictionary<Kind, BlockingCollection<string>> _queues = new Dictionary<Kind, BlockingCollection<string>>
        {
            [Kind.Workflow] = new BlockingCollection<string>(),
            [Kind.Event] = new BlockingCollection<string>(),
        };

        public Task QueueWork(string id, Kind kind)
        {
            _queues[kind].Add(id);
            return Task.CompletedTask;
        }

        public void Reset(Kind kind) => _queues[kind] = new BlockingCollection<string>();

        public async Task Publish(string id)
        {
            await Task.Yield();
            await QueueWork(id, Kind.Workflow);
        }

        public void Dispose()
        {
            foreach (var queue in _queues.Values) queue.Dispose();
        }
    }

    // case: unbounded collections/a collection initializer's Add and a later Add of an unbounded one
    public sealed class AddedQueues
    {
        private readonly Dictionary<Kind, BlockingCollection<int>> _queues = new Dictionary<Kind, BlockingCollection<int>>
        {
            { Kind.Workflow, new BlockingCollection<int>(new ConcurrentQueue<int>()) },
        };

        public void Open(Kind kind) => _queues.Add(kind, new BlockingCollection<int>());

        public async Task Put(Kind kind, int item)
        {
            await Task.Yield();
            if (_queues.ContainsKey(kind)) _queues[kind].Add(item);
        }
    }

    // case: unbounded collections/a dictionary with one bounded queue among its values
    public sealed class OneBounded
    {
        private readonly Dictionary<Kind, BlockingCollection<string>> _queues = new Dictionary<Kind, BlockingCollection<string>>
        {
            [Kind.Workflow] = new BlockingCollection<string>(),
            [Kind.Index] = new BlockingCollection<string>(10),
        };

        public async Task Put(Kind kind, string id)
        {
            await Task.Yield();
            _queues[kind].Add(id); // expect: NB0001
        }
    }

    // case: unbounded collections/a dictionary handed out, where others may store a bounded queue
    public sealed class HandedOut
    {
        private readonly Dictionary<Kind, BlockingCollection<string>> _queues = new Dictionary<Kind, BlockingCollection<string>>();

        public HandedOut(Action<Dictionary<Kind, BlockingCollection<string>>> register) => register(_queues);

        public async Task Put(Kind kind, string id)
        {
            await Task.Yield();
            _queues[kind].Add(id); // expect: NB0001
        }
    }

    // case: unbounded collections/a dictionary copied from the caller's
    public sealed class Copied
    {
        private readonly Dictionary<Kind, BlockingCollection<string>> _queues;

        public Copied(IDictionary<Kind, BlockingCollection<string>> source) => _queues = new Dictionary<Kind, BlockingCollection<string>>(source);

        public async Task Put(Kind kind, string id)
        {
            await Task.Yield();
            _queues[kind].Add(id); // expect: NB0001
        }
    }
    // case: unbounded collections/made by the caller and handed to private async helpers, one through a lambda (ARSoft.Tools.Net's parallel queries)
    public sealed class ParallelQueries
    {
        public async Task<List<int>> SendAll(int[] servers)
        {
            var results = new BlockingCollection<int>();
            await Task.WhenAll(servers.Select(s => Query(s, results)));
            return results.ToList();
        }

        private async Task Query(int server, BlockingCollection<int> results)
        {
            await Task.Yield();
            results.Add(server);
            if (server > 1) await Resend(server - 1, results);
        }

        private async Task Resend(int server, BlockingCollection<int> results)
        {
            await Task.Yield();
            results.Add(server);
        }
    }

    // case: unbounded collections/a private helper one caller of which hands a bounded collection
    public sealed class MixedCallers
    {
        public async Task Run()
        {
            await Put(new BlockingCollection<int>(), 1);
            await Put(new BlockingCollection<int>(4), 2);
        }

        private async Task Put(BlockingCollection<int> items, int item)
        {
            await Task.Yield();
            items.Add(item); // expect: NB0001
        }
    }
}

// A virtual or interface call runs the override of the receiver's runtime type, which is its static type or a subtype.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Dispatch
{
    public abstract class Sink
    {
        public abstract void Put(int value);
    }

    public sealed class MemorySink : Sink
    {
        private int _last;
        public override void Put(int value) => _last = value;
    }

    public class SlowSink : Sink
    {
        public override void Put(int value) => Thread.Sleep(value);
    }

    public class Quiet : SlowSink
    {
        public override void Put(int value) { }
    }

    public class Inherits : SlowSink { }

    public interface IStore { int Get(); }

    public sealed class MemoryStore : IStore { public int Get() => 1; }

    public sealed class WaitingStore : IStore
    {
        private readonly ManualResetEventSlim _ready = new ManualResetEventSlim();
        public int Get()
        {
            _ready.Wait();
            return 2;
        }
    }

    // case: dispatch/receiver of a sealed type that does not block
    public static class SealedReceiver
    {
        public static async Task Run()
        {
            await Task.Yield();
            var sink = new MemorySink();
            sink.Put(1);
        }
    }

    // case: dispatch/receiver typed as the abstract base: any override may run
    public static class BaseReceiver
    {
        public static async Task Run(Sink sink)
        {
            await Task.Yield();
            sink.Put(1); // expect: NB0002
        }
    }

    // case: dispatch/receiver typed as a sealed interface implementation
    public static class InterfaceImplReceiver
    {
        public static async Task<int> Run(MemoryStore store)
        {
            await Task.Yield();
            return store.Get();
        }
    }

    // case: dispatch/receiver typed as the interface: the waiting implementation may run
    public static class InterfaceReceiver
    {
        public static async Task<int> Run(IStore store)
        {
            await Task.Yield();
            return store.Get(); // expect: NB0002
        }
    }

    // case: dispatch/an override that does not block, on a type nothing derives from
    public static class QuietOverride
    {
        public static async Task Run(Quiet sink)
        {
            await Task.Yield();
            sink.Put(5);
        }
    }

    // case: dispatch/a type that inherits the blocking override
    public static class InheritedOverride
    {
        public static async Task Run(Inherits sink)
        {
            await Task.Yield();
            sink.Put(5); // expect: NB0002
        }
    }

    // case: dispatch/a call on this inside a sealed type
    public sealed class SelfCall
    {
        private int _n;
        public async Task Run()
        {
            await Task.Yield();
            Bump();
        }
        private void Bump() => Touch();
        public override string ToString() => _n.ToString();
        private void Touch() => _n++;
    }

    // case: dispatch/a non-sealed receiver whose subtype blocks
    public static class SubtypeMayBlock
    {
        public static async Task Run(SlowSink sink)
        {
            await Task.Yield();
            sink.Put(5); // expect: NB0002
        }
    }
}

namespace Corpus.Dispatch.Overloads
{
    public interface IRecords
    {
        int Find(string key, int fields);
        int Find(System.IO.Stream source, int fields);
    }

    public sealed class Records : IRecords
    {
        public int Find(string key, int fields) => key.Length + fields;
        public int Find(System.IO.Stream source, int fields) => source.Read(new byte[fields], 0, fields);
    }

    // case: dispatch/an interface overload with as many parameters as a blocking one does not block
    public static class OverloadNotBlocking
    {
        public static async System.Threading.Tasks.Task<int> Run(IRecords records)
        {
            await System.Threading.Tasks.Task.Yield();
            return records.Find("key", 1);
        }
    }

    // case: dispatch/the blocking overload, through the interface
    public static class OverloadBlocking
    {
        public static async System.Threading.Tasks.Task<int> Run(IRecords records, System.IO.Stream source)
        {
            await System.Threading.Tasks.Task.Yield();
            return records.Find(source, 1); // expect: NB0002
        }
    }

    // A format base class whose async default runs its sync member, and a format that replaces both (SharpCompress's
    // FilePart.GetCompressedStreamAsync, the AWS SDK's AWSCredentials.GetCredentialsAsync).
    public abstract class Entry
    {
        public abstract System.IO.Stream Open();
        public virtual ValueTask<System.IO.Stream> OpenAsync() => new ValueTask<System.IO.Stream>(Open());
    }

    public sealed class ArchivedEntry : Entry
    {
        private readonly System.IO.Stream _archive;
        public ArchivedEntry(System.IO.Stream archive) => _archive = archive;
        public override System.IO.Stream Open()
        {
            _archive.Read(new byte[16], 0, 16);
            return _archive;
        }
        public override async ValueTask<System.IO.Stream> OpenAsync()
        {
            await _archive.ReadAsync(new byte[16], 0, 16);
            return _archive;
        }
    }

    // case: dispatch/an async default calling the sync member, replaced by the one class whose sync member blocks
    public static class ReplacedDefault
    {
        public static async Task<System.IO.Stream> OpenAny(Entry entry)
        {
            await Task.Yield();
            return await OpenVia(entry);
        }
        private static ValueTask<System.IO.Stream> OpenVia(Entry entry) => entry.OpenAsync();
    }

    // The same base, and a format that keeps the default.
    public abstract class Part
    {
        public abstract System.IO.Stream Open();
        public virtual ValueTask<System.IO.Stream> OpenAsync() => new ValueTask<System.IO.Stream>(Open());
    }

    public sealed class HeaderPart : Part
    {
        private readonly System.IO.Stream _archive;
        public HeaderPart(System.IO.Stream archive) => _archive = archive;
        public override System.IO.Stream Open()
        {
            _archive.Read(new byte[4], 0, 4);
            return _archive;
        }
    }

    // case: dispatch/an async default calling the sync member, kept by a class whose sync member blocks
    public static class KeptDefault
    {
        public static async Task<System.IO.Stream> OpenAny(Part part)
        {
            await Task.Yield();
            return await OpenVia(part); // expect: NB0002
        }
        private static ValueTask<System.IO.Stream> OpenVia(Part part) => part.OpenAsync();
    }
    public interface IFormatter<T> { int Write(T value); }
    public sealed class TaskFormatter<T> : IFormatter<Task<T>> { public int Write(Task<T> value) => value.Result == null ? 0 : 1; }
    public sealed class TextFormatter : IFormatter<string> { public int Write(string value) => value.Length; }

    // case: dispatch/a call on IFormatter<string> runs no formatter of another instantiation (Elasticsearch.Net's Utf8Json)
    public static class StringFormatting
    {
        public static async Task<int> Run(IFormatter<string> formatter)
        {
            await Task.Yield();
            return formatter.Write("x");
        }
    }

    // case: dispatch/a call on IFormatter<Task<int>> may run the task formatter, which waits
    public static class TaskFormatting
    {
        public static async Task<int> Run(IFormatter<Task<int>> formatter, Task<int> pending)
        {
            await Task.Yield();
            return formatter.Write(pending); // expect: NB0002
        }
    }
}

// Where the receiver comes from may allow fewer implementations than its declared type: a new object, a private
// method's parameter, a private field, a factory's returns.
namespace Corpus.Dispatch.ReceiverSources
{
    public sealed class CountingStore : IStore
    {
        private int _count;
        public int Get() => ++_count;
    }

    // case: dispatch/a private helper's interface parameter that its only caller hands the in-memory implementation
    public static class HelperParameter
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return Read(new MemoryStore());
        }

        private static int Read(IStore store) => store.Get();
    }

    // case: dispatch/a public helper's interface parameter handed the in-memory implementation on this path (a caller elsewhere may hand it another)
    public static class PublicHelperParameter
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return Read(new MemoryStore());
        }

        public static int Read(IStore store) => store.Get();
    }

    // case: dispatch/a public helper's interface parameter handed the waiting implementation on this path
    public static class PublicHelperParameterWaits
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return PublicHelperParameter.Read(new WaitingStore()); // expect: NB0002
        }
    }

    // case: dispatch/a public helper's parameter passed on through another public helper keeps what the path knows
    public static class PassedOnParameter
    {
        public static async Task<int> Run(bool waiting)
        {
            await Task.Yield();
            int quiet = Twice(new MemoryStore());
            return waiting ? quiet + Twice(new WaitingStore()) : quiet; // expect: NB0002
        }

        public static int Twice(IStore store) => PublicHelperParameter.Read(store) * 2;
    }

    // case: dispatch/mutually recursive private helpers hand one store round (Cosmos' JSON parser and its reader)
    public static class RecursiveHelpers
    {
        public static async Task<int> Run(int depth)
        {
            await Task.Yield();
            return Outer(new CountingStore(), depth);
        }

        private static int Outer(IStore store, int depth) => depth == 0 ? store.Get() : Inner(store, depth - 1);

        private static int Inner(IStore store, int depth) => Outer(store, depth) + 1;
    }

    // case: dispatch/a factory whose every return is an in-memory implementation
    public static class FactoryReceiver
    {
        public static async Task<int> Run(int kind)
        {
            await Task.Yield();
            IStore store = Create(kind);
            return store.Get();
        }

        private static IStore Create(int kind) => kind switch
        {
            0 => new MemoryStore(),
            _ => new CountingStore(),
        };
    }

    // case: dispatch/a factory one of whose returns is the waiting implementation
    public static class FactoryMayWait
    {
        public static async Task<int> Run(int kind)
        {
            await Task.Yield();
            IStore store = Create(kind);
            return store.Get(); // expect: NB0002
        }

        private static IStore Create(int kind) => kind switch
        {
            0 => new MemoryStore(),
            _ => new WaitingStore(),
        };
    }

    // case: dispatch/a private readonly field only ever set to the in-memory implementation
    public sealed class FieldReceiver
    {
        private readonly IStore _store = new MemoryStore();

        public async Task<int> Run()
        {
            await Task.Yield();
            return _store.Get();
        }
    }

    // case: dispatch/a private field a public constructor may set to any implementation
    public sealed class FieldFromCaller
    {
        private readonly IStore _store = new MemoryStore();

        public FieldFromCaller() { }

        public FieldFromCaller(IStore store) => _store = store;

        public async Task<int> Run()
        {
            await Task.Yield();
            return _store.Get(); // expect: NB0002
        }
    }

    public sealed class StoreFactory
    {
        private int _created;

        public IStore Create() => ++_created > 1 ? new CountingStore() : new MemoryStore();
    }

    // case: dispatch/an instance factory of another object (a callvirt) whose every return is an in-memory implementation
    public sealed class InstanceFactory
    {
        private readonly StoreFactory _factory = new StoreFactory();

        public async Task<int> Run()
        {
            await Task.Yield();
            IStore store = _factory.Create();
            return store.Get();
        }
    }

    public abstract class ItemReader
    {
        public abstract int Read();

        public int ReadAll()
        {
            int count = 0;
            while (Read() > 0) count++;
            return count;
        }
    }

    public sealed class MemoryItemReader : ItemReader
    {
        private int _left = 3;
        public override int Read() => _left--;
    }

    public sealed class WaitingItemReader : ItemReader
    {
        private readonly ManualResetEventSlim _ready = new ManualResetEventSlim();
        public override int Read()
        {
            _ready.Wait();
            return 0;
        }
    }

    // case: dispatch/a base class's method run on a new object: its virtual call on this runs that object's override (Cosmos' JsonReader.WriteAll)
    public static class BaseMethodOnNewObject
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return new MemoryItemReader().ReadAll();
        }
    }

    // case: dispatch/a base class's method run on a new object whose override waits
    public static class BaseMethodOnWaitingObject
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return new WaitingItemReader().ReadAll(); // expect: NB0002
        }
    }

    // case: dispatch/a base class's method run on an object a caller hands in: any override may run
    public static class BaseMethodOnParameter
    {
        public static async Task<int> Run(ItemReader reader)
        {
            await Task.Yield();
            return reader.ReadAll(); // expect: NB0002
        }
    }

    public abstract class Ledger
    {
        protected abstract int Load();

        public int Open() => Load() + 1;
    }

    // case: dispatch/a derived class calls its base class's method: the virtual call on this runs its own override
    public sealed class MemoryLedger : Ledger
    {
        protected override int Load() => 1;

        public async Task<int> Run()
        {
            await Task.Yield();
            return Open();
        }
    }

    // case: dispatch/a derived class calls its base class's method and its own override waits
    public sealed class WaitingLedger : Ledger
    {
        private readonly ManualResetEventSlim _ready = new ManualResetEventSlim();

        protected override int Load()
        {
            _ready.Wait();
            return 0;
        }

        public async Task<int> Run()
        {
            await Task.Yield();
            return Open(); // expect: NB0002
        }
    }

    public abstract class Volume
    {
        protected Volume() => Count = Scan();

        public int Count { get; }

        protected abstract int Scan();
    }

    public sealed class MemoryVolume : Volume
    {
        public MemoryVolume() : base() { }

        protected override int Scan() => 1;
    }

    public sealed class WaitingVolume : Volume
    {
        private static readonly ManualResetEventSlim Ready = new ManualResetEventSlim();

        public WaitingVolume() : base() { }

        protected override int Scan()
        {
            Ready.Wait();
            return 0;
        }
    }

    // case: dispatch/a base constructor's virtual call runs the constructed class's override (SharpCompress' archives load their own volumes)
    public static class ConstructorOfMemoryVolume
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return new MemoryVolume().Count;
        }
    }

    // case: dispatch/a base constructor's virtual call runs an override that waits
    public static class ConstructorOfWaitingVolume
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return new WaitingVolume().Count; // expect: NB0002
        }
    }

    // case: dispatch/a receiver read straight from a generic collection of one implementation: its type argument decides
    public static class GenericElementReceiver
    {
        public static async Task<int> Run(IReadOnlyList<MemoryItemReader> readers)
        {
            await Task.Yield();
            return readers[0].Read();
        }
    }

    // case: dispatch/a receiver read straight from a generic collection of the base class: any override may run
    public static class GenericBaseElementReceiver
    {
        public static async Task<int> Run(IReadOnlyList<ItemReader> readers)
        {
            await Task.Yield();
            return readers[0].Read(); // expect: NB0002
        }
    }
    public interface IHasStore { IStore Store { get; } }

    public sealed class StoreHolder : IHasStore
    {
        private readonly IStore _store = new MemoryStore();
        public IStore Store => _store;
    }

    public sealed class FreshStoreHolder : IHasStore
    {
        public IStore Store { get { return new MemoryStore(); } }
    }

    // case: dispatch/the store an interface's property returns in every implementation is the in-memory one (Selenium's IHasCapabilities.Capabilities)
    public static class InterfaceReturns
    {
        public static async Task<int> Run(object driver)
        {
            await Task.Yield();
            return driver is IHasStore holder ? holder.Store.Get() : 0;
        }
    }

    public abstract class StoreSource { public abstract IStore Open(); }

    public sealed class MemorySource : StoreSource { public override IStore Open() => new MemoryStore(); }

    public sealed class WaitingSource : StoreSource { public override IStore Open() => new WaitingStore(); }

    // case: dispatch/a virtual factory one of whose overrides returns the waiting implementation
    public static class VirtualReturnsWaiting
    {
        public static async Task<int> Run(StoreSource source)
        {
            await Task.Yield();
            return source.Open().Get(); // expect: NB0002
        }
    }

    public interface IStoreSlot { IStore Store { get; } }

    public sealed class SettableSlot : IStoreSlot { public IStore Store { get; set; } = new MemoryStore(); }

    // case: dispatch/an interface property one implementation of which is an auto-property any caller may set
    public static class AutoPropertyReturns
    {
        public static async Task<int> Run(IStoreSlot slot)
        {
            await Task.Yield();
            return slot.Store.Get(); // expect: NB0002
        }
    }
    internal abstract class TokenReader
    {
        public abstract int Read();

        public async Task<int> ReadAsync()
        {
            await Task.Yield();
            return Read();
        }
    }

    internal sealed class TextTokenReader : TokenReader
    {
        private int _left = 2;
        public override int Read() => _left--;
    }

    internal sealed class BinaryTokenReader : TokenReader
    {
        private readonly ManualResetEventSlim _ready = new ManualResetEventSlim();
        public override int Read()
        {
            _ready.Wait();
            return 0;
        }
    }

    public static class TokenReaders
    {
        public static Task<int> ReadText() => new TextTokenReader().ReadAsync();
    }

    // case: dispatch/an internal implementation nothing constructs never runs (ADAL's internalized Json.NET's BSON reader)
    internal static class NeverConstructedReader
    {
        public static Task<int> Run() => TokenReaders.ReadText();
    }

    // case: dispatch/implementations anyone may construct, or the code makes by name, still run: a public one with a public constructor, one made from its name in a string
    public abstract class RecordReader
    {
        internal RecordReader() { }

        public abstract int Read();

        public async Task<int> ReadAsync()
        {
            await Task.Yield();
            return Read(); // expect: NB0002
        }
    }

    internal sealed class MemoryRecordReader : RecordReader
    {
        public override int Read() => 1;
    }

    public abstract class LineReader
    {
        internal LineReader() { }

        public abstract int Read();

        public async Task<int> ReadAsync()
        {
            await Task.Yield();
            return Read(); // expect: NB0002
        }
    }

    internal sealed class MemoryLineReader : LineReader
    {
        public override int Read() => 1;
    }

    public sealed class WaitingLineReader : LineReader
    {
        private readonly ManualResetEventSlim _ready = new ManualResetEventSlim();
        public WaitingLineReader() { }
        public override int Read()
        {
            _ready.Wait();
            return 0;
        }
    }

    internal sealed class PluginRecordReader : RecordReader
    {
        public override int Read()
        {
            Thread.Sleep(10);
            return 0;
        }
    }

    public static class ConstructedReaders
    {
        public static int Count() => new MemoryRecordReader().Read() + new MemoryLineReader().Read();

        public static RecordReader Plugin() =>
            (RecordReader)System.Activator.CreateInstance(System.Type.GetType("Corpus.Dispatch.ReceiverSources.PluginRecordReader")!)!;
    }
}

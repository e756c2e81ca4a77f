// A new object's fields hold their defaults until its own code stores them: a constructor that runs a setter on
// `this` runs it on an object with nothing to release yet. Shape from FirebirdSql.Data.FirebirdClient 10.3's FbCommand,
// whose constructor sets `Connection`, and whose setter releases the previous connection's statement only when it had
// one. Each has a look-alike where the field may be set (stored first, an existing object, `this` handed out, a loop).
using System.IO;
using System.Threading.Tasks;

namespace Corpus.FreshObjects
{
    public sealed class Connection
    {
        public Stream Log { get; } = new FileStream("fresh.log", FileMode.Append);
    }

    // case: fresh objects/a constructor sets a property whose setter flushes the previous value only when there was one (Firebird's FbCommand)
    public sealed class Command
    {
        private Connection? _connection;
        private string _text;

        public Command(string text, Connection? connection)
        {
            _text = text;
            Connection = connection;
        }

        public Connection? Connection
        {
            get => _connection;
            set
            {
                if (_connection != null && _connection != value) Release();
                _connection = value;
            }
        }

        private void Release() => _connection!.Log.Flush();

        public static async Task<Command> Make(Connection connection)
        {
            await Task.Yield();
            return new Command("select 1", connection);
        }
    }

    // case: fresh objects/the constructor chains to another that sets the property after a setter on this that stores other fields
    public sealed class ChainedCommand
    {
        private Connection? _connection;
        private string _text = "";
        private bool _prepared;

        public ChainedCommand() : this(null, null) { }

        public ChainedCommand(string? text, Connection? connection)
        {
            if (text != null) Text = text;
            Connection = connection;
        }

        public string Text
        {
            get => _text;
            set
            {
                if (_prepared) Unprepare();
                _text = value;
            }
        }

        public Connection? Connection
        {
            get => _connection;
            set
            {
                if (_connection == null) { _connection = value; return; }
                Release();
                _connection = value;
            }
        }

        private void Unprepare() { _connection?.Log.Flush(); _prepared = false; }

        private void Release() => _connection!.Log.Flush();

        public static async Task<ChainedCommand> Make()
        {
            await Task.Yield();
            return new ChainedCommand();
        }
    }

    // case: fresh objects/a bool field still false: the setter's flush under `if (_open)` cannot run from the constructor
    public sealed class Writer
    {
        private readonly Stream _stream;
        private bool _open;

        public Writer(Stream stream)
        {
            _stream = stream;
            Mode = 1;
        }

        public int Mode
        {
            set
            {
                if (!_open) return;
                _stream.Flush();
            }
        }

        public static async Task<Writer> Make(Stream stream)
        {
            await Task.Yield();
            return new Writer(stream);
        }
    }

    // case: fresh objects/a base constructor runs a virtual setter: on the new object it is the class's own override, still unset
    public abstract class Channel
    {
        protected Channel(Connection connection) => Connection = connection;

        public abstract Connection? Connection { set; }
    }

    public sealed class LoggedChannel : Channel
    {
        private Connection? _connection;

        public LoggedChannel(Connection connection) : base(connection) { }

        public override Connection? Connection
        {
            set
            {
                if (_connection != null) _connection.Log.Flush();
                _connection = value;
            }
        }

        public static async Task<LoggedChannel> Make(Connection connection)
        {
            await Task.Yield();
            return new LoggedChannel(connection);
        }
    }

    // case: fresh objects/look-alike: the setter run on an object the caller already had
    public sealed class Reused
    {
        private Connection? _connection;

        public Connection? Connection
        {
            set
            {
                if (_connection != null) _connection.Log.Flush();
                _connection = value;
            }
        }

        public async Task Move(Connection next)
        {
            await Task.Yield();
            Connection = next; // expect: NB0002
        }
    }

    // case: fresh objects/look-alike: the constructor stores the field before it runs the setter
    public sealed class StoredFirst
    {
        private Connection? _connection;

        public StoredFirst(Connection first, Connection second)
        {
            _connection = first;
            Connection = second;
        }

        public Connection? Connection
        {
            set
            {
                if (_connection != null) _connection.Log.Flush();
                _connection = value;
            }
        }

        public static async Task<StoredFirst> Make(Connection first, Connection second)
        {
            await Task.Yield();
            return new StoredFirst(first, second); // expect: NB0002
        }
    }

    // case: fresh objects/look-alike: a helper run on this first stores the field
    public sealed class HelperStores
    {
        private Connection? _connection;

        public HelperStores(Connection first, Connection second)
        {
            Attach(first);
            Connection = second;
        }

        private void Attach(Connection connection) => _connection = connection;

        public Connection? Connection
        {
            set
            {
                if (_connection != null) _connection.Log.Flush();
                _connection = value;
            }
        }

        public static async Task<HelperStores> Make(Connection first, Connection second)
        {
            await Task.Yield();
            return new HelperStores(first, second); // expect: NB0002
        }
    }

    // case: fresh objects/look-alike: the constructor hands this out before it runs the setter (the registry may set the field)
    public sealed class HandedOut
    {
        internal Connection? _connection;

        public HandedOut(Connection connection)
        {
            Registry.Add(this, connection);
            Connection = connection;
        }

        public Connection? Connection
        {
            set
            {
                if (_connection != null) _connection.Log.Flush();
                _connection = value;
            }
        }

        public static async Task<HandedOut> Make(Connection connection)
        {
            await Task.Yield();
            return new HandedOut(connection); // expect: NB0002
        }
    }

    public static class Registry
    {
        public static void Add(HandedOut owner, Connection connection) => owner._connection = connection;
    }

    // case: fresh objects/look-alike: the setter is run in a loop, so from its second turn the field is set
    public sealed class InALoop
    {
        private Connection? _connection;

        public InALoop(Connection[] connections)
        {
            foreach (var connection in connections) Connection = connection;
        }

        public Connection? Connection
        {
            set
            {
                if (_connection != null) _connection.Log.Flush();
                _connection = value;
            }
        }

        public static async Task<InALoop> Make(Connection[] connections)
        {
            await Task.Yield();
            return new InALoop(connections); // expect: NB0002
        }
    }

    // case: fresh objects/look-alike: the setter itself stores the field before it tests it
    public sealed class SetterStoresFirst
    {
        private Connection? _connection;

        public SetterStoresFirst(Connection connection) => Connection = connection;

        public Connection? Connection
        {
            set
            {
                _connection = value;
                if (_connection != null) _connection.Log.Flush();
            }
        }

        public static async Task<SetterStoresFirst> Make(Connection connection)
        {
            await Task.Yield();
            return new SetterStoresFirst(connection); // expect: NB0002
        }
    }

    // case: fresh objects/look-alike: a field initializer sets the field before the constructor's setter runs
    public sealed class Initialized
    {
        private Stream? _log = new MemoryStream();
        private readonly Stream _target;

        public Initialized(Stream target)
        {
            _target = target;
            Log = null;
        }

        public Stream? Log
        {
            set
            {
                if (_log != null) _target.Flush();
                _log = value;
            }
        }

        public static async Task<Initialized> Make(Stream target)
        {
            await Task.Yield();
            return new Initialized(target); // expect: NB0002
        }
    }
}

using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.IO.Pipes;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NonBlocking;

namespace BlockingApis
{
    /// <summary>
    /// Things that make a catalogued API really block for <see cref="Ms"/> using only this machine: pipes, a FIFO,
    /// a loopback server, a child process, fake ADO.NET types. [AllowBlocking]: their own waits are not under test.
    /// </summary>
    [AllowBlocking("test fixtures that block on purpose")]
    public static class Fixtures
    {
        public const int Ms = 200;

        public static void Later(Action action) => new Thread(() => { Thread.Sleep(Ms); action(); }) { IsBackground = true }.Start();

        /// <summary>A pipe whose writer sends "line\n" and closes after <see cref="Ms"/>.</summary>
        public static Stream SlowPipe()
        {
            var server = new AnonymousPipeServerStream(PipeDirection.Out);
            var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
            Later(() => { var b = Encoding.ASCII.GetBytes("line\n"); server.Write(b, 0, b.Length); server.Dispose(); });
            return client;
        }

        /// <summary>A FIFO whose other end opens after <see cref="Ms"/>, so opening it blocks.</summary>
        public static string SlowFifo(bool otherEndWrites)
        {
            string path = Path.Combine(Path.GetTempPath(), "nb-fifo-" + Guid.NewGuid().ToString("N"));
            var mk = System.Diagnostics.Process.Start("mkfifo", path)!;
            mk.WaitForExit();
            Later(() =>
            {
                if (otherEndWrites) File.WriteAllText(path, "fifo");
                else File.ReadAllText(path);
            });
            return path;
        }

        /// <summary>A loopback server that answers one connection after <see cref="Ms"/> with an HTTP response.</summary>
        public static Uri SlowHttpServer()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            new Thread(() =>
            {
                using var client = listener.AcceptTcpClient();
                var stream = client.GetStream();
                var buffer = new byte[4096];
                stream.Read(buffer, 0, buffer.Length);
                Thread.Sleep(Ms);
                var body = "hello";
                var response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
                stream.Write(response, 0, response.Length);
                listener.Stop();
            }) { IsBackground = true }.Start();
            return new Uri($"http://127.0.0.1:{port}/");
        }

        /// <summary>A connected socket whose peer sends one byte after <see cref="Ms"/>.</summary>
        public static Socket SlowSocket()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect((IPEndPoint)listener.LocalEndpoint);
            var server = listener.AcceptSocket();
            listener.Stop();
            Later(() => { server.Send(new byte[] { 42 }); server.Dispose(); });
            return client;
        }

        public static object HeldLock()
        {
            var gate = new object();
            using var held = new ManualResetEventSlim();
            new Thread(() => { lock (gate) { held.Set(); Thread.Sleep(Ms); } }) { IsBackground = true }.Start();
            held.Wait();
            return gate;
        }

        public sealed class SlowReader : TextReader
        {
            public override string? ReadLine() { Thread.Sleep(Ms); return "typed"; }
        }
    }

    [AllowBlocking("fake provider that blocks on purpose")]
    public sealed class SlowConnection : DbConnection
    {
        [AllowNull] public override string ConnectionString { get; set; } = "";
        public override string Database => "fake";
        public override string DataSource => "fake";
        public override string ServerVersion => "1";
        public override ConnectionState State => ConnectionState.Open;
        public override void ChangeDatabase(string databaseName) { }
        public override void Close() { }
        public override void Open() => Thread.Sleep(Fixtures.Ms);
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();
        protected override DbCommand CreateDbCommand() => new SlowCommand();
    }

    [AllowBlocking("fake provider that blocks on purpose")]
    public sealed class SlowCommand : DbCommand
    {
        [AllowNull] public override string CommandText { get; set; } = "";
        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get; set; }
        protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException();
        protected override DbTransaction? DbTransaction { get; set; }
        public override void Cancel() { }
        public override int ExecuteNonQuery() { Thread.Sleep(Fixtures.Ms); return 1; }
        public override object? ExecuteScalar() { Thread.Sleep(Fixtures.Ms); return 1; }
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => throw new NotSupportedException();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) { Thread.Sleep(Fixtures.Ms); return new SlowDataReader(); }
    }

    [AllowBlocking("fake provider that blocks on purpose")]
    public sealed class SlowDataReader : DbDataReader
    {
        private int _rows = 1;
        public override bool Read() { Thread.Sleep(Fixtures.Ms); return _rows-- > 0; }
        public override object this[int ordinal] => 1;
        public override object this[string name] => 1;
        public override int Depth => 0;
        public override int FieldCount => 1;
        public override bool HasRows => true;
        public override bool IsClosed => false;
        public override int RecordsAffected => 0;
        public override bool GetBoolean(int ordinal) => false;
        public override byte GetByte(int ordinal) => 0;
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;
        public override char GetChar(int ordinal) => ' ';
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;
        public override string GetDataTypeName(int ordinal) => "int";
        public override DateTime GetDateTime(int ordinal) => default;
        public override decimal GetDecimal(int ordinal) => 0;
        public override double GetDouble(int ordinal) => 0;
        public override System.Collections.IEnumerator GetEnumerator() => throw new NotSupportedException();
        public override Type GetFieldType(int ordinal) => typeof(int);
        public override float GetFloat(int ordinal) => 0;
        public override Guid GetGuid(int ordinal) => default;
        public override short GetInt16(int ordinal) => 0;
        public override int GetInt32(int ordinal) => 1;
        public override long GetInt64(int ordinal) => 1;
        public override string GetName(int ordinal) => "x";
        public override int GetOrdinal(string name) => 0;
        public override string GetString(int ordinal) => "";
        public override object GetValue(int ordinal) => 1;
        public override int GetValues(object[] values) => 0;
        public override bool IsDBNull(int ordinal) => false;
        public override bool NextResult() => false;
    }
}

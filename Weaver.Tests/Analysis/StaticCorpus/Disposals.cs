// Disposing a data reader closes it, and closing reads what is left of the response synchronously (the rows not read,
// the result sets after them, a cancelled command's acknowledgement): MySqlDataReader.InitAsync disposes its reader in
// a catch, SqlCommand.ExecuteScalarAsyncInternal when its read is cancelled, and EF Core's
// RelationalDataReader.DisposeAsync closed its reader until dotnet/efcore#24207. The look-alikes dispose asynchronously,
// or dispose things whose Dispose does no I/O. (The Dispose a `using` runs is not matched yet: docs/accuracy.md.)
using System;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Disposals
{
    // case: disposals/the reader disposed by hand in a catch (MySqlDataReader.InitAsync)
    public static class ReaderDisposedOnError
    {
        public static async Task<DbDataReader> Open(DbCommand command)
        {
            var reader = await command.ExecuteReaderAsync();
            try
            {
                await reader.ReadAsync();
                return reader;
            }
            catch (InvalidOperationException)
            {
                reader.Dispose(); // expect: NB0001
                throw;
            }
        }
    }

    // case: disposals/the reader disposed when its read was cancelled, in a continuation (SqlCommand.ExecuteScalarAsyncInternal)
    public static class ReaderDisposedOnCancel
    {
        public static Task<object> First(DbCommand command, CancellationToken token) =>
            command.ExecuteReaderAsync(token).ContinueWith(async opened =>
            {
                var reader = opened.Result;
                try
                {
                    return await reader.ReadAsync(token) ? reader.GetValue(0) : null;
                }
                catch (OperationCanceledException)
                {
                    reader.Dispose(); // expect: NB0001
                    throw;
                }
            }, TaskScheduler.Default).Unwrap();
    }

    // case: disposals/a sync helper disposes the reader it is handed
    public static class ReaderClosedInHelper
    {
        public static async Task<string> Name(DbCommand command)
        {
            var reader = await command.ExecuteReaderAsync();
            string name = await reader.ReadAsync() ? reader.GetString(0) : "";
            Finish(reader); // expect: NB0002
            return name;
        }

        private static void Finish(DbDataReader reader)
        {
            reader.Dispose();
        }
    }

    // case: disposals/await using, or an awaited DisposeAsync, closes the reader asynchronously
    public static class ReaderDisposedAsynchronously
    {
        public static async Task<int> First(DbCommand command)
        {
            await using (var reader = await command.ExecuteReaderAsync())
            {
                return await reader.ReadAsync() ? reader.GetInt32(0) : 0;
            }
        }

        public static async Task<int> Declared(DbCommand command)
        {
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? 1 : 0;
        }

        public static async Task ByHand(DbCommand command)
        {
            var reader = await command.ExecuteReaderAsync();
            await reader.DisposeAsync();
        }
    }

    // case: disposals/disposing what does no I/O: a token source, a memory stream, a command
    public static class OtherDisposals
    {
        public static async Task<long> Run(DbCommand command)
        {
            var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var buffer = new MemoryStream();
            await buffer.WriteAsync(new byte[] { 1, 2, 3 }, timeout.Token);
            await command.ExecuteNonQueryAsync(timeout.Token);
            command.Dispose();
            timeout.Dispose();
            long length = buffer.Length;
            buffer.Dispose();
            return length;
        }
    }

    // case: disposals/the project's own reader disposed by hand: its Dispose(bool) drops the response unread (ClickHouse's driver)
    public abstract class OwnReaderBase : DbDataReader
    {
        public override int Depth => 0;
        public override int FieldCount => 0;
        public override bool HasRows => false;
        public override bool IsClosed => false;
        public override int RecordsAffected => 0;
        public override object this[int ordinal] => throw new NotSupportedException();
        public override object this[string name] => throw new NotSupportedException();
        public override bool GetBoolean(int ordinal) => throw new NotSupportedException();
        public override byte GetByte(int ordinal) => throw new NotSupportedException();
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
        public override char GetChar(int ordinal) => throw new NotSupportedException();
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
        public override string GetDataTypeName(int ordinal) => throw new NotSupportedException();
        public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();
        public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();
        public override double GetDouble(int ordinal) => throw new NotSupportedException();
        public override System.Collections.IEnumerator GetEnumerator() => throw new NotSupportedException();
        public override Type GetFieldType(int ordinal) => throw new NotSupportedException();
        public override float GetFloat(int ordinal) => throw new NotSupportedException();
        public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
        public override short GetInt16(int ordinal) => throw new NotSupportedException();
        public override int GetInt32(int ordinal) => throw new NotSupportedException();
        public override long GetInt64(int ordinal) => throw new NotSupportedException();
        public override string GetName(int ordinal) => throw new NotSupportedException();
        public override int GetOrdinal(string name) => throw new NotSupportedException();
        public override string GetString(int ordinal) => throw new NotSupportedException();
        public override object GetValue(int ordinal) => throw new NotSupportedException();
        public override int GetValues(object[] values) => throw new NotSupportedException();
        public override bool IsDBNull(int ordinal) => throw new NotSupportedException();
        public override bool NextResult() => false;
        public override bool Read() => false;
    }

    public sealed class DroppingReader : OwnReaderBase
    {
        private readonly IDisposable _response;

        public DroppingReader(IDisposable response) => _response = response;

        protected override void Dispose(bool disposing)
        {
            if (disposing) _response.Dispose();
            base.Dispose(disposing);
        }
    }

    public static class OwnReaderDropped
    {
        public static async Task<int> Count(IDisposable response)
        {
            await Task.Yield();
            var reader = new DroppingReader(response);
            int fields = reader.FieldCount;
            reader.Dispose();
            return fields;
        }
    }

    // case: disposals/the project's own reader that overrides neither Dispose(bool) nor Close, disposed by hand
    public sealed class PlainReader : OwnReaderBase { }

    public static class OwnReaderPlain
    {
        public static async Task Run()
        {
            await Task.Yield();
            var reader = new PlainReader();
            reader.Dispose();
        }
    }

    // case: disposals/the project's own reader whose Dispose(bool) reads the rest of its stream synchronously
    public sealed class DrainingReader : OwnReaderBase
    {
        private readonly Stream _response;

        public DrainingReader(Stream response) => _response = response;

        protected override void Dispose(bool disposing)
        {
            if (disposing) _response.CopyTo(Stream.Null);
            base.Dispose(disposing);
        }
    }

    public static class OwnReaderDrained
    {
        public static async Task Run(Stream response)
        {
            await Task.Yield();
            var reader = new DrainingReader(response);
            reader.Dispose(); // expect: NB0002
        }
    }

    // case: disposals/the project's own reader whose Close (which the base Dispose(bool) calls) waits for the server
    public sealed class ClosingReader : OwnReaderBase
    {
        private readonly Task _acknowledged;

        public ClosingReader(Task acknowledged) => _acknowledged = acknowledged;

        public override void Close() => _acknowledged.Wait();
    }

    public static class OwnReaderClosed
    {
        public static async Task Run(Task acknowledged)
        {
            await Task.Yield();
            DbDataReader reader = new ClosingReader(acknowledged);
            var own = (ClosingReader)reader;
            own.Dispose(); // expect: NB0002
        }
    }
}

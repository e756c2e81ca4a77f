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
}

// A wait with a zero timeout polls and returns at once: StackExchange.Redis takes its mutex with SemaphoreSlim.Wait(0)
// under 55 async paths. Each has a look-alike that really waits.
using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Polls
{
    // case: polls/a mutex tried with Wait(0) in a sync helper (StackExchange.Redis's AwaitableMutex.TryTakeInstant)
    public sealed class TryTakeInstant
    {
        private readonly SemaphoreSlim _mutex = new SemaphoreSlim(1, 1);

        public async Task Write()
        {
            if (!TryTake()) await _mutex.WaitAsync();
            _mutex.Release();
        }

        private bool TryTake() => _mutex.Wait(0);
    }

    // case: polls/the same mutex waited for with a timeout warns
    public sealed class TakeWithTimeout
    {
        private readonly SemaphoreSlim _mutex = new SemaphoreSlim(1, 1);

        public async Task Write()
        {
            await Task.Yield();
            if (TryTake()) _mutex.Release(); // expect: NB0002
        }

        private bool TryTake() => _mutex.Wait(5000);
    }

    // case: polls/zero timeouts in an async method: WaitOne(TimeSpan.Zero), Wait(0, token), Thread.Sleep(0), Task.Wait(0)
    public static class ZeroInAsync
    {
        public static async Task<bool> Run(ManualResetEvent signal, ManualResetEventSlim slim, Task pending, CancellationToken token)
        {
            await Task.Yield();
            bool set = signal.WaitOne(TimeSpan.Zero);
            set |= slim.Wait(0, token);
            Thread.Sleep(0);
            return set && pending.Wait(0);
        }
    }

    // case: polls/a timeout held in a variable, or an infinite one, waits
    public static class NonZeroInAsync
    {
        public static async Task<bool> Run(ManualResetEvent signal, Task pending, int timeout)
        {
            await Task.Yield();
            bool set = signal.WaitOne(timeout); // expect: NB0001
            set |= signal.WaitOne(Timeout.Infinite); // expect: NB0001
            return set && pending.Wait(TimeSpan.FromSeconds(1)); // expect: NB0003
        }
    }

    // case: polls/a socket checked for liveness with Poll(100 µs) (Microsoft.Data.SqlClient's CheckConnection)
    public static class SocketCheck
    {
        public static async Task<bool> Alive(System.Net.Sockets.Socket socket)
        {
            await Task.Yield();
            return !socket.Poll(100, System.Net.Sockets.SelectMode.SelectRead) || socket.Available > 0;
        }
    }

    // case: polls/a socket waited on for a second
    public static class SocketWait
    {
        public static async Task<bool> Readable(System.Net.Sockets.Socket socket)
        {
            await Task.Yield();
            return socket.Poll(1_000_000, System.Net.Sockets.SelectMode.SelectRead); // expect: NB0001
        }
    }

    // case: polls/BlockingCollection.TryAdd(item) and TryTake(out item) take no timeout and return at once (Git Credential
    // Manager queues its trace messages with TryAdd from every async command); with a zero timeout they poll too
    public static class QueueTries
    {
        public static async Task<bool> Run(BlockingCollection<int> queue, BlockingCollection<string> names)
        {
            await Task.Yield();
            bool added = queue.TryAdd(42) && names.TryAdd("a");
            added |= queue.TryAdd(7, 0) && names.TryTake(out _, TimeSpan.Zero);
            return added && queue.TryTake(out _);
        }
    }

    // case: polls/the same tries with a timeout, or Add and Take, wait
    public static class QueueWaits
    {
        public static async Task<int> Run(BlockingCollection<int> queue, int timeout)
        {
            await Task.Yield();
            queue.TryAdd(1, timeout); // expect: NB0001
            queue.Add(2); // expect: NB0001
            queue.TryTake(out int item, Timeout.Infinite); // expect: NB0001
            return item + queue.Take(); // expect: NB0001
        }
    }
}

// A socket switched to non-blocking mode only polls (Microsoft.Diagnostics.NETCore.Client peeks a byte to see whether a
// connection is alive).
namespace Corpus.Polls.Sockets
{
    // case: polls/a socket switched to non-blocking mode peeked and written to, through a helper (NETCore.Client's IsStreamConnected)
    public static class PeekConnected
    {
        public static async Task<bool> IsConnectedAsync(System.Net.Sockets.NetworkStream stream)
        {
            await Task.Yield();
            return IsConnected(stream);
        }

        private static bool IsConnected(System.Net.Sockets.NetworkStream stream)
        {
            bool connected = true;
            bool blocking = stream.Socket.Blocking;
            try
            {
                stream.Socket.Blocking = false;
                if (stream.Socket.Receive(new byte[1], 0, 1, System.Net.Sockets.SocketFlags.Peek) == 0) connected = false;
                if (connected) stream.Socket.Send(Array.Empty<byte>(), 0, System.Net.Sockets.SocketFlags.None);
            }
            catch (InvalidOperationException)
            {
                connected = stream.Socket.Connected;
            }
            finally
            {
                stream.Socket.Blocking = blocking;
            }
            return connected;
        }
    }

    // case: polls/a socket switched to non-blocking mode in an async method
    public static class PeekDirect
    {
        public static async Task<int> PeekAsync(System.Net.Sockets.Socket socket)
        {
            await Task.Yield();
            socket.Blocking = false;
            return socket.Receive(new byte[1], 0, 1, System.Net.Sockets.SocketFlags.Peek);
        }
    }

    // case: polls/a socket switched to non-blocking mode on one side only waits on the other
    public static class PeekSometimes
    {
        public static async Task<int> PeekAsync(System.Net.Sockets.Socket socket, bool quick)
        {
            await Task.Yield();
            if (quick) socket.Blocking = false;
            return socket.Receive(new byte[1], 0, 1, System.Net.Sockets.SocketFlags.Peek); // expect: NB0001
        }
    }

    // case: polls/a socket switched back to blocking mode before the read waits
    public static class PeekAfterRestore
    {
        public static async Task<int> PeekAsync(System.Net.Sockets.Socket socket)
        {
            await Task.Yield();
            socket.Blocking = false;
            socket.Blocking = true;
            return socket.Receive(new byte[1]); // expect: NB0001
        }
    }
}

// A read a readiness check guards returns at once: dotnet-counters polls the keyboard with Console.KeyAvailable
// before Console.ReadKey in its async monitor loop. The look-alikes read without the check, or read twice after one.
using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Readiness
{
    // case: readiness/ReadKey only after Console.KeyAvailable, in an async loop (dotnet-counters' CounterMonitor.Start)
    public static class KeyPoll
    {
        public static async Task<int> Run(CancellationToken token)
        {
            int keys = 0;
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(250, token);
                if (!Console.IsInputRedirected && Console.KeyAvailable)
                {
                    switch (Console.ReadKey(intercept: true).Key)
                    {
                        case ConsoleKey.Q: return keys;
                        default: keys++; break;
                    }
                }
            }
            return keys;
        }
    }

    // case: readiness/drain the keys while one is available, in a sync helper
    public static class KeyDrain
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return Drain();
        }

        private static int Drain()
        {
            int keys = 0;
            while (Console.KeyAvailable)
            {
                Console.ReadKey(true);
                keys++;
            }
            return keys;
        }
    }

    // case: readiness/an early return when no key is there
    public static class KeyOrReturn
    {
        public static async Task<char> Run()
        {
            await Task.Yield();
            if (!Console.KeyAvailable) return '\0';
            return Console.ReadKey(true).KeyChar;
        }
    }

    // case: readiness/ReadKey with no check waits for a key
    public static class KeyWait
    {
        public static async Task<char> Run()
        {
            await Task.Yield();
            return Console.ReadKey(true).KeyChar; // expect: NB0001
        }
    }

    // case: readiness/a second ReadKey after one check can wait
    public static class KeyTwice
    {
        public static async Task<string> Run()
        {
            await Task.Yield();
            if (!Console.KeyAvailable) return "";
            char first = Console.ReadKey(true).KeyChar;
            char second = Console.ReadKey(true).KeyChar; // expect: NB0001
            return new string(new[] { first, second });
        }
    }

    // case: readiness/the check's false side reads
    public static class KeyOnWrongSide
    {
        public static async Task<char> Run()
        {
            await Task.Yield();
            if (Console.KeyAvailable) return 'k';
            return Console.ReadKey(true).KeyChar; // expect: NB0001
        }
    }
    // case: readiness/a socket peeked only after Poll(0, SelectRead) on the same socket said it is readable (ARSoft.Tools.Net's IsConnected)
    public static class SocketPeek
    {
        public static async Task<bool> AliveAsync(TcpClient client)
        {
            await Task.Yield();
            return IsConnected(client);
        }

        private static bool IsConnected(TcpClient client)
        {
            if (!client.Connected) return false;
            if (client.Client.Poll(0, SelectMode.SelectRead) && client.Connected)
            {
                var buffer = new byte[1];
                try
                {
                    if (client.Client.Receive(buffer, SocketFlags.Peek) == 0) return false;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            }
            return true;
        }
    }

    // case: readiness/a socket read after polling another socket, or after a poll for writing, waits
    public static class SocketOtherPoll
    {
        public static async Task<int> OtherSocket(Socket polled, Socket read)
        {
            await Task.Yield();
            var buffer = new byte[16];
            if (polled.Poll(0, SelectMode.SelectRead)) return read.Receive(buffer); // expect: NB0001
            return 0;
        }

        public static async Task<int> PolledForWriting(Socket socket)
        {
            await Task.Yield();
            var buffer = new byte[16];
            if (socket.Poll(0, SelectMode.SelectWrite)) return socket.Receive(buffer); // expect: NB0001
            return 0;
        }
    }
}

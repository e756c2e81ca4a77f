// One family per catalogued API (written out from a table, hence the repetition). Each family F has F_Direct (the async method calls the API) and F_Helper (it calls F_Sync, a plain method that
// calls the API). The "@F:direct" and "@F:helper" markers give the lines the reports must name.
using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace BlockingApis
{
    public static class Families
    {
        private static readonly object Gate = new object();

        /// <summary>Expected API (or a distinctive part of it) per family, read by the tests.</summary>
        public static readonly (string Family, string Api)[] Expected =
        {
            ("Sleep", "System.Threading.Thread.Sleep(int)"),
            ("Join", "System.Threading.Thread.Join()"),
            ("TaskWait", "System.Threading.Tasks.Task.Wait()"),
            ("TaskWaitAll", "System.Threading.Tasks.Task.WaitAll("),
            ("TaskWaitAny", "System.Threading.Tasks.Task.WaitAny("),
            ("TaskResult", "System.Threading.Tasks.Task<int>.Result"),
            ("ValueTaskResult", "System.Threading.Tasks.ValueTask<int>.Result"),
            ("GetAwaiterGetResult", "System.Runtime.CompilerServices.TaskAwaiter.GetResult()"),
            ("GetAwaiterGetResultOfT", "System.Runtime.CompilerServices.TaskAwaiter<int>.GetResult()"),
            ("ConfiguredGetResult", "System.Runtime.CompilerServices.ConfiguredTaskAwaitable.ConfiguredTaskAwaiter.GetResult()"),
            ("ConfiguredGetResultOfT", "System.Runtime.CompilerServices.ConfiguredTaskAwaitable<int>.ConfiguredTaskAwaiter.GetResult()"),
            ("WaitOne", "System.Threading.WaitHandle.WaitOne(int)"),
            ("WaitHandleWaitAll", "System.Threading.WaitHandle.WaitAll("),
            ("EventSlimWait", "System.Threading.ManualResetEventSlim.Wait(int)"),
            ("SemaphoreSlimWait", "System.Threading.SemaphoreSlim.Wait(int)"),
            ("MonitorEnter", "System.Threading.Monitor.Enter(object, ref bool)"),
            ("MonitorWait", "System.Threading.Monitor.Wait(object, int)"),
            ("BlockingCollectionTake", "System.Collections.Concurrent.BlockingCollection<int>.TryTake("),
            ("ProcessWaitForExit", "System.Diagnostics.Process.WaitForExit()"),
            ("FileRead", "System.IO.File.ReadAllText(string)"),
            ("FileWrite", "System.IO.File.WriteAllText(string, string)"),
            ("StreamRead", "System.IO.Stream.Read(byte[], int, int)"),
            ("StreamCopyTo", "System.IO.Stream.CopyTo(Stream)"),
            ("ReaderReadToEnd", "ReadToEnd()"),
            ("ReaderReadLine", "ReadLine()"),
            ("SocketReceive", "System.Net.Sockets.Socket.Receive(byte[])"),
            ("HttpClientSend", "System.Net.Http.HttpClient.Send(HttpRequestMessage)"),
            ("WebClientDownload", "System.Net.WebClient.DownloadString(Uri)"),
            ("DbConnectionOpen", "System.Data.Common.DbConnection.Open()"),
            ("DbCommandExecute", "System.Data.Common.DbCommand.ExecuteNonQuery()"),
            ("DbDataReaderRead", "System.Data.Common.DbDataReader.Read()"),
            ("ConsoleReadLine", "System.Console.ReadLine()"),
            ("ParallelFor", "System.Threading.Tasks.Parallel.For("),
            ("UserAddedApi", "BlockingApis.LegacyClient.SendSync(string)"),
            ("UserSpanApi", "BlockingApis.LegacyClient.SpanSync(string)"),
        };

        private static Thread StartSleeper()
        {
            var t = new Thread(() => Thread.Sleep(Fixtures.Ms));
            t.Start();
            return t;
        }

        private static Task<int> DelayedInt() => Task.Delay(Fixtures.Ms).ContinueWith(_ => 1);

        /// <summary>Blocking offloaded correctly: silent by default, reported only in thread-pool mode.</summary>
        public static async Task Offloaded()
        {
            await Task.Run(() => Thread.Sleep(Fixtures.Ms * 2)); // @offloaded
        }

        /// <summary>Calls that cannot be made slow here (no network): only checked to be instrumented.</summary>
        public static void InstrumentedOnly(Stream s, System.Net.Sockets.Socket socket)
        {
            Dns.GetHostAddresses("localhost");
            Dns.GetHostEntry("localhost");
            s.Write(new byte[1], 0, 1);
            s.Flush();
            socket.Send(new byte[1]);
            socket.Connect(new IPEndPoint(IPAddress.Loopback, 1));
            Parallel.Invoke(() => { });
            Parallel.ForEach(new[] { 1 }, _ => { });
            Console.Read();
            new Thread(() => { }).Join(1);
        }

        public static async Task Sleep_Direct()
        {
            Thread.Sleep(Fixtures.Ms); // @Sleep:direct
            await Task.Yield();
        }

        public static async Task Sleep_Helper()
        {
            Sleep_Sync();
            await Task.Yield();
        }

        private static void Sleep_Sync()
        {
            Thread.Sleep(Fixtures.Ms); // @Sleep:helper
        }

        public static async Task Join_Direct()
        {
            StartSleeper().Join(); // @Join:direct
            await Task.Yield();
        }

        public static async Task Join_Helper()
        {
            Join_Sync();
            await Task.Yield();
        }

        private static void Join_Sync()
        {
            StartSleeper().Join(); // @Join:helper
        }

        public static async Task TaskWait_Direct()
        {
            Task.Delay(Fixtures.Ms).Wait(); // @TaskWait:direct
            await Task.Yield();
        }

        public static async Task TaskWait_Helper()
        {
            TaskWait_Sync();
            await Task.Yield();
        }

        private static void TaskWait_Sync()
        {
            Task.Delay(Fixtures.Ms).Wait(); // @TaskWait:helper
        }

        public static async Task TaskWaitAll_Direct()
        {
            Task.WaitAll(Task.Delay(Fixtures.Ms)); // @TaskWaitAll:direct
            await Task.Yield();
        }

        public static async Task TaskWaitAll_Helper()
        {
            TaskWaitAll_Sync();
            await Task.Yield();
        }

        private static void TaskWaitAll_Sync()
        {
            Task.WaitAll(Task.Delay(Fixtures.Ms)); // @TaskWaitAll:helper
        }

        public static async Task TaskWaitAny_Direct()
        {
            Task.WaitAny(Task.Delay(Fixtures.Ms)); // @TaskWaitAny:direct
            await Task.Yield();
        }

        public static async Task TaskWaitAny_Helper()
        {
            TaskWaitAny_Sync();
            await Task.Yield();
        }

        private static void TaskWaitAny_Sync()
        {
            Task.WaitAny(Task.Delay(Fixtures.Ms)); // @TaskWaitAny:helper
        }

        public static async Task TaskResult_Direct()
        {
            _ = DelayedInt().Result; // @TaskResult:direct
            await Task.Yield();
        }

        public static async Task TaskResult_Helper()
        {
            TaskResult_Sync();
            await Task.Yield();
        }

        private static void TaskResult_Sync()
        {
            _ = DelayedInt().Result; // @TaskResult:helper
        }

        public static async Task ValueTaskResult_Direct()
        {
            _ = new ValueTask<int>(DelayedInt()).Result; // @ValueTaskResult:direct
            await Task.Yield();
        }

        public static async Task ValueTaskResult_Helper()
        {
            ValueTaskResult_Sync();
            await Task.Yield();
        }

        private static void ValueTaskResult_Sync()
        {
            _ = new ValueTask<int>(DelayedInt()).Result; // @ValueTaskResult:helper
        }

        public static async Task GetAwaiterGetResultOfT_Direct()
        {
            _ = DelayedInt().GetAwaiter().GetResult(); // @GetAwaiterGetResultOfT:direct
            await Task.Yield();
        }

        public static async Task GetAwaiterGetResultOfT_Helper()
        {
            GetAwaiterGetResultOfT_Sync();
            await Task.Yield();
        }

        private static void GetAwaiterGetResultOfT_Sync()
        {
            _ = DelayedInt().GetAwaiter().GetResult(); // @GetAwaiterGetResultOfT:helper
        }

        public static async Task ConfiguredGetResult_Direct()
        {
            Task.Delay(Fixtures.Ms).ConfigureAwait(false).GetAwaiter().GetResult(); // @ConfiguredGetResult:direct
            await Task.Yield();
        }

        public static async Task ConfiguredGetResult_Helper()
        {
            ConfiguredGetResult_Sync();
            await Task.Yield();
        }

        private static void ConfiguredGetResult_Sync()
        {
            Task.Delay(Fixtures.Ms).ConfigureAwait(false).GetAwaiter().GetResult(); // @ConfiguredGetResult:helper
        }

        public static async Task ConfiguredGetResultOfT_Direct()
        {
            _ = DelayedInt().ConfigureAwait(false).GetAwaiter().GetResult(); // @ConfiguredGetResultOfT:direct
            await Task.Yield();
        }

        public static async Task ConfiguredGetResultOfT_Helper()
        {
            ConfiguredGetResultOfT_Sync();
            await Task.Yield();
        }

        private static void ConfiguredGetResultOfT_Sync()
        {
            _ = DelayedInt().ConfigureAwait(false).GetAwaiter().GetResult(); // @ConfiguredGetResultOfT:helper
        }

        public static async Task GetAwaiterGetResult_Direct()
        {
            Task.Delay(Fixtures.Ms).GetAwaiter().GetResult(); // @GetAwaiterGetResult:direct
            await Task.Yield();
        }

        public static async Task GetAwaiterGetResult_Helper()
        {
            GetAwaiterGetResult_Sync();
            await Task.Yield();
        }

        private static void GetAwaiterGetResult_Sync()
        {
            Task.Delay(Fixtures.Ms).GetAwaiter().GetResult(); // @GetAwaiterGetResult:helper
        }

        public static async Task WaitOne_Direct()
        {
            new ManualResetEvent(false).WaitOne(Fixtures.Ms); // @WaitOne:direct
            await Task.Yield();
        }

        public static async Task WaitOne_Helper()
        {
            WaitOne_Sync();
            await Task.Yield();
        }

        private static void WaitOne_Sync()
        {
            new ManualResetEvent(false).WaitOne(Fixtures.Ms); // @WaitOne:helper
        }

        public static async Task WaitHandleWaitAll_Direct()
        {
            WaitHandle.WaitAll(new WaitHandle[] { new ManualResetEvent(false) }, Fixtures.Ms); // @WaitHandleWaitAll:direct
            await Task.Yield();
        }

        public static async Task WaitHandleWaitAll_Helper()
        {
            WaitHandleWaitAll_Sync();
            await Task.Yield();
        }

        private static void WaitHandleWaitAll_Sync()
        {
            WaitHandle.WaitAll(new WaitHandle[] { new ManualResetEvent(false) }, Fixtures.Ms); // @WaitHandleWaitAll:helper
        }

        public static async Task EventSlimWait_Direct()
        {
            new ManualResetEventSlim().Wait(Fixtures.Ms); // @EventSlimWait:direct
            await Task.Yield();
        }

        public static async Task EventSlimWait_Helper()
        {
            EventSlimWait_Sync();
            await Task.Yield();
        }

        private static void EventSlimWait_Sync()
        {
            new ManualResetEventSlim().Wait(Fixtures.Ms); // @EventSlimWait:helper
        }

        public static async Task SemaphoreSlimWait_Direct()
        {
            new SemaphoreSlim(0).Wait(Fixtures.Ms); // @SemaphoreSlimWait:direct
            await Task.Yield();
        }

        public static async Task SemaphoreSlimWait_Helper()
        {
            SemaphoreSlimWait_Sync();
            await Task.Yield();
        }

        private static void SemaphoreSlimWait_Sync()
        {
            new SemaphoreSlim(0).Wait(Fixtures.Ms); // @SemaphoreSlimWait:helper
        }

        public static async Task MonitorEnter_Direct()
        {
            lock (Fixtures.HeldLock()) { } // @MonitorEnter:direct
            await Task.Yield();
        }

        public static async Task MonitorEnter_Helper()
        {
            MonitorEnter_Sync();
            await Task.Yield();
        }

        private static void MonitorEnter_Sync()
        {
            lock (Fixtures.HeldLock()) { } // @MonitorEnter:helper
        }

        public static async Task MonitorWait_Direct()
        {
            lock (Gate) Monitor.Wait(Gate, Fixtures.Ms); // @MonitorWait:direct
            await Task.Yield();
        }

        public static async Task MonitorWait_Helper()
        {
            MonitorWait_Sync();
            await Task.Yield();
        }

        private static void MonitorWait_Sync()
        {
            lock (Gate) Monitor.Wait(Gate, Fixtures.Ms); // @MonitorWait:helper
        }

        public static async Task BlockingCollectionTake_Direct()
        {
            new BlockingCollection<int>().TryTake(out _, Fixtures.Ms); // @BlockingCollectionTake:direct
            await Task.Yield();
        }

        public static async Task BlockingCollectionTake_Helper()
        {
            BlockingCollectionTake_Sync();
            await Task.Yield();
        }

        private static void BlockingCollectionTake_Sync()
        {
            new BlockingCollection<int>().TryTake(out _, Fixtures.Ms); // @BlockingCollectionTake:helper
        }

        public static async Task ProcessWaitForExit_Direct()
        {
            Process.Start("sleep", "0.2")!.WaitForExit(); // @ProcessWaitForExit:direct
            await Task.Yield();
        }

        public static async Task ProcessWaitForExit_Helper()
        {
            ProcessWaitForExit_Sync();
            await Task.Yield();
        }

        private static void ProcessWaitForExit_Sync()
        {
            Process.Start("sleep", "0.2")!.WaitForExit(); // @ProcessWaitForExit:helper
        }

        public static async Task FileRead_Direct()
        {
            File.ReadAllText(Fixtures.SlowFifo(otherEndWrites: true)); // @FileRead:direct
            await Task.Yield();
        }

        public static async Task FileRead_Helper()
        {
            FileRead_Sync();
            await Task.Yield();
        }

        private static void FileRead_Sync()
        {
            File.ReadAllText(Fixtures.SlowFifo(otherEndWrites: true)); // @FileRead:helper
        }

        public static async Task FileWrite_Direct()
        {
            File.WriteAllText(Fixtures.SlowFifo(otherEndWrites: false), "x"); // @FileWrite:direct
            await Task.Yield();
        }

        public static async Task FileWrite_Helper()
        {
            FileWrite_Sync();
            await Task.Yield();
        }

        private static void FileWrite_Sync()
        {
            File.WriteAllText(Fixtures.SlowFifo(otherEndWrites: false), "x"); // @FileWrite:helper
        }

        public static async Task StreamRead_Direct()
        {
            Fixtures.SlowPipe().Read(new byte[16], 0, 16); // @StreamRead:direct
            await Task.Yield();
        }

        public static async Task StreamRead_Helper()
        {
            StreamRead_Sync();
            await Task.Yield();
        }

        private static void StreamRead_Sync()
        {
            Fixtures.SlowPipe().Read(new byte[16], 0, 16); // @StreamRead:helper
        }

        public static async Task StreamCopyTo_Direct()
        {
            Fixtures.SlowPipe().CopyTo(new MemoryStream()); // @StreamCopyTo:direct
            await Task.Yield();
        }

        public static async Task StreamCopyTo_Helper()
        {
            StreamCopyTo_Sync();
            await Task.Yield();
        }

        private static void StreamCopyTo_Sync()
        {
            Fixtures.SlowPipe().CopyTo(new MemoryStream()); // @StreamCopyTo:helper
        }

        public static async Task ReaderReadToEnd_Direct()
        {
            new StreamReader(Fixtures.SlowPipe()).ReadToEnd(); // @ReaderReadToEnd:direct
            await Task.Yield();
        }

        public static async Task ReaderReadToEnd_Helper()
        {
            ReaderReadToEnd_Sync();
            await Task.Yield();
        }

        private static void ReaderReadToEnd_Sync()
        {
            new StreamReader(Fixtures.SlowPipe()).ReadToEnd(); // @ReaderReadToEnd:helper
        }

        public static async Task ReaderReadLine_Direct()
        {
            new StreamReader(Fixtures.SlowPipe()).ReadLine(); // @ReaderReadLine:direct
            await Task.Yield();
        }

        public static async Task ReaderReadLine_Helper()
        {
            ReaderReadLine_Sync();
            await Task.Yield();
        }

        private static void ReaderReadLine_Sync()
        {
            new StreamReader(Fixtures.SlowPipe()).ReadLine(); // @ReaderReadLine:helper
        }

        public static async Task SocketReceive_Direct()
        {
            Fixtures.SlowSocket().Receive(new byte[1]); // @SocketReceive:direct
            await Task.Yield();
        }

        public static async Task SocketReceive_Helper()
        {
            SocketReceive_Sync();
            await Task.Yield();
        }

        private static void SocketReceive_Sync()
        {
            Fixtures.SlowSocket().Receive(new byte[1]); // @SocketReceive:helper
        }

        public static async Task HttpClientSend_Direct()
        {
            new HttpClient().Send(new HttpRequestMessage(HttpMethod.Get, Fixtures.SlowHttpServer())); // @HttpClientSend:direct
            await Task.Yield();
        }

        public static async Task HttpClientSend_Helper()
        {
            HttpClientSend_Sync();
            await Task.Yield();
        }

        private static void HttpClientSend_Sync()
        {
            new HttpClient().Send(new HttpRequestMessage(HttpMethod.Get, Fixtures.SlowHttpServer())); // @HttpClientSend:helper
        }

        public static async Task WebClientDownload_Direct()
        {
            new WebClient().DownloadString(Fixtures.SlowHttpServer()); // @WebClientDownload:direct
            await Task.Yield();
        }

        public static async Task WebClientDownload_Helper()
        {
            WebClientDownload_Sync();
            await Task.Yield();
        }

        private static void WebClientDownload_Sync()
        {
            new WebClient().DownloadString(Fixtures.SlowHttpServer()); // @WebClientDownload:helper
        }

        public static async Task DbConnectionOpen_Direct()
        {
            new SlowConnection().Open(); // @DbConnectionOpen:direct
            await Task.Yield();
        }

        public static async Task DbConnectionOpen_Helper()
        {
            DbConnectionOpen_Sync();
            await Task.Yield();
        }

        private static void DbConnectionOpen_Sync()
        {
            new SlowConnection().Open(); // @DbConnectionOpen:helper
        }

        public static async Task DbCommandExecute_Direct()
        {
            new SlowCommand().ExecuteNonQuery(); // @DbCommandExecute:direct
            await Task.Yield();
        }

        public static async Task DbCommandExecute_Helper()
        {
            DbCommandExecute_Sync();
            await Task.Yield();
        }

        private static void DbCommandExecute_Sync()
        {
            new SlowCommand().ExecuteNonQuery(); // @DbCommandExecute:helper
        }

        public static async Task DbDataReaderRead_Direct()
        {
            new SlowDataReader().Read(); // @DbDataReaderRead:direct
            await Task.Yield();
        }

        public static async Task DbDataReaderRead_Helper()
        {
            DbDataReaderRead_Sync();
            await Task.Yield();
        }

        private static void DbDataReaderRead_Sync()
        {
            new SlowDataReader().Read(); // @DbDataReaderRead:helper
        }

        public static async Task ConsoleReadLine_Direct()
        {
            Console.ReadLine(); // @ConsoleReadLine:direct
            await Task.Yield();
        }

        public static async Task ConsoleReadLine_Helper()
        {
            ConsoleReadLine_Sync();
            await Task.Yield();
        }

        private static void ConsoleReadLine_Sync()
        {
            Console.ReadLine(); // @ConsoleReadLine:helper
        }

        public static async Task ParallelFor_Direct()
        {
            Parallel.For(0, 2, _ => Thread.Sleep(Fixtures.Ms)); // @ParallelFor:direct
            await Task.Yield();
        }

        public static async Task ParallelFor_Helper()
        {
            ParallelFor_Sync();
            await Task.Yield();
        }

        private static void ParallelFor_Sync()
        {
            Parallel.For(0, 2, _ => Thread.Sleep(Fixtures.Ms)); // @ParallelFor:helper
        }

        public static async Task UserAddedApi_Direct()
        {
            LegacyClient.SendSync("ping"); // @UserAddedApi:direct
            await Task.Yield();
        }

        public static async Task UserAddedApi_Helper()
        {
            UserAddedApi_Sync();
            await Task.Yield();
        }

        private static void UserAddedApi_Sync()
        {
            LegacyClient.SendSync("ping"); // @UserAddedApi:helper
        }

        // A ref struct cannot be a generic argument: this result stays on the stack under the plain end probe.
        public static async Task UserSpanApi_Direct()
        {
            int length = LegacyClient.SpanSync("ping").Length; // @UserSpanApi:direct
            if (length != 4) throw new InvalidOperationException("span result lost: " + length);
            await Task.Yield();
        }

        public static async Task UserSpanApi_Helper()
        {
            UserSpanApi_Sync();
            await Task.Yield();
        }

        private static void UserSpanApi_Sync()
        {
            var span = LegacyClient.SpanSync("ping"); // @UserSpanApi:helper
            if (span.Length != 4) throw new InvalidOperationException("span result lost: " + span.ToString());
        }

    }

    /// <summary>A library API the user adds to the catalog with &lt;NonBlockingBlockingApi Include="BlockingApis.LegacyClient.SendSync" /&gt;.</summary>
    [NonBlocking.AllowBlocking("its own wait is the thing under test")]
    public static class LegacyClient
    {
        public static string SendSync(string message)
        {
            Thread.Sleep(Fixtures.Ms);
            return message;
        }

        public static ReadOnlySpan<char> SpanSync(string message)
        {
            Thread.Sleep(Fixtures.Ms);
            return message.AsSpan();
        }
    }
}

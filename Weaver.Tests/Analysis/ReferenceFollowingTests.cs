using System.IO;
using System.Threading;
using NonBlocking.Tests.Support;
using NonBlocking.Weaver.Analyse.Reachability;
using Xunit;

namespace NonBlocking.Tests.Analysis
{
    /// <summary>Paths that leave the assembly into followed references, and the per-process cache of their summaries.</summary>
    public class ReferenceFollowingTests
    {
        private const string Usings = "using System; using System.Threading; using System.Threading.Tasks;\n";

        private const string Io = @"using System.Threading;
namespace Low
{
    public interface ISink { void Put(); }
    public static class Io
    {
        public static void Flush()
        {
            Thread.Sleep(1); // @io-sleep
        }
        public static void Quick() { }
    }
}";

        private const string Client = @"namespace Mid
{
    public sealed class SlowSink : Low.ISink
    {
        public void Put() => Low.Io.Flush();
    }
    public static class Client
    {
        public static void Send() => Low.Io.Flush();
        public static void Ping() => Low.Io.Quick();
    }
}";

        private const string App = Usings + @"
public static class P
{
    public static async Task M(Low.ISink sink)
    {
        Mid.Client.Send(); // @send
        Mid.Client.Ping();
        sink.Put(); // @put
        await Task.Yield();
    }
}";

        [Fact]
        public void A_path_through_two_references_and_an_interface_names_every_hop_and_the_last_line()
        {
            string io = Compiler.Compile("Low", Io);
            string client = Compiler.Compile("Mid", Client, io);

            var analysis = new AnalysisHarness("App", App, new[] { io, client }, followInto: new[] { client, io });

            analysis.AssertExactly(("NB0002", "send"), ("NB0002", "put"));
            int sleepLine = AnalysisHarness.Line(Io, "io-sleep");
            Assert.Contains($"calls Mid.Client.Send(), which blocks the thread: M → Client.Send → Io.Flush → Thread.Sleep at Low.cs({sleepLine},13)",
                analysis.At("send").Message);
            // The interface is declared in one reference and implemented in the other.
            Assert.Contains($"M → SlowSink.Put → Io.Flush → Thread.Sleep at Low.cs({sleepLine},13)", analysis.At("put").Message);
        }

        [Fact]
        public void Only_followed_references_are_entered()
        {
            string io = Compiler.Compile("Low", Io);
            string client = Compiler.Compile("Mid", Client, io);

            // Low is not followed: Mid's calls into it lead nowhere, so nothing reaches a blocking call.
            new AnalysisHarness("App", App, new[] { io, client }, followInto: new[] { client }).AssertExactly();
        }

        [Fact]
        public void A_reference_is_analysed_once_per_process_and_again_after_it_is_rebuilt()
        {
            string io = Compiler.Compile("Low", Io);
            string client = Compiler.Compile("Mid", Client, io);
            var refs = new[] { io, client };

            new AnalysisHarness("App", App, refs, followInto: refs).AssertExactly(("NB0002", "send"), ("NB0002", "put"));
            Assert.Equal(1, ReferenceSummaries.TimesComputed(io));
            Assert.Equal(1, ReferenceSummaries.TimesComputed(client));

            // A second project of the same build that references the same libraries: served from the cache.
            new AnalysisHarness("App2", App, refs, followInto: refs).AssertExactly(("NB0002", "send"), ("NB0002", "put"));
            Assert.Equal(1, ReferenceSummaries.TimesComputed(io));
            Assert.Equal(1, ReferenceSummaries.TimesComputed(client));

            // The lowest library is rebuilt without the sleep: it and everything summarised on top of it are redone.
            string fixedIo = Compiler.Compile("Low", Io.Replace("Thread.Sleep(1);", "Thread.Yield();"));
            Thread.Sleep(20);
            File.Copy(fixedIo, io, overwrite: true);
            File.Copy(Path.ChangeExtension(fixedIo, ".pdb"), Path.ChangeExtension(io, ".pdb"), overwrite: true);
            new AnalysisHarness("App3", App, refs, followInto: refs).AssertExactly();
            Assert.Equal(2, ReferenceSummaries.TimesComputed(io));
            Assert.Equal(2, ReferenceSummaries.TimesComputed(client));
        }
    }
}

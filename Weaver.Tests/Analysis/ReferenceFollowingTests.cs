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

        private const string Formats = @"using System.IO;
namespace Formats
{
    /// <summary>Counts bytes in memory, as MimeKit's MeasuringStream does.</summary>
    public sealed class Counter : Stream
    {
        private long _n;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _n;
        public override long Position { get => _n; set { } }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => 0;
        public override long Seek(long offset, SeekOrigin origin) => 0;
        public override void SetLength(long value) { }
        public override void Write(byte[] buffer, int offset, int count) => _n += count;
    }
    public static class Document
    {
        public static void Render(Stream output, byte[] body) { Header(output); output.Write(body, 0, body.Length); } // @render
        private static void Header(Stream output) => output.WriteByte(1);
        public static void Save(Stream output, string path) { output.WriteByte(1); File.WriteAllText(path, ""-""); } // @save
    }
}";

        private const string Renderer = Usings + @"
using System.IO;
public static class R
{
    public static async Task<long> Measure(byte[] body)
    {
        await Task.Yield();
        var counter = new Formats.Counter();
        Formats.Document.Render(counter, body);
        var memory = new MemoryStream();
        Formats.Document.Render(memory, body);
        return counter.Length + memory.Length;
    }

    public static async Task ToFile(byte[] body, string path)
    {
        await Task.Yield();
        using var file = File.Create(path);
        Formats.Document.Render(file, body); // @file
    }

    public static async Task Keep(string path)
    {
        await Task.Yield();
        Formats.Document.Save(new MemoryStream(), path); // @keep
    }
}";

        [Fact]
        public void A_reference_handed_in_memory_streams_is_followed_as_it_runs_with_them()
        {
            string formats = Compiler.Compile("Formats", Formats);

            var analysis = new AnalysisHarness("Renderer", Renderer, new[] { formats }, followInto: new[] { formats });

            // Into the reference's own in-memory stream type and a MemoryStream: no I/O. Into a file, and a method that
            // also writes a file whatever it is handed: the paths, the second to the file it writes.
            analysis.AssertExactly(("NB0002", "file"), ("NB0002", "keep"));
            Assert.Contains("ToFile → Document.Render → Stream.Write at Formats.cs", analysis.At("file").Message);
            Assert.Contains("Keep → Document.Save → File.WriteAllText at Formats.cs", analysis.At("keep").Message);
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

// A test of whether `this` is exactly its own class decides a branch when the code has no subclass of it. Shape from
// Newtonsoft.Json 13's JsonTextReader (and the copies of Json.NET libraries carry, such as ADAL's): its constructor sets
// `_safeAsync = GetType() == typeof(JsonTextReader)`, and its async overrides run their own async code when it holds
// and fall back to the base class's default — which calls the sync `Read` a subclass may override — when it does not.
// Each has a look-alike that blocks: a subclass in the code, a field stored elsewhere too, the test the other way round.
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.ExactTypes
{
    public abstract class TokenReader
    {
        public abstract bool Read();
        // The base's async default: the sync member, run inline.
        public virtual Task<bool> ReadAsync(CancellationToken token) => Task.FromResult(Read());
    }

    // case: exact types/an async override that falls back to the sync default only for subclasses, with none in the code (Json.NET's _safeAsync)
    public class TextTokenReader : TokenReader
    {
        private readonly TextReader _text;
        private readonly bool _safeAsync;

        public TextTokenReader(TextReader text)
        {
            _text = text;
            _safeAsync = GetType() == typeof(TextTokenReader);
        }

        public override bool Read() => _text.Read() >= 0;

        public override Task<bool> ReadAsync(CancellationToken token) => _safeAsync ? DoReadAsync(token) : base.ReadAsync(token);

        private async Task<bool> DoReadAsync(CancellationToken token)
        {
            var buffer = new char[1];
            return await _text.ReadAsync(buffer, token) > 0;
        }

        public static async Task<int> Count(TokenReader reader, CancellationToken token)
        {
            int count = 0;
            while (await reader.ReadAsync(token)) count++;
            return count;
        }
    }

    // case: exact types/the same test written inline, the fallback first
    public class InlineTokenReader : TokenReader
    {
        private readonly TextReader _text;
        public InlineTokenReader(TextReader text) => _text = text;

        public override bool Read() => _text.Read() >= 0;

        public override Task<bool> ReadAsync(CancellationToken token)
        {
            if (GetType() != typeof(InlineTokenReader)) return base.ReadAsync(token);
            return DoReadAsync(token);
        }

        private async Task<bool> DoReadAsync(CancellationToken token)
        {
            var buffer = new char[1];
            return await _text.ReadAsync(buffer, token) > 0;
        }

        public static async Task<bool> First(InlineTokenReader reader, CancellationToken token)
        {
            await Task.Yield();
            return await reader.ReadAsync(token);
        }
    }

    public abstract class TokenWriter
    {
        public abstract void Flush();
        public virtual Task FlushAsync(CancellationToken token)
        {
            Flush();
            return Task.CompletedTask;
        }
    }

    // case: exact types/a subclass in the code takes the fallback, which flushes synchronously
    public class TextTokenWriter : TokenWriter
    {
        private readonly TextWriter _text;
        private readonly bool _safeAsync;

        public TextTokenWriter(TextWriter text)
        {
            _text = text;
            _safeAsync = GetType() == typeof(TextTokenWriter);
        }

        public override void Flush() => _text.Flush();

        public override Task FlushAsync(CancellationToken token) => _safeAsync ? _text.FlushAsync(token) : base.FlushAsync(token);

        public static async Task Finish(TokenWriter writer, CancellationToken token)
        {
            await Task.Yield();
            await writer.FlushAsync(token); // expect: NB0002
        }
    }

    public sealed class IndentingTokenWriter : TextTokenWriter
    {
        public IndentingTokenWriter(TextWriter text) : base(text) { }
    }

    // case: exact types/a field the class also sets from outside is no test of its type
    public class SwitchableTokenWriter : TokenWriter
    {
        private readonly TextWriter _text;
        private bool _safeAsync;

        public SwitchableTokenWriter(TextWriter text)
        {
            _text = text;
            _safeAsync = GetType() == typeof(SwitchableTokenWriter);
        }

        public bool Buffered { set => _safeAsync = !value; }

        public override void Flush() => _text.Flush();

        public override Task FlushAsync(CancellationToken token) => _safeAsync ? _text.FlushAsync(token) : base.FlushAsync(token);

        public static async Task Finish(SwitchableTokenWriter writer, CancellationToken token)
        {
            await Task.Yield();
            await writer.FlushAsync(token); // expect: NB0002
        }
    }

    // case: exact types/the sync side taken when the object is exactly the class
    public class BackwardTokenWriter : TokenWriter
    {
        private readonly TextWriter _text;
        public BackwardTokenWriter(TextWriter text) => _text = text;

        public override void Flush() => _text.Flush();

        public override Task FlushAsync(CancellationToken token) =>
            GetType() == typeof(BackwardTokenWriter) ? base.FlushAsync(token) : _text.FlushAsync(token);

        public static async Task Finish(BackwardTokenWriter writer, CancellationToken token)
        {
            await Task.Yield();
            await writer.FlushAsync(token); // expect: NB0002
        }
    }
}

using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using NonBlocking.Report;

namespace NonBlocking.Instrumentation
{
    /// <summary>
    /// Static description of one async method, emitted by the weaver: its name as written and where each of its
    /// awaits is. The location table stays a string until a report needs it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class AsyncSite
    {
        /// <summary>The assembly this method lives in; read on the fast path for its threshold.</summary>
        public readonly WovenModule Module;
        private readonly string _encodedLocations;
        private readonly string? _file;
        private Dictionary<int, SourceLocation>? _byState;
        private SourceLocation? _start, _end;
        internal SiteRateLimit? RateLimit;

        /// <param name="module">The woven assembly.</param>
        /// <param name="method">Display name, e.g. <c>App.Program.Main(string[])</c>.</param>
        /// <param name="locations">Lines of <c>key\tline\tfile</c>, or <c>key\tline</c> for the file of the line before; key is
        /// <c>S</c> (start), <c>E</c> (end) or a state number.</param>
        public AsyncSite(WovenModule module, string method, string locations)
            : this(module, method, null, locations)
        {
        }

        // Private, so that weavers which look for AsyncSite's one public constructor still find one.
        private AsyncSite(WovenModule module, string method, string? file, string locations)
        {
            Module = module;
            Method = method;
            _file = string.IsNullOrEmpty(file) ? null : file;
            _encodedLocations = locations ?? "";
            Id = NonBlocking.Detect.SiteIds<AsyncSite>.Register(this);
        }

        /// <summary>
        /// An async method whose location rows leave out <paramref name="file"/> until a row names another: the
        /// weaver passes the method's file apart, so that the assembly's string heap holds each path once, not once per
        /// async method.
        /// </summary>
        /// <param name="module">The woven assembly.</param>
        /// <param name="method">Display name, e.g. <c>App.Program.Main(string[])</c>.</param>
        /// <param name="file">The source file of the rows before the first that names one; empty for none.</param>
        /// <param name="locations">As for the constructor; a first row without a file is in <paramref name="file"/>.</param>
        public static AsyncSite Create(WovenModule module, string method, string file, string locations) =>
            new AsyncSite(module, method, file, locations);

        /// <summary>What the probes publish for the hang watchdog instead of the reference.</summary>
        internal readonly int Id;

        /// <summary>The async method as the user wrote it.</summary>
        public string Method { get; }

        internal SourceLocation LocateEntry(int state)
        {
            EnsureDecoded();
            return _byState!.TryGetValue(state, out var loc) ? loc.WithKind(state >= 0 ? "await" : "yield") : _start!;
        }

        internal SourceLocation LocateExit(int state)
        {
            EnsureDecoded();
            return _byState!.TryGetValue(state, out var loc) ? loc.WithKind(state >= 0 ? "await" : "yield") : _end!;
        }

        private void EnsureDecoded()
        {
            if (System.Threading.Volatile.Read(ref _byState) != null) return;
            var byState = new Dictionary<int, SourceLocation>();
            SourceLocation start = SourceLocation.Unknown("start"), end = SourceLocation.Unknown("end");
            string? file = _file;
            foreach (var row in _encodedLocations.Split('\n'))
            {
                var parts = row.Split(new[] { '\t' }, 3);
                if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int line)) continue;
                // Two parts: the file of the row before, or for the first rows the file passed apart (AsyncSite.Create);
                // weavers since 2026-12-07 name a file only where it changes.
                if (parts.Length == 3) file = parts[2].Length == 0 ? null : parts[2];
                if (parts[0] == "S") start = new SourceLocation("start", file, line);
                else if (parts[0] == "E") end = new SourceLocation("end", file, line);
                else if (int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int state))
                    byState[state] = new SourceLocation("await", file, line);
            }
            _start = start;
            _end = end;
            System.Threading.Volatile.Write(ref _byState, byState);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Calls in sync code under <c>#pragma warning disable NB0002</c> (or a bare <c>disable</c>): the maintainer's word
    /// that the call does not block in practice, so no NB0002 path runs through it (as the weave's SuppressedCalls). The
    /// compiler applies a pragma only to diagnostics inside it, and nothing is reported at such a call; this reads the
    /// directives once per file that has them.
    /// </summary>
    internal sealed class SourcePragmaSuppressions
    {
        private const string Code = "NB0002";

        private readonly struct Pragma
        {
            public Pragma(int position, bool disable) { Position = position; Disable = disable; }
            public int Position { get; }
            public bool Disable { get; }
        }

        private readonly ConcurrentDictionary<SyntaxTree, Pragma[]> _trees = new ConcurrentDictionary<SyntaxTree, Pragma[]>();

        /// <summary>Whether NB0002 is disabled where <paramref name="node"/> starts.</summary>
        public bool Cuts(SyntaxNode node)
        {
            var pragmas = _trees.GetOrAdd(node.SyntaxTree, Read);
            bool disabled = false;
            foreach (var pragma in pragmas)
            {
                if (pragma.Position >= node.SpanStart) break;
                disabled = pragma.Disable;
            }
            return disabled;
        }

        /// <summary>The file's pragmas that name NB0002 or every code, in order; none without directives (most files).</summary>
        private static Pragma[] Read(SyntaxTree tree)
        {
            var root = tree.GetRoot();
            if (!root.ContainsDirectives) return Array.Empty<Pragma>();
            var found = new List<Pragma>();
            for (var directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
            {
                if (!(directive is PragmaWarningDirectiveTriviaSyntax pragma) || !Names(pragma)) continue;
                found.Add(new Pragma(pragma.SpanStart, pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword)));
            }
            return found.ToArray();
        }

        private static bool Names(PragmaWarningDirectiveTriviaSyntax pragma)
        {
            if (pragma.ErrorCodes.Count == 0) return true;
            foreach (var code in pragma.ErrorCodes)
                if (code is IdentifierNameSyntax name && string.Equals(name.Identifier.ValueText, Code, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NonBlocking.Analyzers;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests.Analysis
{
    /// <summary>The analyzer's messages name methods exactly as Roslyn's error-message format does, fast path or not.</summary>
    public sealed class MessageNamesTests
    {
        private const string Source = @"
#nullable enable
using System; using System.Collections.Generic; using System.IO; using System.Threading; using System.Threading.Tasks;
namespace Outer.Inner
{
    public class C
    {
        public void Plain(int a, string b, CancellationToken ct) { }
        public void Annotated(string? a, List<string?> b, int? c) { }
        public void NotAnnotated(string a, List<string> b) { }
        public static Task<int> Static(byte[] buffer, int[,] grid, (int, string) pair) => Task.FromResult(0);
        public void @class(object o) { }
        public void Modifiers(ref int a, out int b, in int c, params string[] rest) { b = 0; }
        public T Generic<T>(T value) => value;
        public void Optional(int a = 1, string? b = null) { }
        public C() { }
        public static C operator +(C a, C b) => a;
        public int this[int i] => i;
        public void Nested(Dictionary<string, List<int>> map, Func<Task>? f, Stream s) { }
        public class D { public void M(D d, C c) { } }
        public unsafe void Pointer(int* p) { }
    }
    public class G<T> where T : class { public void M(T t, List<T> list, T? maybe) { } public class H<U> { public void N(T t, U u) { } } }
    public static class E { public static void Ext(this string s, int n) { } }
    public interface I { void Run(int x); }
    public class Impl : I { void I.Run(int x) { } public void Run(string y) { } }
    public struct S { public readonly void Read(S other) { } }
}
public class Global { public void M(Global g) { } }
";

        [Fact]
        public void A_method_is_shown_as_the_display_visitor_shows_it()
        {
            var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("Names", new[] { tree }, Compiler.FrameworkReferences,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var methods = new List<IMethodSymbol>();
            void Collect(INamespaceOrTypeSymbol container)
            {
                foreach (var member in container.GetMembers())
                {
                    if (member is IMethodSymbol m) methods.Add(m);
                    if (member is INamespaceOrTypeSymbol inner) Collect(inner);
                }
            }
            Collect(compilation.Assembly.GlobalNamespace);
            // Framework methods, as the called API: open and constructed generic types, overloads, interfaces.
            foreach (var name in new[] { "System.IO.Stream", "System.IO.File", "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1",
                         "System.Threading.Thread", "System.Collections.Generic.List`1", "System.Net.Http.HttpClient", "System.String" })
                methods.AddRange(compilation.GetTypeByMetadataName(name)!.GetMembers().OfType<IMethodSymbol>());
            var listOfInt = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1")!.Construct(compilation.GetSpecialType(SpecialType.System_Int32));
            methods.AddRange(listOfInt.GetMembers().OfType<IMethodSymbol>());
            var annotated = ((INamedTypeSymbol)compilation.GetTypeByMetadataName("Outer.Inner.G`1")!).Construct(
                ImmutableArrayOf<ITypeSymbol>(compilation.GetSpecialType(SpecialType.System_String)), ImmutableArrayOf(NullableAnnotation.Annotated));
            methods.AddRange(annotated.GetMembers().OfType<IMethodSymbol>());

            var names = new MessageNames();
            Assert.True(methods.Count > 300, $"only {methods.Count} methods");
            Assert.All(methods, m => Assert.Equal(m.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), names.Of(m)));
            // Asked twice, through the cache, still the same (string and string? share a symbol key but not a name).
            Assert.All(methods, m => Assert.Equal(m.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), names.Cached(m)));
        }

        private static System.Collections.Immutable.ImmutableArray<T> ImmutableArrayOf<T>(T item) => System.Collections.Immutable.ImmutableArray.Create(item);
    }
}

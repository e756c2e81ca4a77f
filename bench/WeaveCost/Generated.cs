using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace NonBlocking.Bench.WeaveCost
{
    /// <summary>Source for the assemblies the engine is timed on, compiled Release with a portable PDB.</summary>
    internal static class Generated
    {
        /// <summary>
        /// <paramref name="count"/> async methods in classes of 100, every tenth calling a sync helper that blocks; with
        /// <paramref name="entries"/>, a public entry method per class calls its async methods, and with
        /// <paramref name="internalClasses"/> the classes are internal (so the build-time analysis first works out which
        /// methods can run, LiveMethods, and finds them all live).
        /// </summary>
        public static string AsyncMethods(int count, bool entries = false, bool internalClasses = false)
        {
            var s = new StringBuilder("using System.Threading; using System.Threading.Tasks;\nnamespace Gen {\n");
            if (entries)
            {
                // One entry per class: a single async method with thousands of awaits is a workload of its own.
                s.Append("public static class Entry {\n");
                for (int c = 0; c < count / 100; c++)
                {
                    s.Append($"  public static async Task Run{c}() {{ var o = new C{c}();");
                    for (int m = 0; m < 100; m++) s.Append($" await o.M{c * 100 + m}(0);");
                    s.Append(" }\n");
                }
                s.Append("}\n");
            }
            for (int c = 0; c < count / 100; c++)
            {
                s.Append(internalClasses ? $"internal sealed class C{c} {{\n" : $"public sealed class C{c} {{\n");
                for (int m = 0; m < 100; m++)
                {
                    int i = c * 100 + m;
                    s.Append($"  public async Task<int> M{i}(int x) {{\n    await Task.Yield();\n    int y = x + {i};\n");
                    if (i % 10 == 0) s.Append("    Helper(y);\n");
                    s.Append("    if (y > 10) await Task.Delay(0);\n    return y;\n  }\n");
                }
                s.Append("  static void Helper(int y) { if (y < 0) Thread.Sleep(y); }\n}\n");
            }
            return s.Append("}\n").ToString();
        }

        /// <summary>
        /// One async method of <paramref name="awaits"/> awaits, as generated code can hold, in pairs, each pair in its own
        /// try/catch: one on the async side of a mode switch whose sync side waits (<c>if (async) await M(i); else
        /// M(i).Wait();</c>), one after a completion check that reads the task when complete (<c>if (t.IsCompleted) x +=
        /// t.Result; else x += await t;</c>).
        /// </summary>
        public static string ManyAwaits(int awaits)
        {
            var s = new StringBuilder("using System.Threading.Tasks;\npublic static class Awaits {\n");
            s.Append("  public static async Task<int> M(int x) { return await Task.FromResult(x); }\n  public static async Task<int> Run(bool async) {\n    int x = 0;\n");
            for (int i = 0; i < awaits / 2; i++)
                s.Append($"    try {{ if (async) await M({i}); else M({i}).Wait(); var t{i} = M({i}); if (t{i}.IsCompleted) x += t{i}.Result; else x += await t{i}; }} catch (System.InvalidOperationException) {{ }}\n");
            return s.Append("    return x;\n  }\n}\n").ToString();
        }

        /// <summary>
        /// One async method of <paramref name="waits"/> waits in one straight-line block, each on a task a local holds and
        /// nothing reads again (<c>{ var t = M(i); x += t.Result; }</c>): every wait is reported, and what the analysis
        /// knows of each task once waited on once piled up in the block (docs/performance.md, session 37).
        /// </summary>
        public static string StraightWaits(int waits)
        {
            var s = new StringBuilder("using System.Threading.Tasks;\npublic static class Waits {\n");
            s.Append("  public static async Task<int> M(int x) { return await Task.FromResult(x); }\n  public static async Task<int> Run() {\n    int x = 0; await Task.Yield();\n");
            for (int i = 0; i < waits; i++) s.Append($"    {{ var t = M({i}); x += t.Result; }}\n");
            return s.Append("    return x;\n  }\n}\n").ToString();
        }

        /// <summary>A chain of <paramref name="count"/> sync methods ending in a blocking call, entered from one async method.</summary>
        public static string CallChain(int count)
        {
            var s = new StringBuilder("using System.Threading; using System.Threading.Tasks;\npublic static class Chain {\n");
            s.Append("  public static async Task Root() { S0(); await Task.Yield(); }\n");
            for (int i = 0; i < count - 1; i++) s.Append($"  public static void S{i}() => S{i + 1}();\n");
            s.Append($"  public static void S{count - 1}() => Thread.Sleep(1);\n}}\n");
            return s.ToString();
        }

        /// <summary>The framework assemblies the generated sources compile against.</summary>
        public static MetadataReference[] References() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

        public static string Compile(string name, string source, string directory)
        {
            var references = References();
            string sourcePath = Path.Combine(directory, name + ".cs");
            File.WriteAllText(sourcePath, source);
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), sourcePath, Encoding.UTF8);
            var compilation = CSharpCompilation.Create(name, new[] { tree }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
            string dll = Path.Combine(directory, name + ".dll");
            using (var pe = File.Create(dll))
            using (var pdb = File.Create(Path.ChangeExtension(dll, ".pdb")))
            {
                var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: name + ".pdb"));
                if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
            }
            return dll;
        }
    }
}

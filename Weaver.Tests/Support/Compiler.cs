using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

namespace NonBlocking.Tests.Support
{
    /// <summary>Compiles small C# programs in-process (Roslyn), Release, with a portable PDB, for the analysis tests.</summary>
    internal static class Compiler
    {
        /// <summary>The framework's assemblies and NonBlocking.Runtime, as references.</summary>
        public static IReadOnlyList<MetadataReference> FrameworkReferences => Framework.Value;

        private static readonly Lazy<List<MetadataReference>> Framework = new Lazy<List<MetadataReference>>(() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "NonBlocking.Runtime.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToList());

        /// <summary>Writes <paramref name="name"/>.dll and .pdb (sources as Name.cs files) into a new folder; returns the dll path.</summary>
        public static string Compile(string name, IReadOnlyDictionary<string, string> sources, params string[] references) =>
            Emit(Create(name, sources, references, out string dir), dir, name);

        /// <summary>As <see cref="Compile(string, IReadOnlyDictionary{string, string}, string[])"/>, as a console application (its entry point set).</summary>
        public static string CompileProgram(string name, string source, params string[] references) =>
            Emit(Create(name, new Dictionary<string, string> { [name + ".cs"] = source }, references, out string dir, kind: OutputKind.ConsoleApplication), dir, name);

        /// <summary>As <see cref="Compile(string, IReadOnlyDictionary{string, string}, string[])"/>, unoptimised, as a Debug build compiles.</summary>
        public static string CompileDebug(string name, IReadOnlyDictionary<string, string> sources, params string[] references) =>
            Emit(Create(name, sources, references, out string dir, OptimizationLevel.Debug), dir, name);

        /// <summary>
        /// Like <see cref="Compile(string, IReadOnlyDictionary{string, string}, string[])"/>, with NonBlocking's analyzer
        /// attached as the package attaches it: also returns its diagnostics (#pragma suppressions applied).
        /// </summary>
        public static (string Dll, IReadOnlyList<Diagnostic> Diagnostics) CompileWithAnalyzer(string name, IReadOnlyDictionary<string, string> sources,
            params string[] references) => CompileWithAnalyzer(name, sources, OptimizationLevel.Release, references);

        /// <summary>As <see cref="CompileWithAnalyzer(string, IReadOnlyDictionary{string, string}, string[])"/>, optimised or not.</summary>
        public static (string Dll, IReadOnlyList<Diagnostic> Diagnostics) CompileWithAnalyzer(string name, IReadOnlyDictionary<string, string> sources,
            OptimizationLevel optimization, params string[] references)
        {
            var compilation = Create(name, sources, references, out string dir, optimization);
            var analyzed = compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
                new NonBlocking.Analyzers.BlockingCallAnalyzer()), BuildProperties.AsThePackageSetsThem());
            var diagnostics = analyzed.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return (Emit(compilation, dir, name), diagnostics);
        }

        private static CSharpCompilation Create(string name, IReadOnlyDictionary<string, string> sources, string[] references, out string dir,
            OptimizationLevel optimization = OptimizationLevel.Release, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        {
            string folder = dir = TestPaths.NewTempDirectory("compiled-" + name);
            var trees = sources.Select(s =>
            {
                string path = Path.Combine(folder, s.Key);
                File.WriteAllText(path, s.Value);
                return CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(s.Value, System.Text.Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Latest), path);
            });
            return CSharpCompilation.Create(name, trees,
                Framework.Value.Concat(references.Select(r => MetadataReference.CreateFromFile(r))),
                new CSharpCompilationOptions(kind, optimizationLevel: optimization, nullableContextOptions: NullableContextOptions.Enable));
        }

        private static string Emit(CSharpCompilation compilation, string dir, string name)
        {
            string dll = Path.Combine(dir, name + ".dll");
            using (var peStream = File.Create(dll))
            using (var pdbStream = File.Create(Path.ChangeExtension(dll, ".pdb")))
            {
                var result = compilation.Emit(peStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: name + ".pdb"));
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0) throw new InvalidOperationException("test program does not compile:\n" + string.Join("\n", errors));
            }
            return dll;
        }

        public static string Compile(string name, string source, params string[] references) =>
            Compile(name, new Dictionary<string, string> { [name + ".cs"] = source }, references);
    }
}

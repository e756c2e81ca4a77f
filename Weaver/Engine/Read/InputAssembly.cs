using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Read
{
    /// <summary>How the input carries its symbols, so the output keeps the same form.</summary>
    internal enum SymbolForm { None, PortableFile, Embedded }

    /// <summary>The input module read fully into memory (no file stays locked), with its symbols.</summary>
    internal sealed class InputAssembly : IDisposable
    {
        private InputAssembly(ModuleDefinition module, SymbolForm symbols, ModuleResolver resolver, int imageSize, int symbolsSize)
        {
            Module = module;
            Symbols = symbols;
            ImageSize = imageSize;
            SymbolsSize = symbolsSize;
            _resolver = resolver;
        }

        private readonly ModuleResolver _resolver;

        public ModuleDefinition Module { get; }

        public SymbolForm Symbols { get; }

        /// <summary>Bytes of the assembly and of its PDB file as read: the woven ones are about as large.</summary>
        public int ImageSize { get; }

        public int SymbolsSize { get; }

        public static InputAssembly Read(string path, IEnumerable<string> referencePaths, IList<Diagnostic> diagnostics)
        {
            if (!File.Exists(path))
                throw new WeaveException(DiagnosticCodes.InputMissing, $"{path}: file not found. Check the path, or that the compiler produced it.");

            var resolver = new ModuleResolver();
            foreach (var dir in referencePaths.Select(Path.GetDirectoryName).Concat(new[] { Path.GetDirectoryName(Path.GetFullPath(path)) })
                                              .Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal))
                resolver.AddSearchDirectory(dir);

            byte[] image = File.ReadAllBytes(path);
            string pdbPath = Path.ChangeExtension(path, ".pdb");
            byte[]? pdb = File.Exists(pdbPath) ? File.ReadAllBytes(pdbPath) : null;
            ModuleDefinition module;
            SymbolForm symbols;
            try
            {
                (module, symbols) = ReadWithSymbols(image, pdb, resolver, path, diagnostics);
            }
            catch (Exception e) when (e is BadImageFormatException || e is InvalidOperationException || e is ArgumentException || e is EndOfStreamException || e is IndexOutOfRangeException || e is NotSupportedException)
            {
                resolver.Dispose();
                throw new WeaveException(DiagnosticCodes.NotAnAssembly,
                    $"{path}: not a valid .NET assembly ({e.Message}). Only managed assemblies can be woven (not native DLLs or other files); if this one was built by a .NET compiler it is damaged or truncated, so rebuild it.", e);
            }

            if (module.Assembly?.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.ReferenceAssemblyAttribute") == true)
            {
                module.Dispose();
                resolver.Dispose();
                throw new WeaveException(DiagnosticCodes.ReferenceAssembly,
                    $"{path}: is a reference assembly (metadata only, no code). Weave the implementation assembly instead (obj/<config>/<tfm>/, not obj/.../ref/).");
            }
            MaterializeGenericParameters(module);
            return new InputAssembly(module, symbols, resolver, image.Length, pdb?.Length ?? 0);
        }

        /// <summary>
        /// Cecil answers HasGenericParameters for a member without any by re-reading metadata under the module's
        /// lock on every call, and its writer asks for every type and method; so do our names. Reading each
        /// collection once caches it (empty or not): a fifth less time on large assemblies. Output is unchanged.
        /// </summary>
        private static void MaterializeGenericParameters(ModuleDefinition module)
        {
            foreach (var type in module.GetTypes())
            {
                _ = type.GenericParameters;
                foreach (var method in type.Methods) _ = method.GenericParameters;
            }
        }

        /// <summary>
        /// Symbols must be read together with the module (Cecil mis-reads sequence points attached afterwards).
        /// A PDB beside the assembly wins; otherwise an embedded one is used if present.
        /// </summary>
        private static (ModuleDefinition, SymbolForm) ReadWithSymbols(byte[] image, byte[]? pdb, IAssemblyResolver resolver, string path, IList<Diagnostic> diagnostics)
        {
            var parameters = new ReaderParameters { AssemblyResolver = resolver, ReadingMode = ReadingMode.Immediate, ReadSymbols = true };
            if (pdb != null)
            {
                parameters.SymbolStream = new MemoryStream(pdb);
                parameters.SymbolReaderProvider = new PortablePdbReaderProvider();
            }
            else
            {
                parameters.SymbolReaderProvider = new DefaultSymbolReaderProvider(throwIfNoSymbol: false);
            }

            string name = Path.GetFileName(path);
            try
            {
                var module = ModuleDefinition.ReadModule(new MemoryStream(image), parameters);
                if (module.HasSymbols) return (module, pdb != null ? SymbolForm.PortableFile : SymbolForm.Embedded);
                module.Dispose();
                diagnostics.Add(new Diagnostic(DiagnosticCodes.NoSymbols, DiagnosticSeverity.Warning,
                    $"no PDB found for {name}; reports will name methods but not files and lines. Keep <DebugType>portable</DebugType> (the default) or embedded to get them.", path));
            }
            catch (Exception e) when (pdb != null && !(e is OutOfMemoryException))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.NoSymbols, DiagnosticSeverity.Warning,
                    $"symbols for {name} could not be read ({e.Message}); reports will name methods but not files and lines. Rebuild so the PDB matches, with <DebugType>portable</DebugType> or embedded.", path));
            }
            var plain = new ReaderParameters { AssemblyResolver = resolver, ReadingMode = ReadingMode.Immediate };
            return (ModuleDefinition.ReadModule(new MemoryStream(image), plain), SymbolForm.None);
        }

        public void Dispose()
        {
            Module.Dispose();
            _resolver.Dispose();
        }
    }
}

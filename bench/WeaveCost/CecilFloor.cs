using System.IO;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Bench.WeaveCost
{
    /// <summary>
    /// What Mono.Cecil alone costs on an assembly, read and written as the weave reads and writes it (whole image in
    /// memory, Immediate mode, portable PDB in and out) with every method body read, since the analysis reads them all,
    /// and nothing changed: the floor under the weave's time, which no work of the engine's own can go below.
    /// </summary>
    internal static class CecilFloor
    {
        public static void ReadEveryBodyAndWrite(string dll, string frameworkDirectory)
        {
            using var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(frameworkDirectory);
            var parameters = new ReaderParameters
            {
                AssemblyResolver = resolver, ReadingMode = ReadingMode.Immediate, ReadSymbols = true,
                SymbolStream = new MemoryStream(File.ReadAllBytes(Path.ChangeExtension(dll, ".pdb"))),
                SymbolReaderProvider = new PortablePdbReaderProvider(),
            };
            using var module = ModuleDefinition.ReadModule(new MemoryStream(File.ReadAllBytes(dll)), parameters);
            foreach (var type in module.GetTypes())
                foreach (var method in type.Methods)
                    if (method.HasBody) _ = method.Body.Instructions.Count;
            module.Write(new MemoryStream(), new WriterParameters
            {
                DeterministicMvid = true, WriteSymbols = true, SymbolStream = new MemoryStream(), SymbolWriterProvider = new PortablePdbWriterProvider(),
            });
        }
    }
}

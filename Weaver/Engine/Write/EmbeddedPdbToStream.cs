using System.IO;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Write
{
    /// <summary>
    /// Cecil's embedded-PDB writer refuses the stream overload and demands a file name it never opens (the PDB
    /// goes inside the assembly). We write assemblies to memory, so hand it the module's name instead.
    /// </summary>
    internal sealed class EmbeddedPdbToStream : ISymbolWriterProvider
    {
        private readonly EmbeddedPortablePdbWriterProvider _inner = new EmbeddedPortablePdbWriterProvider();

        public ISymbolWriter GetSymbolWriter(ModuleDefinition module, string fileName) =>
            _inner.GetSymbolWriter(module, string.IsNullOrEmpty(fileName) ? module.Name : fileName);

        public ISymbolWriter GetSymbolWriter(ModuleDefinition module, Stream symbolStream) =>
            _inner.GetSymbolWriter(module, module.Name);
    }
}

using Mono.Cecil;

namespace NonBlocking.Weaver.Read
{
    /// <summary>Resolves references from the search folders, or to modules we read ourselves (with their symbols).</summary>
    internal sealed class ModuleResolver : DefaultAssemblyResolver
    {
        public void Register(AssemblyDefinition assembly) => RegisterAssembly(assembly);
    }
}

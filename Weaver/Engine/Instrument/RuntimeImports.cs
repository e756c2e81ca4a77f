using System;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>References, in the module being woven, to the NonBlocking.Runtime members the woven code calls.</summary>
    internal sealed class RuntimeImports
    {
        private const string Namespace = "NonBlocking.Instrumentation";

        private RuntimeImports() { }

        public MethodReference Enter { get; private set; } = null!;
        public MethodReference Exit { get; private set; } = null!;
        public MethodReference Abandon { get; private set; } = null!;
        public MethodReference RegisterModule { get; private set; } = null!;
        public MethodReference SiteConstructor { get; private set; } = null!;
        public TypeReference SiteType { get; private set; } = null!;
        public TypeReference ModuleType { get; private set; } = null!;
        public MethodReference BlockingStart { get; private set; } = null!;
        public MethodReference BlockingEnd { get; private set; } = null!;
        public MethodReference BlockingSiteConstructor { get; private set; } = null!;
        public TypeReference BlockingSiteType { get; private set; } = null!;

        public static RuntimeImports Load(ModuleDefinition target, string runtimePath)
        {
            if (string.IsNullOrEmpty(runtimePath) || !File.Exists(runtimePath))
                throw new WeaveException(DiagnosticCodes.RuntimeMissing,
                    $"NonBlocking.Runtime.dll not found{(string.IsNullOrEmpty(runtimePath) ? "" : " at " + runtimePath)}. Reference the NonBlocking.Runtime package (NonBlocking.Weaver brings it in) and restore.");
            ModuleDefinition runtime;
            try
            {
                runtime = ModuleDefinition.ReadModule(new MemoryStream(File.ReadAllBytes(runtimePath)));
            }
            catch (Exception e) when (e is BadImageFormatException || e is InvalidOperationException)
            {
                throw new WeaveException(DiagnosticCodes.RuntimeMissing, $"{runtimePath}: not a readable NonBlocking.Runtime assembly ({e.Message}). Restore the package again.", e);
            }
            using (runtime)
            {
                TypeDefinition Type(string name) => runtime.GetType(Namespace, name)
                    ?? throw new WeaveException(DiagnosticCodes.RuntimeMissing, $"{runtimePath}: has no {Namespace}.{name}; NonBlocking.Runtime and NonBlocking.Weaver versions differ. Use the same version of both.");
                var probe = Type("Probe");
                var site = Type("AsyncSite");
                var module = Type("WovenModule");
                var blockingSite = Type("BlockingSite");
                return new RuntimeImports
                {
                    Enter = target.ImportReference(probe.Methods.Single(m => m.Name == "Enter")),
                    Exit = target.ImportReference(probe.Methods.Single(m => m.Name == "Exit")),
                    Abandon = target.ImportReference(probe.Methods.SingleOrDefault(m => m.Name == "Abandon")
                        ?? throw new WeaveException(DiagnosticCodes.RuntimeMissing, $"{runtimePath}: has no {Namespace}.Probe.Abandon; NonBlocking.Runtime and NonBlocking.Weaver versions differ. Use the same version of both.")),
                    RegisterModule = target.ImportReference(module.Methods.Single(m => m.Name == "Register")),
                    SiteConstructor = target.ImportReference(site.Methods.Single(m => m.IsConstructor && !m.IsStatic)),
                    SiteType = target.ImportReference(site),
                    ModuleType = target.ImportReference(module),
                    BlockingStart = target.ImportReference(probe.Methods.Single(m => m.Name == "BlockingStart")),
                    BlockingEnd = target.ImportReference(probe.Methods.Single(m => m.Name == "BlockingEnd")),
                    BlockingSiteConstructor = target.ImportReference(blockingSite.Methods.Single(m => m.IsConstructor && !m.IsStatic)),
                    BlockingSiteType = target.ImportReference(blockingSite),
                };
            }
        }
    }
}

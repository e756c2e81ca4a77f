using System;
using System.Collections.Generic;
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
        public MethodReference ExitBeforeCompletion { get; private set; } = null!;
        public MethodReference Abandon { get; private set; } = null!;
        public MethodReference RegisterModule { get; private set; } = null!;
        /// <summary><c>AsyncSite.Create(module, method, file, locations)</c>: the method's file passed apart, once in the string heap.</summary>
        public MethodReference SiteFactory { get; private set; } = null!;
        public TypeReference SiteType { get; private set; } = null!;
        public TypeReference ModuleType { get; private set; } = null!;
        public MethodReference BlockingStart { get; private set; } = null!;
        public MethodReference BlockingEnd { get; private set; } = null!;
        /// <summary>Generic: <c>T BlockingResult&lt;T&gt;(T result, long start, BlockingSite site)</c>.</summary>
        public MethodReference BlockingResult { get; private set; } = null!;
        public MethodReference BlockingSiteConstructor { get; private set; } = null!;
        public TypeReference BlockingSiteType { get; private set; } = null!;
        /// <summary><c>BlockingSite.ForAsyncCall</c>: the site of a call into another assembly's async API.</summary>
        public MethodReference AsyncCallSiteFactory { get; private set; } = null!;
        /// <summary><c>AsyncCalls</c>' end probes by the task type they take; the ValueTask ones only where the runtime has them.</summary>
        public IReadOnlyDictionary<string, MethodReference> AsyncCallEnds { get; private set; } = null!;
        /// <summary><c>CompletedWaits</c>' helpers by name: each replaces one kind of wait on a task.</summary>
        public IReadOnlyDictionary<string, MethodReference> CompletedWaits { get; private set; } = null!;

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
                string Differ(string what) => $"{runtimePath}: has no {what}; NonBlocking.Runtime and NonBlocking.Weaver versions differ. Use the same version of both.";
                TypeDefinition Type(string name) => runtime.GetType(Namespace, name)
                    ?? throw new WeaveException(DiagnosticCodes.RuntimeMissing, Differ($"{Namespace}.{name}"));
                MethodReference Method(TypeDefinition type, string name, Func<MethodDefinition, bool> which)
                {
                    MethodDefinition? found = null;
                    foreach (var m in type.Methods)
                        if (m.Name == name && which(m))
                            found = found == null ? m : throw new WeaveException(DiagnosticCodes.RuntimeMissing, Differ($"a single {type.FullName}.{name}"));
                    return target.ImportReference(found ?? throw new WeaveException(DiagnosticCodes.RuntimeMissing, Differ($"{type.FullName}.{name}")));
                }
                MethodReference Named(TypeDefinition type, string name) => Method(type, name, _ => true);
                MethodReference Constructor(TypeDefinition type) => Method(type, ".ctor", m => !m.IsStatic && m.IsPublic);

                var probe = Type("Probe");
                var site = Type("AsyncSite");
                var module = Type("WovenModule");
                var blockingSite = Type("BlockingSite");
                var waits = Type("CompletedWaits");
                var asyncCalls = Type("AsyncCalls");
                var asyncCallEnds = new Dictionary<string, MethodReference>
                {
                    ["System.Threading.Tasks.Task"] = Named(asyncCalls, "TaskEnd"),
                    ["System.Threading.Tasks.Task`1"] = Named(asyncCalls, "TaskResultEnd"),
                };
                // netstandard2.0 has no ValueTask: that runtime leaves such calls untimed.
                if (asyncCalls.Methods.Any(m => m.Name == "ValueTaskEnd"))
                {
                    asyncCallEnds["System.Threading.Tasks.ValueTask"] = Named(asyncCalls, "ValueTaskEnd");
                    asyncCallEnds["System.Threading.Tasks.ValueTask`1"] = Named(asyncCalls, "ValueTaskResultEnd");
                }
                return new RuntimeImports
                {
                    Enter = Named(probe, "Enter"),
                    Exit = Named(probe, "Exit"),
                    ExitBeforeCompletion = Named(probe, "ExitBeforeCompletion"),
                    Abandon = Named(probe, "Abandon"),
                    RegisterModule = Named(module, "Register"),
                    SiteFactory = Named(site, "Create"),
                    SiteType = target.ImportReference(site),
                    ModuleType = target.ImportReference(module),
                    BlockingStart = Named(probe, "BlockingStart"),
                    BlockingEnd = Named(probe, "BlockingEnd"),
                    BlockingResult = Named(probe, "BlockingResult"),
                    BlockingSiteConstructor = Constructor(blockingSite),
                    BlockingSiteType = target.ImportReference(blockingSite),
                    AsyncCallSiteFactory = Named(blockingSite, "ForAsyncCall"),
                    AsyncCallEnds = asyncCallEnds,
                    CompletedWaits = CompletedWaitCall.HelperNames.ToDictionary(n => n, n => Method(waits, n, m => m.IsPublic)),
                };
            }
        }
    }
}

using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// The generated <c>&lt;NonBlocking&gt;Sites</c> class: one static readonly AsyncSite per woven async method and
    /// one BlockingSite per blocking call site, built in its static constructor. Its presence also marks the
    /// assembly as woven.
    /// </summary>
    internal sealed class SiteTable
    {
        public const string TypeName = "<NonBlocking>Sites";

        private readonly RuntimeImports _runtime;
        private readonly TypeDefinition _type;
        private readonly ILProcessor _cctor;
        private readonly FieldDefinition _moduleField;
        private int _count;

        public SiteTable(ModuleDefinition module, RuntimeImports runtime, int thresholdMs, bool reportThreadPool)
        {
            _runtime = runtime;
            _type = new TypeDefinition("", TypeName,
                TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class | TypeAttributes.BeforeFieldInit,
                module.TypeSystem.Object);
            module.Types.Add(_type);

            _moduleField = new FieldDefinition("Module", FieldAttributes.Static | FieldAttributes.InitOnly | FieldAttributes.Assembly, runtime.ModuleType);
            _type.Fields.Add(_moduleField);

            var cctor = new MethodDefinition(".cctor",
                MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
                module.TypeSystem.Void);
            _type.Methods.Add(cctor);
            _cctor = cctor.Body.GetILProcessor();
            _cctor.Emit(OpCodes.Ldstr, module.Assembly?.Name.Name ?? module.Name);
            _cctor.Emit(OpCodes.Ldc_I4, thresholdMs);
            _cctor.Emit(reportThreadPool ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
            _cctor.Emit(OpCodes.Call, runtime.RegisterModule);
            _cctor.Emit(OpCodes.Stsfld, _moduleField);
        }

        public static bool IsWoven(ModuleDefinition module) => module.GetType(TypeName) != null;

        public FieldReference Add(string method, (string File, string Rows) locations)
        {
            var field = new FieldDefinition("S" + _count++, FieldAttributes.Static | FieldAttributes.InitOnly | FieldAttributes.Assembly, _runtime.SiteType);
            _type.Fields.Add(field);
            _cctor.Emit(OpCodes.Ldsfld, _moduleField);
            _cctor.Emit(OpCodes.Ldstr, method);
            _cctor.Emit(OpCodes.Ldstr, locations.File);
            _cctor.Emit(OpCodes.Ldstr, locations.Rows);
            _cctor.Emit(OpCodes.Call, _runtime.SiteFactory);
            _cctor.Emit(OpCodes.Stsfld, field);
            return field;
        }

        /// <param name="asyncCall">A call into another assembly's async API (built by <c>BlockingSite.ForAsyncCall</c>).</param>
        public FieldReference AddBlocking(string api, string caller, string? file, int line, string alternative, bool asyncCall = false)
        {
            var field = new FieldDefinition("B" + _count++, FieldAttributes.Static | FieldAttributes.InitOnly | FieldAttributes.Assembly, _runtime.BlockingSiteType);
            _type.Fields.Add(field);
            _cctor.Emit(OpCodes.Ldsfld, _moduleField);
            _cctor.Emit(OpCodes.Ldstr, api);
            _cctor.Emit(OpCodes.Ldstr, caller);
            _cctor.Emit(OpCodes.Ldstr, file ?? "");
            _cctor.Emit(OpCodes.Ldc_I4, line);
            _cctor.Emit(OpCodes.Ldstr, alternative);
            if (asyncCall) _cctor.Emit(OpCodes.Call, _runtime.AsyncCallSiteFactory);
            else _cctor.Emit(OpCodes.Newobj, _runtime.BlockingSiteConstructor);
            _cctor.Emit(OpCodes.Stsfld, field);
            return field;
        }

        public void Complete() => _cctor.Emit(OpCodes.Ret);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// NB0001 and NB0003 while the code is written: a blocking call (the engine's catalog and async-counterpart rule)
    /// or a wait on a task not known complete, in an async method, lambda or local function; and NB0002 when the
    /// compilation ends, for calls from async code into sync code of this compilation that reaches one
    /// (<see cref="HelperPaths"/>). The weave-time analysis reports what this leaves out — paths into project
    /// references and packages, through delegates, or decided by bool flags. Code under <c>[AllowBlocking]</c> is
    /// skipped as the weaver skips it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BlockingCallAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.BlockingCallInAsync, Descriptors.BlockingCallReachable, Descriptors.SyncOverAsync);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            // Generated code is not analysed (no callbacks there), so nothing is reported in it either; leaving out
            // ReportDiagnostics would make the driver check each diagnostic for generated code too, and the first check
            // in a file walks every token of it: 56 % of this analyzer's time on bench/AnalyzerApp (docs/performance.md).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var options = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
                // Only in projects that reference the package themselves (its build file sets this), not in the
                // consumers of a library built with it, where NuGet would carry the analyzer along.
                if (!options.TryGetValue("build_property._NonBlockingAnalyzerActive", out var active) || active != "true") return;
                // The weave writes the baseline from every warning, the analyzer's too: it reports none meanwhile.
                if (options.TryGetValue("build_property.NonBlockingUpdateBaseline", out var update) && string.Equals(update, "true", StringComparison.OrdinalIgnoreCase)) return;
                options.TryGetValue("build_property.NonBlockingBlockingApis", out var blocking);
                options.TryGetValue("build_property.NonBlockingNotBlockingApis", out var notBlocking);
                var state = new CompilationState(start.Compilation, SymbolCatalog.For(blocking, notBlocking), SourceBaseline.Read(start.Options, options, start.CancellationToken));
                start.RegisterOperationAction(c =>
                {
                    var call = (IInvocationOperation)c.Operation;
                    var lambda = SourceCalls.InvokedInPlace(call);
                    if (lambda != null) Analyze(c, state, lambda, null, false, call.Arguments);
                    else Analyze(c, state, call.TargetMethod, call.Instance, call.IsVirtual, call.Arguments);
                }, OperationKind.Invocation);
                start.RegisterOperationAction(c =>
                {
                    var reference = (IPropertyReferenceOperation)c.Operation;
                    var accessor = reference.Parent is IAssignmentOperation assignment && assignment.Target == reference
                        ? reference.Property.SetMethod : reference.Property.GetMethod;
                    if (accessor != null) Analyze(c, state, accessor, reference.Instance, reference.Instance != null && !(reference.Instance.Syntax is BaseExpressionSyntax), reference.Arguments);
                }, OperationKind.PropertyReference);
                start.RegisterOperationAction(c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Constructor != null) Analyze(c, state, creation.Constructor, null, false, creation.Arguments);
                }, OperationKind.ObjectCreation);
                start.RegisterCompilationEndAction(end => ReportPaths(end, state));
            });
        }

        /// <summary>What one compilation's analysis shares across threads: the catalog's answer per method, EF Core's IQueryable.</summary>
        private sealed class CompilationState
        {
            public CompilationState(Compilation compilation, SymbolCatalog catalog, HashSet<string> baseline)
            {
                Baseline = baseline;
                Compilation = compilation;
                Catalog = catalog;
                Dispatch = new SourceDispatch(compilation);
                Live = new SourceLiveMethods(compilation);
                _streams = new Lazy<SourceStreamTypes>(() => new SourceStreamTypes(compilation, catalog, Dispatch));
                _assemblyAllowed = new Lazy<bool>(() => compilation.Assembly.GetAttributes().Any(IsAllowBlocking));
                // Looked up only when a catalogued query operator is met: listing the references or finding a type by
                // name costs each compilation ~10 ms on its own (profiled on bench/AnalyzerApp).
                _efCoreQueryable = new Lazy<INamedTypeSymbol?>(() =>
                    compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.EntityFrameworkCore") ? compilation.GetTypeByMetadataName("System.Linq.IQueryable") : null);
            }

            public Compilation Compilation { get; }
            public SymbolCatalog Catalog { get; }

            /// <summary>The warnings the project's baseline lists (NonBlockingBaseline): not reported.</summary>
            public HashSet<string> Baseline { get; }

            public bool Baselined(string code, string method, string call) =>
                Baseline.Count > 0 && Baseline.Contains(NonBlocking.Weaver.Catalog.BaselineKeys.Of(code, method, call));

            /// <summary>Which source methods a virtual call runs: for the paths, and for what a stream type's code may reach.</summary>
            public SourceDispatch Dispatch { get; }

            /// <summary>Which members may run: a report in one nothing can run is left out.</summary>
            public SourceLiveMethods Live { get; }

            /// <summary>In-memory stream types: the catalog's and this compilation's own.</summary>
            public SourceStreamTypes Streams => _streams.Value;
            private readonly Lazy<SourceStreamTypes> _streams;
            private readonly Lazy<INamedTypeSymbol?> _efCoreQueryable;
            private readonly Lazy<bool> _assemblyAllowed;

            /// <summary>IQueryable, when EF Core is referenced (its sync operators block only over a query); else null.</summary>
            public INamedTypeSymbol? EfCoreQueryable => _efCoreQueryable.Value;
            private readonly ConcurrentDictionary<IMethodSymbol, BlockingMatch?> _matches =
                new ConcurrentDictionary<IMethodSymbol, BlockingMatch?>(SymbolEqualityComparer.Default);

            public BlockingMatch? Match(IMethodSymbol method) =>
                _matches.GetOrAdd(method, m => Catalog.Match(m, Compilation));

            public HelperPaths Paths { get; } = new HelperPaths();

            /// <summary>Calls in sync code that no path runs through.</summary>
            public SourcePragmaSuppressions Pragmas { get; } = new SourcePragmaSuppressions();

            /// <summary>Declared in this compilation's source (a call into it may lead to blocking: see <see cref="HelperPaths"/>).</summary>
            public bool InSource(IMethodSymbol method) =>
                method.MethodKind == MethodKind.AnonymousFunction ||
                // Metadata methods have no declaring syntax: settled without reaching the containing assembly.
                !method.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty &&
                SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, Compilation.Assembly);

            private readonly ConcurrentDictionary<ISymbol, bool> _allowed = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

            /// <summary>[AllowBlocking] on the function, a method or type around it, or the assembly (once per function).</summary>
            /// <remarks>Matched by name, as the weave matches it, rather than looked up: finding a type by name is a search of every reference.</remarks>
            public bool Allowed(IMethodSymbol function) => Allowed((ISymbol)function);

            /// <summary>Per symbol, so a type's attributes are read once, not once per function in it.</summary>
            private bool Allowed(ISymbol? symbol) => symbol == null || symbol is INamespaceSymbol
                ? _assemblyAllowed.Value
                : _allowed.GetOrAdd(symbol, s => s.GetAttributes().Any(IsAllowBlocking) || Allowed(s.ContainingSymbol));

            private static bool IsAllowBlocking(AttributeData attribute) =>
                attribute.AttributeClass is { Name: "AllowBlockingAttribute" } type && Namespaces.Is(type.ContainingNamespace, "NonBlocking");

            private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IParameterSymbol>> _flags =
                new ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IParameterSymbol>>(SymbolEqualityComparer.Default);

            /// <summary>The function's flags (<see cref="FlagGuards.Flags"/>), found once per function, not per call in it.</summary>
            public IReadOnlyList<IParameterSymbol> Flags(IMethodSymbol function, SyntaxNode body, SemanticModel model) =>
                _flags.GetOrAdd(function, f => FlagGuards.Flags(f, body, model));

            private readonly ConcurrentDictionary<IMethodSymbol, bool> _iterators = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

            /// <summary>An iterator's body runs when it is enumerated, not when it is called: the weave does not follow it either.</summary>
            public bool IsIterator(IMethodSymbol function) =>
                !function.IsAsync && ReturnsEnumerable(function) && _iterators.GetOrAdd(function, f => f.DeclaringSyntaxReferences.Any(r =>
                {
                    var root = r.GetSyntax();
                    return root.DescendantNodes(n => n == root || !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax))
                        .OfType<YieldStatementSyntax>().Any();
                }));

            /// <summary>Only a function returning IEnumerable or IEnumerator (generic or not) can be an iterator: no body walk for the rest.</summary>
            private static bool ReturnsEnumerable(IMethodSymbol function) =>
                function.ReturnType is INamedTypeSymbol { Name: "IEnumerable" or "IEnumerator" } type &&
                type.ContainingNamespace is { Name: "Generic" or "Collections" };

            /// <summary>Symbols as the messages show them.</summary>
            public MessageNames Names { get; } = new MessageNames();
        }

        private static void Analyze(OperationAnalysisContext context, CompilationState state, IMethodSymbol method, IOperation? instance, bool isVirtual,
            ImmutableArray<IArgumentOperation> arguments)
        {
            // Most calls neither block nor lead into this compilation's code: settle those before anything costly.
            var match = method.MethodKind == MethodKind.AnonymousFunction ? null : state.Match(method);
            // A catalogued disposal of the compilation's own reader runs its own code: followed as a call into it.
            if (match?.DisposalOf != null && SourceOwnDisposals.Replaced(instance, match, method, state.Compilation, out var own))
            {
                if (own == null) return;
                method = own;
                match = null;
            }
            if (match == null && !state.InSource(method)) return;
            // A method of the project listed as never blocking: the user's word that what it calls does not block in practice.
            if (match == null && method.MethodKind != MethodKind.AnonymousFunction && state.Catalog.ListsOwn(method)) return;
            var operation = context.Operation;
            var (function, body) = EnclosingFunction(operation, context.ContainingSymbol);
            if (function == null || body == null || state.Allowed(function) || state.IsIterator(function)) return;
            // An async lambda with no await handed to Task.Run is offloaded sync work, as a sync lambda there is.
            if (SourceOffloadedLambdas.Is(function, body, operation.SemanticModel)) return;
            // Code only a subclass runs, in a class with none (Json.NET's `_safeAsync ? … : base.ReadAsync(…)`), never runs.
            if (operation.SemanticModel != null && SourceExactTypeTests.OnlySubclassesRun(operation.Syntax, operation.SemanticModel, state.Dispatch.HasSubtypesInSource,
                    context.ContainingSymbol.ContainingType)) return;
            var guards = operation.SemanticModel == null ? Array.Empty<FlagGuards.Requirement>()
                : FlagGuards.Requirements(operation, state.Flags(function, body, operation.SemanticModel));
            // On the sync side of a mode switch: a bool flag's known value along a path still decides; anything else
            // (an enum, a field) is never known, and its undecided value is the async side.
            // Only code that can go async has a mode switch (an async function, or one that returns an awaitable); elsewhere
            // only a value named for its mode says which side is the sync API's.
            if (operation.SemanticModel != null &&
                SourceModeSwitches.SyncSideOf(operation.Syntax, operation.SemanticModel, namedOnly: !(function.IsAsync || Awaitables.IsTask(function.ReturnType))) is ISymbol mode)
            {
                if (!(mode is IParameterSymbol flag) || !guards.Any(g => SymbolEqualityComparer.Default.Equals(g.Flag, flag))) return;
                guards = guards.Select(g => SymbolEqualityComparer.Default.Equals(g.Flag, flag) ? new FlagGuards.Requirement(g.Flag, g.Value, syncSide: true) : g).ToArray();
            }
            if (match == null)
            {
                var receiver = instance;
                while (receiver is IConversionOperation conversion) receiver = conversion.Operand;
                // A stream in memory does no I/O, whatever its methods call (as the weave's call graph does not follow
                // it); one in memory when the path hands this function in-memory streams is not followed on such a path.
                var unless = System.Array.Empty<IParameterSymbol>();
                if (receiver != null && (SourceStreamTypes.IsStream(method.ContainingType) || state.Streams.OnlyWraps(method.ContainingType) ||
                                         state.Streams.IsHolder(method.ContainingType)))
                {
                    if (InMemoryOperands.Is(receiver, state.Streams)) return;
                    unless = InMemoryOperands.InMemoryIf(receiver, state.Streams, function);
                }
                state.Paths.AddCall(function, new HelperPaths.Call(function, method, receiver?.Type, isVirtual, operation.Syntax.GetLocation(),
                    context.ContainingSymbol, guards, SourceCalls.BoolArguments(arguments), StreamArguments(arguments, state.Streams, function), unless,
                    suppressed: !function.IsAsync && state.Pragmas.Cuts(operation.Syntax), onThis: receiver is IInstanceReferenceOperation,
                    receiverValue: isVirtual && receiver != null && !(receiver is IInstanceReferenceOperation) ? instance : null,
                    typed: SourceCalls.TypedArguments(operation, method, instance, arguments), syntax: operation.Syntax,
                    creates: operation is IObjectCreationOperation,
                    onOwnObject: receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }));
                return;
            }

            if (match.SyncOverAsync && SourceCompletedTasks.IsKnownComplete(operation, WaitedTask(operation, instance), state.Streams)) return;
            if (operation is IInvocationOperation invocation &&
                (SourceZeroTimeouts.Polls(invocation) || SourceNonBlockingSockets.Polls(invocation) || SourceReadinessChecks.Guarded(invocation) || SourceProcessEnds.Follows(invocation) || SourceKernelFiles.Reads(invocation) ||
                 SourceLockSemaphores.IsLock(invocation) || SourceUnboundedCollections.Adds(invocation) ||
                 !match.SyncOverAsync && InMemoryOperands.StaticApiOverMemory(invocation, state.Streams))) return;
            if (instance != null && !match.SyncOverAsync && InMemoryOperands.Is(instance, state.Streams) &&
                (method.Name != "CopyTo" || operation is IInvocationOperation copy && copy.Arguments.Length > 0 &&
                 InMemoryOperands.Is(copy.Arguments[0].Value, state.Streams))) return;
            if (match.Queryable && !IsQuery(operation, state)) return;
            if (!function.IsAsync)
            {
                if (state.Pragmas.Cuts(operation.Syntax)) return;
                var shown = operation is IPropertyReferenceOperation read ? (ISymbol)read.Property : method;
                state.Paths.AddSite(function, new HelperPaths.Site(shown.ContainingType.Name + "." + shown.Name, match.Alternative, operation.Syntax.GetLocation(),
                    guards, instance == null || match.SyncOverAsync ? System.Array.Empty<IParameterSymbol>() : InMemoryIf(operation, instance, method, state.Streams, function),
                    operation.Syntax));
                return;
            }
            // Which value of the flag reaches this call is the call paths' question: the weave answers it.
            if (guards.Length > 0) return;
            if (!state.Live.Runs(context.ContainingSymbol)) return;

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            if (method.Name == "Sleep" && method.ContainingType is { Name: "Thread" } thread && Namespaces.Is(thread.ContainingNamespace, "System.Threading")) properties[Descriptors.FixKey] = FixKinds.Delay;
            else if (match.SyncOverAsync) properties[Descriptors.FixKey] = FixKinds.Await;
            else if (match.Twin != null)
            {
                properties[Descriptors.FixKey] = FixKinds.AsyncTwin;
                properties[Descriptors.TwinKey] = match.Twin.Name;
                var last = match.Twin.Parameters.LastOrDefault();
                properties[Descriptors.TwinTakesTokenKey] = last != null && SymbolCatalog.MetadataName(last.Type) == "System.Threading.CancellationToken" ? "true" : "false";
            }
            string owner = state.Names.Of(context.ContainingSymbol);
            string called = state.Names.Cached(operation is IPropertyReferenceOperation property ? (ISymbol)property.Property : method);
            var descriptor = match.SyncOverAsync ? Descriptors.SyncOverAsync : Descriptors.BlockingCallInAsync;
            if (state.Baselined(descriptor.Id, owner, called)) return;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, operation.Syntax.GetLocation(), properties.ToImmutable(), owner, called, match.Alternative));
        }

        /// <summary>
        /// The function's Stream parameters that, all passed in-memory streams, put a blocking call's stream (and a
        /// CopyTo's destination) in memory; empty when none would.
        /// </summary>
        private static IParameterSymbol[] InMemoryIf(IOperation operation, IOperation instance, IMethodSymbol method, SourceStreamTypes streams, IMethodSymbol function)
        {
            var needed = Needed(instance, streams, function);
            if (needed != null && method.Name == "CopyTo")
            {
                var destination = operation is IInvocationOperation copy && copy.Arguments.Length > 0 ? Needed(copy.Arguments[0].Value, streams, function) : null;
                needed = destination == null ? null : needed.Concat(destination).Distinct<IParameterSymbol>(SymbolEqualityComparer.Default).ToArray();
            }
            return needed ?? System.Array.Empty<IParameterSymbol>();
        }

        /// <summary>What one value needs to be in memory: nothing (empty), some of the function's Stream parameters, or never (null).</summary>
        private static IParameterSymbol[]? Needed(IOperation value, SourceStreamTypes streams, IMethodSymbol function)
        {
            if (InMemoryOperands.Is(value, streams)) return System.Array.Empty<IParameterSymbol>();
            var needed = InMemoryOperands.InMemoryIf(value, streams, function);
            return needed.Length == 0 ? null : needed;
        }

        /// <summary>The in-memory streams (or writers over them) a call into source passes, known here or on condition of the caller's own parameters.</summary>
        private static HelperPaths.StreamArgument[] StreamArguments(ImmutableArray<IArgumentOperation> arguments, SourceStreamTypes streams, IMethodSymbol function)
        {
            List<HelperPaths.StreamArgument>? found = null;
            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || parameter.RefKind != RefKind.None || !SourceStreamTypes.CarriesStream(parameter.Type) && !streams.IsHolder(parameter.Type)) continue;
                var value = argument.Value;
                while (value is IConversionOperation conversion) value = conversion.Operand;
                if (value.ConstantValue.HasValue && value.ConstantValue.Value == null || InMemoryOperands.Is(value, streams))
                    (found ??= new List<HelperPaths.StreamArgument>()).Add(new HelperPaths.StreamArgument(parameter.Ordinal, System.Array.Empty<IParameterSymbol>()));
                else if (InMemoryOperands.InMemoryIf(value, streams, function) is { Length: > 0 } needed)
                    (found ??= new List<HelperPaths.StreamArgument>()).Add(new HelperPaths.StreamArgument(parameter.Ordinal, needed));
            }
            return found?.ToArray() ?? System.Array.Empty<HelperPaths.StreamArgument>();
        }

        private static void ReportPaths(CompilationAnalysisContext context, CompilationState state)
        {
            foreach (var (call, callee, chain, site) in state.Paths.Reached(state.Dispatch, state.Compilation))
            {
                var home = call.Owner.ContainingType;
                var hops = new[] { call.Owner.Name }.Concat(chain.Select(m => Hop(m, home))).Concat(new[] { site.Api });
                var end = site.Location.GetLineSpan();
                string path = string.Join(" → ", hops) +
                              $" at {System.IO.Path.GetFileName(end.Path)}({end.StartLinePosition.Line + 1},{end.StartLinePosition.Character + 1})";
                // The blocking call where the path ends rides along as the related location: IDEs show it, and the code
                // fix that silences the path there (PathEndCodeFixProvider) finds it.
                if (!state.Live.Runs(call.Owner)) continue;
                string owner = state.Names.Of(call.Owner), called = state.Names.Of(callee);
                if (state.Baselined(Descriptors.BlockingCallReachable.Id, owner, called)) continue;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.BlockingCallReachable, PathLocations.Of(call.Location), new[] { site.Location },
                    owner, called, path, NonBlocking.Weaver.Catalog.Remedies.ForPath(site.Alternative)));
            }
        }

        /// <summary>A method as one step of a path: its name, with its type when that is not the caller's.</summary>
        private static string Hop(IMethodSymbol method, INamedTypeSymbol? home)
        {
            var type = method.MethodKind == MethodKind.LocalFunction || method.MethodKind == MethodKind.AnonymousFunction ? null : method.ContainingType;
            string name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name
                : method.MethodKind == MethodKind.AnonymousFunction ? "<lambda>" : method.Name;
            return type == null || SymbolEqualityComparer.Default.Equals(type, home) ? name : type.Name + "." + name;
        }

        /// <summary>The innermost method, lambda or local function around the operation, and its body.</summary>
        private static (IMethodSymbol? Function, SyntaxNode? Body) EnclosingFunction(IOperation operation, ISymbol member)
        {
            for (var o = operation.Parent; o != null; o = o.Parent)
            {
                if (o is IAnonymousFunctionOperation lambda) return (lambda.Symbol, lambda.Syntax);
                if (o is ILocalFunctionOperation local) return (local.Symbol, local.Syntax);
                if (o.Parent == null) return (member as IMethodSymbol, o.Syntax);
            }
            return (null, null);
        }

        /// <summary>The task a wait is on: the receiver of .Result/.Wait(), or what GetAwaiter() was called on.</summary>
        private static IOperation? WaitedTask(IOperation wait, IOperation? instance)
        {
            while (instance is IConversionOperation conversion) instance = conversion.Operand;
            if (wait is IInvocationOperation call && call.TargetMethod.Name == "GetResult" && instance is IInvocationOperation getAwaiter &&
                getAwaiter.TargetMethod.Name == "GetAwaiter")
                return getAwaiter.Instance;
            return instance;
        }

        /// <summary>A LINQ operator over an EF Core query: the source (first argument) is an IQueryable.</summary>
        private static bool IsQuery(IOperation operation, CompilationState state)
        {
            var queryable = state.EfCoreQueryable;
            if (queryable == null || !(operation is IInvocationOperation call) || call.Arguments.Length == 0) return false;
            var source = call.Arguments[0].Value;
            while (source is IConversionOperation conversion) source = conversion.Operand;
            var type = source.Type;
            return type != null && (SymbolEqualityComparer.Default.Equals(type, queryable) ||
                                    type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, queryable)));
        }
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// NB0001 and NB0003 while the code is written: a blocking call (the engine's catalog and async-counterpart rule)
    /// or a wait on a task not known complete, in an async method, lambda or local function. The weave-time analysis
    /// leaves these two codes to this analyzer when it runs, and keeps NB0002 (paths through sync helpers, into
    /// project references and packages). Code under <c>[AllowBlocking]</c> is skipped as the weaver skips it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BlockingCallAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.BlockingCallInAsync, Descriptors.SyncOverAsync);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var options = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
                options.TryGetValue("build_property.NonBlockingBlockingApis", out var blocking);
                options.TryGetValue("build_property.NonBlockingNotBlockingApis", out var notBlocking);
                var state = new CompilationState(start.Compilation, SymbolCatalog.For(blocking, notBlocking));
                start.RegisterOperationAction(c => Analyze(c, state, ((IInvocationOperation)c.Operation).TargetMethod), OperationKind.Invocation);
                start.RegisterOperationAction(c =>
                {
                    var getter = ((IPropertyReferenceOperation)c.Operation).Property.GetMethod;
                    if (getter != null) Analyze(c, state, getter);
                }, OperationKind.PropertyReference);
            });
        }

        /// <summary>What one compilation's analysis shares across threads: the catalog's answer per method, EF Core's presence.</summary>
        private sealed class CompilationState
        {
            public CompilationState(Compilation compilation, SymbolCatalog catalog)
            {
                Compilation = compilation;
                Catalog = catalog;
                EfCore = compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.EntityFrameworkCore");
                AllowBlocking = compilation.GetTypeByMetadataName("NonBlocking.AllowBlockingAttribute");
                Queryable = compilation.GetTypeByMetadataName("System.Linq.IQueryable");
            }

            public Compilation Compilation { get; }
            public SymbolCatalog Catalog { get; }
            public bool EfCore { get; }
            public INamedTypeSymbol? AllowBlocking { get; }
            public INamedTypeSymbol? Queryable { get; }
            private readonly ConcurrentDictionary<IMethodSymbol, BlockingMatch?> _matches =
                new ConcurrentDictionary<IMethodSymbol, BlockingMatch?>(SymbolEqualityComparer.Default);

            public BlockingMatch? Match(IMethodSymbol method) =>
                _matches.GetOrAdd(method, m => Catalog.Match(m, Compilation));
        }

        private static void Analyze(OperationAnalysisContext context, CompilationState state, IMethodSymbol method)
        {
            var match = state.Match(method);
            if (match == null || Allowed(context.ContainingSymbol, state)) return;
            var operation = context.Operation;
            var (function, body) = EnclosingFunction(operation);
            if (function == null || body == null || !function.IsAsync || FlagGuards.IsGuarded(operation, function, body)) return;
            var instance = operation is IInvocationOperation call ? call.Instance : ((IPropertyReferenceOperation)operation).Instance;

            if (match.SyncOverAsync && CompletedTaskSource.IsKnownComplete(operation, WaitedTask(operation, instance))) return;
            if (instance != null && !match.SyncOverAsync && InMemoryOperands.Is(instance, state.Catalog) &&
                (method.Name != "CopyTo" || operation is IInvocationOperation copy && copy.Arguments.Length > 0 &&
                 InMemoryOperands.Is(copy.Arguments[0].Value, state.Catalog))) return;
            if (match.Queryable && !IsQuery(operation, state)) return;

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            if (method.Name == "Sleep" && method.ContainingType.ToDisplayString() == "System.Threading.Thread") properties[Descriptors.FixKey] = FixKinds.Delay;
            else if (match.SyncOverAsync) properties[Descriptors.FixKey] = FixKinds.Await;
            else if (match.Twin != null)
            {
                properties[Descriptors.FixKey] = FixKinds.AsyncTwin;
                properties[Descriptors.TwinKey] = match.Twin.Name;
                var last = match.Twin.Parameters.LastOrDefault();
                properties[Descriptors.TwinTakesTokenKey] = last != null && SymbolCatalog.MetadataName(last.Type) == "System.Threading.CancellationToken" ? "true" : "false";
            }
            string owner = context.ContainingSymbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            string called = (operation is IPropertyReferenceOperation property ? (ISymbol)property.Property : method)
                .ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            context.ReportDiagnostic(Diagnostic.Create(match.SyncOverAsync ? Descriptors.SyncOverAsync : Descriptors.BlockingCallInAsync,
                operation.Syntax.GetLocation(), properties.ToImmutable(), owner, called, match.Alternative));
        }

        /// <summary>The innermost method, lambda or local function around the operation, and its body.</summary>
        private static (IMethodSymbol? Function, SyntaxNode? Body) EnclosingFunction(IOperation operation)
        {
            for (var o = operation.Parent; o != null; o = o.Parent)
            {
                if (o is IAnonymousFunctionOperation lambda) return (lambda.Symbol, lambda.Syntax);
                if (o is ILocalFunctionOperation local) return (local.Symbol, local.Syntax);
                if (o.Parent == null)
                    return (operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) as IMethodSymbol, o.Syntax);
            }
            return (null, null);
        }

        /// <summary>[AllowBlocking] on the method, a type around it, or the assembly.</summary>
        private static bool Allowed(ISymbol symbol, CompilationState state)
        {
            if (state.AllowBlocking == null) return false;
            for (var s = symbol; s != null; s = s.ContainingSymbol)
            {
                if (s.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, state.AllowBlocking))) return true;
                if (s is INamespaceSymbol) break;
            }
            return state.Compilation.Assembly.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, state.AllowBlocking));
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
            if (!state.EfCore || state.Queryable == null || !(operation is IInvocationOperation call) || call.Arguments.Length == 0) return false;
            var source = call.Arguments[0].Value;
            while (source is IConversionOperation conversion) source = conversion.Operand;
            var type = source.Type;
            return type != null && (SymbolEqualityComparer.Default.Equals(type, state.Queryable) ||
                                    type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, state.Queryable)));
        }
    }
}

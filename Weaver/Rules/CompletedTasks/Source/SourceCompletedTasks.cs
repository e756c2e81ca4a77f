using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The engine's "tasks known complete" (CompletedTasks.cs), read from source: a wait on a task in a local,
    /// parameter or field is not blocking on the side of an <c>if</c>, <c>?:</c>, <c>&amp;&amp;</c> or <c>||</c> where
    /// IsCompleted, IsCompletedSuccessfully, IsFaulted, IsCanceled or Status says it is done; after an early
    /// <c>if (!t.IsCompleted…) return …;</c>; after a statement that awaits it (alone, with ConfigureAwait, or in
    /// Task.WhenAll) or waits on it, unless it is assigned again in between; and for the antecedent of a ContinueWith
    /// continuation.
    /// </summary>
    internal static class SourceCompletedTasks
    {
        private static readonly string[] CompletionChecks = { "IsCompleted", "IsCompletedSuccessfully", "IsFaulted", "IsCanceled" };

        /// <param name="streams">This compilation's in-memory stream types: a task of its own async method that only awaits
        /// operations on memory is complete (<see cref="CompletesOnMemory"/>); null leaves that unread.</param>
        public static bool IsKnownComplete(IOperation wait, IOperation? task, SourceStreamTypes? streams = null)
        {
            var model = wait.SemanticModel;
            if (model == null) return false;
            if (streams != null && CompletesOnMemory(task, streams, model.Compilation)) return true;
            // An async wait handed a zero timeout (semaphore.WaitAsync(0), task.WaitAsync(TimeSpan.Zero)) returns a completed task.
            if (Unwrapped(task) is IInvocationOperation zero && zero.TargetMethod.Name == "WaitAsync" && SourceZeroTimeouts.Polls(zero)) return true;
            var symbol = Variable(task);
            if (symbol != null && IsKnownComplete(wait, symbol, model)) return true;
            if (CheckedByCallers(task, model)) return true;
            // An element of a collection every task of which was awaited (await Task.WhenAll(tasks); foreach (var t in tasks) t.Result).
            if (!(EachOf(task, model) is TaskVariable each)) return false;
            SyntaxNode child = wait.Syntax;
            foreach (var ancestor in wait.Syntax.Ancestors())
            {
                if (ancestor is BlockSyntax block && child is StatementSyntax statement && AwaitedBefore(block, statement, each, model)) return true;
                if (ancestor is AnonymousFunctionExpressionSyntax || ancestor is LocalFunctionStatementSyntax || ancestor is BaseMethodDeclarationSyntax) return false;
                child = ancestor;
            }
            return false;
        }

        /// <summary>
        /// The engine's CheckedByCallers: the task a private helper waits on is its parameter, or a property or field read
        /// off it (also through a local its declaration alone sets), and every caller knows that task complete where it
        /// passes the argument (Orleans' PlacementWorker checks <c>item.Result.IsCompleted</c> before
        /// <c>AddressWaitingMessages(item)</c>).
        /// </summary>
        private static bool CheckedByCallers(IOperation? task, SemanticModel model)
        {
            task = Unwrapped(task);
            if (task is ILocalReferenceOperation local && SetOnce.Declarator(local.Local, model) is { Initializer: { } initializer })
                task = Unwrapped(model.GetOperation(initializer.Value));
            IParameterReferenceOperation parameter;
            ISymbol? member = null;
            switch (task)
            {
                case IParameterReferenceOperation itself: parameter = itself; break;
                case IPropertyReferenceOperation { Arguments.Length: 0, Instance: IParameterReferenceOperation owner } property: parameter = owner; member = property.Property; break;
                case IFieldReferenceOperation { Instance: IParameterReferenceOperation owner } field: parameter = owner; member = field.Field; break;
                default: return false;
            }
            if (!(SourceKnownValues.OfParameter(parameter) is { Count: > 0 } arguments)) return false;
            foreach (var argument in arguments)
            {
                if (argument.SemanticModel == null || !(SimpleVariable(argument, out _) is ISymbol passed)) return false;
                var variable = member == null ? new TaskVariable(passed, null) : new TaskVariable(member, passed);
                if (!IsKnownComplete(argument, variable, argument.SemanticModel)) return false;
            }
            return true;
        }

        /// <summary>
        /// The collection a task is an element of: <c>tasks[i]</c> of an array or a list, or the variable of a
        /// <c>foreach</c> over it.
        /// </summary>
        private static TaskVariable? EachOf(IOperation? task, SemanticModel model)
        {
            var element = Unwrapped(task);
            var (collection, _) = ElementOf(element);
            if (collection != null) return SimpleVariable(collection, out _) is ISymbol of ? new TaskVariable(of, null, each: true) : null;
            if (!(element is ILocalReferenceOperation local) ||
                !(local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ForEachStatementSyntax loop)) return null;
            var over = model.GetSymbolInfo(Branches.Bare(loop.Expression)).Symbol;
            return over is ILocalSymbol || over is IParameterSymbol || over is IFieldSymbol ? new TaskVariable(over, null, each: true) : null;
        }

        private static bool IsKnownComplete(IOperation wait, TaskVariable symbol, SemanticModel model)
        {
            if (symbol.Owner == null && symbol.Symbol is IFieldSymbol field && AlwaysComplete(field, model.Compilation, 0)) return true;
            if (symbol.Owner == null && symbol.Index == null && !symbol.Each && symbol.Symbol is ILocalSymbol local &&
                WhenAnyResult(local, model) is SyntaxNode declarator && !AssignedBetween(declarator, wait.Syntax, symbol, model))
                return true;
            if (Branches.Governing(wait.Syntax).Any(g => Asserts(g.Condition, symbol, g.Value, model) && !AssignedBetween(g.Condition, wait.Syntax, symbol, model)))
                return true;
            SyntaxNode child = wait.Syntax;
            var scope = ScopeOf(symbol);
            foreach (var ancestor in wait.Syntax.Ancestors())
            {
                switch (ancestor)
                {
                    case SwitchSectionSyntax section when ChecksStatus(section, symbol, model) && !AssignedBetween(section, wait.Syntax, symbol, model):
                        return true;
                    case BlockSyntax block when child is StatementSyntax statement && AwaitedBefore(block, statement, symbol, model):
                        return true;
                    case BlockSyntax block when block == scope:
                        // Code before the block that declares the local cannot name it: nothing there checks, waits on or
                        // assigns this task. (Reading every statement before it, at every wait, made one method of 4,000
                        // `{ var t = M(i); x += t.Result; }` take seconds to analyse.)
                        return false;
                    case AnonymousFunctionExpressionSyntax lambda:
                        return IsAntecedent(lambda, symbol, model);
                    case LocalFunctionStatementSyntax _:
                    case BaseMethodDeclarationSyntax _:
                        return false;
                }
                child = ancestor;
            }
            return false;
        }

        /// <summary>The block that declares the local a task variable is (or is read off); null for anything else.</summary>
        private static BlockSyntax? ScopeOf(TaskVariable task) => (task.Owner ?? task.Symbol) is ILocalSymbol local ? DeclaringBlocks.Of(local) : null;

        /// <summary>
        /// A task variable: a local, parameter or field, or a property read off one (<c>request.Task</c>), which the
        /// check and the wait read alike.
        /// </summary>
        private sealed class TaskVariable
        {
            public TaskVariable(ISymbol symbol, ISymbol? owner, ISymbol? index = null, bool each = false) { Symbol = symbol; Owner = owner; Index = index; Each = each; }
            /// <summary>Every task of the collection <see cref="Symbol"/> (what <c>Task.WhenAll(tasks)</c> awaits).</summary>
            public bool Each { get; }
            public ISymbol Symbol { get; }
            /// <summary>For a property, the variable it is read off.</summary>
            public ISymbol? Owner { get; }
            /// <summary>For an element (<c>tasks[i]</c>), the index variable; <see cref="Symbol"/> is then the array or list.</summary>
            public ISymbol? Index { get; }
            public string Name => Symbol.Name;
        }

        /// <summary>Inside <c>case TaskStatus.RanToCompletion:</c> (or Faulted, Canceled) of a <c>switch (t.Status)</c>.</summary>
        private static bool ChecksStatus(SwitchSectionSyntax section, TaskVariable task, SemanticModel model) =>
            section.Parent is SwitchStatementSyntax @switch && Branches.Bare(@switch.Expression) is MemberAccessExpressionSyntax status &&
            status.Name.Identifier.ValueText == "Status" && Refers(status.Expression, task, model) && section.Labels.Count > 0 &&
            section.Labels.All(l => l is CaseSwitchLabelSyntax c && c.Value is MemberAccessExpressionSyntax done && IsDoneStatus(done.Name.Identifier.ValueText));

        /// <summary>
        /// The declarator of a local set to what <c>await Task.WhenAny(…)</c> returned (through <c>ConfigureAwait</c>): the
        /// task that finished, complete from then on (the engine's CompletedTasks.StoresWhenAnyResult); null otherwise.
        /// </summary>
        private static SyntaxNode? WhenAnyResult(ILocalSymbol local, SemanticModel model)
        {
            if (!(local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax declarator) ||
                declarator.SyntaxTree != model.SyntaxTree || declarator.Initializer == null ||
                !(Branches.Bare(declarator.Initializer.Value) is AwaitExpressionSyntax awaited)) return null;
            var expression = Branches.Bare(awaited.Expression);
            if (expression is InvocationExpressionSyntax configure && configure.Expression is MemberAccessExpressionSyntax access &&
                access.Name.Identifier.ValueText == "ConfigureAwait")
                expression = Branches.Bare(access.Expression);
            return expression is InvocationExpressionSyntax call && model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "WhenAny" } any &&
                   any.ContainingType is { Name: "Task" } task && Namespaces.Is(task.ContainingNamespace, "System.Threading.Tasks") ? declarator : null;
        }

        private static bool IsDoneStatus(string name) => name == "RanToCompletion" || name == "Faulted" || name == "Canceled";

        /// <summary>Whether the variable is assigned in the text between a check and the wait (the task it held is gone).</summary>
        private static bool AssignedBetween(SyntaxNode check, SyntaxNode wait, TaskVariable task, SemanticModel model)
        {
            var method = wait.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax || a is AnonymousFunctionExpressionSyntax);
            if (method == null) return false;
            var root = task.Owner ?? task.Symbol;
            bool Names(ExpressionSyntax target, ISymbol symbol) =>
                Branches.Bare(target) is IdentifierNameSyntax name && name.Identifier.ValueText == symbol.Name &&
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, symbol);
            bool Between(SyntaxNode n) => n.SpanStart > check.Span.End && n.SpanStart < wait.SpanStart;
            if (Assignments.To(method, root.Name).Any(a => Between(a) && Names(a.Left, root)))
                return true;
            if (task.Index == null) return false;
            // An element: another index, or a store into the collection, is another task.
            return method.DescendantNodes().Any(n => Between(n) && n switch
            {
                AssignmentExpressionSyntax a => Names(a.Left, task.Index) ||
                                                Branches.Bare(a.Left) is ElementAccessExpressionSyntax store && Names(store.Expression, root),
                PostfixUnaryExpressionSyntax step => Names(step.Operand, task.Index),
                PrefixUnaryExpressionSyntax step => (step.IsKind(SyntaxKind.PreIncrementExpression) || step.IsKind(SyntaxKind.PreDecrementExpression)) && Names(step.Operand, task.Index),
                _ => false,
            });
        }

        /// <summary>The variable a task expression reads, through ConfigureAwait and AsTask.</summary>
        private static TaskVariable? Variable(IOperation? task)
        {
            task = Unwrapped(task);
            var simple = SimpleVariable(task, out var property);
            if (simple != null) return new TaskVariable(simple, null);
            if (property != null && property.Property.Parameters.Length == 0 && SimpleVariable(property.Instance, out _) is ISymbol owner)
                return new TaskVariable(property.Property, owner);
            // An element of an array or a list, read at a variable index.
            var (collection, index) = ElementOf(task);
            if (collection != null && index != null && SimpleVariable(collection, out _) is ISymbol of && SimpleVariable(index, out _) is ISymbol at)
                return new TaskVariable(of, null, at);
            return null;
        }

        /// <summary>
        /// For <c>array[i]</c> or an indexer's <c>list[i]</c>: the collection, and the index where it is one position (one
        /// array index, or an indexer's one <c>int</c>).
        /// </summary>
        private static (IOperation? Collection, IOperation? Index) ElementOf(IOperation? element) => element switch
        {
            IArrayElementReferenceOperation a => (a.ArrayReference, a.Indices.Length == 1 ? a.Indices[0] : null),
            IPropertyReferenceOperation { Property.IsIndexer: true } p =>
                (p.Instance, p.Arguments.Length == 1 && p.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32 ? p.Arguments[0].Value : null),
            _ => (null, null),
        };

        /// <summary>A task expression through conversions, ConfigureAwait and AsTask.</summary>
        /// <summary>
        /// The engine's InMemoryAsync: the task a call of this compilation's own async method returns is complete when
        /// every await in its body is a stream, reader or writer operation on memory (each completes synchronously); an
        /// await of anything else, an <c>await using</c> or <c>await foreach</c>, or a call an override could take, is not.
        /// </summary>
        private static bool CompletesOnMemory(IOperation? task, SourceStreamTypes streams, Compilation compilation)
        {
            while (task is IConversionOperation conversion) task = conversion.Operand;
            if (!(task is IInvocationOperation call)) return false;
            var target = call.TargetMethod.OriginalDefinition;
            if (!target.IsAsync || target.DeclaringSyntaxReferences.IsEmpty || !SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, compilation.Assembly)) return false;
            if (call.IsVirtual && (target.IsVirtual || target.IsAbstract || target.IsOverride) && !target.IsSealed && !target.ContainingType.IsSealed) return false;
            var syntax = target.DeclaringSyntaxReferences[0].GetSyntax();
#pragma warning disable RS1030 // the awaited method's own body, read only for a wait on its task
            if (!(compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax) is IOperation body)) return false;
#pragma warning restore RS1030
            bool any = false;
            foreach (var operation in OwnOperations.Of(body))
            {
                if (OwnOperations.IsAsynchronousStatement(operation)) return false;
                if (operation is IAwaitOperation awaited)
                {
                    if (!OnMemory(awaited.Operation, streams)) return false;
                    any = true;
                }
            }
            return any;
        }

        /// <summary>An async read, write, flush or copy of a stream, reader or writer whose receiver (and a copy's destination) is in memory.</summary>
        private static bool OnMemory(IOperation awaited, SourceStreamTypes streams)
        {
            while (awaited is IConversionOperation conversion) awaited = conversion.Operand;
            if (awaited is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured }) awaited = configured;
            while (awaited is IConversionOperation conversion) awaited = conversion.Operand;
            if (!(awaited is IInvocationOperation operation) || operation.Instance == null || !operation.TargetMethod.Name.EndsWith("Async", System.StringComparison.Ordinal)) return false;
            var declaring = operation.TargetMethod.ContainingType;
            var name = declaring == null ? "" : SymbolCatalog.MetadataName(declaring.OriginalDefinition);
            if (!SourceStreamTypes.IsStream(declaring) && name != "System.IO.TextReader" && name != "System.IO.TextWriter" &&
                !NonBlocking.Weaver.Catalog.StreamWrappers.Types.Contains(name)) return false;
            if (!InMemoryOperands.Is(operation.Instance, streams)) return false;
            return operation.TargetMethod.Name != "CopyToAsync" || operation.Arguments.Length > 0 && InMemoryOperands.Is(operation.Arguments[0].Value, streams);
        }

        private static IOperation? Unwrapped(IOperation? task)
        {
            while (true)
            {
                while (task is IConversionOperation conversion) task = conversion.Operand;
                if (task is IInvocationOperation call && (call.TargetMethod.Name == "ConfigureAwait" || call.TargetMethod.Name == "AsTask"))
                {
                    task = call.Instance;
                    continue;
                }
                return task;
            }
        }

        /// <summary>The local, parameter or field a task expression reads, through ConfigureAwait and AsTask.</summary>
        private static ISymbol? SimpleVariable(IOperation? task, out IPropertyReferenceOperation? property)
        {
            task = Unwrapped(task);
            property = task as IPropertyReferenceOperation;
            return task switch
            {
                ILocalReferenceOperation l => l.Local,
                IParameterReferenceOperation p => p.Parameter,
                IFieldReferenceOperation f when f.Instance == null || f.Instance is IInstanceReferenceOperation => f.Field,
                _ => null,
            };
        }

        /// <summary>Whether <paramref name="condition"/> having the value <paramref name="value"/> means the task is complete.</summary>
        private static bool Asserts(ExpressionSyntax condition, TaskVariable task, bool value, SemanticModel model)
        {
            switch (Branches.Bare(condition))
            {
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return Asserts(not.Operand, task, !value, model);
                case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                    return value ? Asserts(both.Left, task, true, model) || Asserts(both.Right, task, true, model)
                                 : Asserts(both.Left, task, false, model) && Asserts(both.Right, task, false, model);
                case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                    return value ? Asserts(either.Left, task, true, model) && Asserts(either.Right, task, true, model)
                                 : Asserts(either.Left, task, false, model) || Asserts(either.Right, task, false, model);
                case MemberAccessExpressionSyntax member when value && CompletionChecks.Contains(member.Name.Identifier.ValueText):
                    return Refers(member.Expression, task, model);
                // content?.Task.IsCompleted is true only where content is not null and the rest is true; t?.IsCompleted alike.
                case ConditionalAccessExpressionSyntax access when value:
                    return Asserts(access.WhenNotNull, task, true, model);
                case MemberBindingExpressionSyntax bound when value && CompletionChecks.Contains(bound.Name.Identifier.ValueText):
                    return BoundTo(bound) is ExpressionSyntax receiver && Refers(receiver, task, model);
                // check ?? false is true only where the check is.
                case BinaryExpressionSyntax coalesce when value && coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    return Branches.Bare(coalesce.Right).IsKind(SyntaxKind.FalseLiteralExpression) && Asserts(coalesce.Left, task, true, model);
                // A bool local set once, where it is declared, to a check (YARP: bool done = content?.Task.IsCompleted ?? false).
                case IdentifierNameSyntax kept when model.GetSymbolInfo(kept).Symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Boolean } local &&
                                                    SetOnce.Declarator(local, model) is VariableDeclaratorSyntax declarator:
                    return Asserts(declarator.Initializer!.Value, task, value, model) && !AssignedBetween(declarator, kept, task, model);
                // A bool property of the same object that is a completion check itself (MassTransit's CacheValue.HasValue).
                case IdentifierNameSyntax name when value && model.GetSymbolInfo(name).Symbol is IPropertySymbol { Type.SpecialType: SpecialType.System_Boolean } property &&
                                                    CheckOf(property) is ExpressionSyntax check && check.SyntaxTree == condition.SyntaxTree:
                    return Asserts(check, task, true, model);
                // A library's own static test of the task: named as the Task member (MassTransit's
                // TaskExtensions.IsCompletedSuccessfully(task)), or whose body is a completion check of it (protobuf-net.Grpc's
                // task.RanToCompletion()), called as a static method or as an extension.
                case InvocationExpressionSyntax helper when value &&
                                                           model.GetSymbolInfo(helper).Symbol is IMethodSymbol { ReturnType.SpecialType: SpecialType.System_Boolean } called &&
                                                           (called.ReducedFrom ?? called) is IMethodSymbol { IsStatic: true, Parameters.Length: 1 } test &&
                                                           Awaitables.IsTask(test.Parameters[0].Type):
                    var tested = called.ReducedFrom != null ? (helper.Expression as MemberAccessExpressionSyntax)?.Expression
                                                            : helper.ArgumentList.Arguments.Count == 1 ? helper.ArgumentList.Arguments[0].Expression : null;
                    return tested != null && Refers(tested, task, model) && (CompletionChecks.Contains(test.Name) || ChecksItsTask(test, model.Compilation));
                case BinaryExpressionSyntax equals when equals.IsKind(SyntaxKind.EqualsExpression) || equals.IsKind(SyntaxKind.NotEqualsExpression):
                    bool isEquals = equals.IsKind(SyntaxKind.EqualsExpression);
                    return value == isEquals && equals.Left is MemberAccessExpressionSyntax status && status.Name.Identifier.ValueText == "Status" &&
                           Refers(status.Expression, task, model) && equals.Right is MemberAccessExpressionSyntax done &&
                           IsDoneStatus(done.Name.Identifier.ValueText);
                default:
                    return false;
            }
        }

        /// <summary>What a <c>?.</c> member binding reads off: the expression before the nearest enclosing <c>?.</c>.</summary>
        private static ExpressionSyntax? BoundTo(MemberBindingExpressionSyntax bound) =>
            bound.Ancestors().OfType<ConditionalAccessExpressionSyntax>().FirstOrDefault(a => a.WhenNotNull.Span.Contains(bound.Span))?.Expression;

        /// <summary>
        /// Whether a static helper of the compilation returns a completion check of the task it is handed (the engine's
        /// CompletedTasks.ChecksItsTask): <c>task.Status == TaskStatus.RanToCompletion</c>, <c>task.IsCompleted</c>…
        /// </summary>
        private static bool ChecksItsTask(IMethodSymbol helper, Compilation compilation)
        {
            if (!(ReturnedValues.Of(helper, compilation) is { Count: 1 } returned) || !(returned[0].Syntax is ExpressionSyntax check)) return false;
            return Asserts(check, new TaskVariable(helper.Parameters[0], null), true, returned[0].SemanticModel!);
        }

        /// <summary>The expression an expression-bodied bool property of source returns (<c>=&gt; _value.Task.Status == …</c>).</summary>
        private static ExpressionSyntax? CheckOf(IPropertySymbol property) =>
            property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is PropertyDeclarationSyntax declaration ? declaration.ExpressionBody?.Expression : null;

        /// <summary>
        /// A private or readonly field whose every stored value is a completed task: Task.FromResult, Task.CompletedTask,
        /// FromException, FromCanceled, or a static readonly field set to a TaskCompletionSource's task right after the
        /// source was completed (the engine's CompletedTasks.AlwaysComplete; MassTransit's BucketNode).
        /// </summary>
        private static bool AlwaysComplete(IFieldSymbol field, Compilation compilation, int depth)
        {
            if (depth > 2 || !Awaitables.IsTask(field.Type) || !(field.DeclaredAccessibility == Accessibility.Private || field.IsReadOnly)) return false;
            var type = field.ContainingType;
            int values = 0;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var root = reference.GetSyntax();
                var model = compilation.GetSemanticModel(root.SyntaxTree);
                foreach (var declarator in root.DescendantNodes().OfType<VariableDeclaratorSyntax>())
                    if (declarator.Initializer != null && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator), field))
                    {
                        if (!Completed(declarator.Initializer.Value, model, compilation, depth)) return false;
                        values++;
                    }
                foreach (var name in root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == field.Name))
                {
                    if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, field)) continue;
                    var target = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? (ExpressionSyntax)access : name;
                    if (target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target)
                    {
                        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || !Completed(assignment.Right, model, compilation, depth)) return false;
                        values++;
                    }
                    else if (target.Parent is RefExpressionSyntax || target.Parent is ArgumentSyntax { RefKindKeyword.ValueText: "ref" or "out" } argument &&
                             !(argument.Parent?.Parent is InvocationExpressionSyntax exchange && IsExchange(exchange, model) &&
                               exchange.ArgumentList.Arguments.Count >= 2 && exchange.ArgumentList.Arguments[0] == argument &&
                               Completed(exchange.ArgumentList.Arguments[1].Expression, model, compilation, depth)))
                        return false;
                    else if (target.Parent is ArgumentSyntax { RefKindKeyword.ValueText: "ref" }) values++;
                }
            }
            return values > 0;
        }

        private static bool IsExchange(InvocationExpressionSyntax call, SemanticModel model) =>
            model.GetSymbolInfo(call).Symbol is IMethodSymbol m && (m.Name == "Exchange" || m.Name == "CompareExchange") &&
            m.ContainingType?.Name == "Interlocked";

        private static bool Completed(ExpressionSyntax value, SemanticModel model, Compilation compilation, int depth)
        {
            value = Branches.Bare(value);
            if (value is InvocationExpressionSyntax call && model.GetSymbolInfo(call).Symbol is IMethodSymbol made && Awaitables.IsTask(made.ContainingType) &&
                (made.Name == "FromResult" || made.Name == "FromException" || made.Name == "FromCanceled")) return true;
            var symbol = model.GetSymbolInfo(value).Symbol;
            if (symbol is IPropertySymbol { Name: "CompletedTask" } completed && Awaitables.IsTask(completed.ContainingType)) return true;
            if (symbol is IFieldSymbol other && other.IsStatic && other.IsReadOnly) return AlwaysComplete(other, compilation, depth + 1);
            // source.Task, right after source.TrySetX(…) / SetX(…) in the same block.
            if (symbol is IPropertySymbol { Name: "Task" } && value is MemberAccessExpressionSyntax task && task.Expression is IdentifierNameSyntax source &&
                value.FirstAncestorOrSelf<StatementSyntax>() is StatementSyntax statement && statement.Parent is BlockSyntax block)
                return block.Statements.TakeWhile(st => st != statement).OfType<ExpressionStatementSyntax>().Any(st =>
                    st.Expression is InvocationExpressionSyntax set && set.Expression is MemberAccessExpressionSyntax m &&
                    IsSetName(m.Name.Identifier.ValueText) &&
                    m.Expression is IdentifierNameSyntax same && same.Identifier.ValueText == source.Identifier.ValueText);
            return false;
        }

        /// <summary>
        /// Whether a statement before <paramref name="statement"/> in the block (all of them when it is null) awaits or
        /// waits on the task, and nothing assigns it after. A try block that does so counts when every catch ends by
        /// throwing: the code after the try runs only if the wait completed.
        /// </summary>
        private static bool AwaitedBefore(BlockSyntax block, StatementSyntax? statement, TaskVariable task, SemanticModel model)
        {
            bool complete = false;
            foreach (var before in block.Statements.TakeWhile(s => s != statement))
            {
                if (before is TryStatementSyntax attempt && attempt.Catches.All(c => c.Block.Statements.LastOrDefault() is ThrowStatementSyntax) &&
                    AwaitedBefore(attempt.Block, null, task, model))
                {
                    complete = true;
                    if (attempt.Finally != null && Assigns(attempt.Finally.Block, task, model)) complete = false;
                    continue;
                }
                if (Assigns(before, task, model)) complete = false;
                // (An if whose body assigns the source after completing it leaves a new, unknown task.)
                else if (Completes(before is IfStatementSyntax test ? test.Condition : before, task, model)) complete = true;
                if ((before is ExpressionStatementSyntax || before is LocalDeclarationStatementSyntax) && Waits(before, task, model)) complete = true;
            }
            return complete;
        }

        /// <summary>
        /// For <c>source.Task</c>: the statement (or an if's condition) always calls <c>source.Set…</c> or
        /// <c>source.TrySet…</c>, each of which leaves the task complete — a TrySet that returns false found it complete
        /// already (Azure.Core's AsyncLockWithValue reads <c>.Result</c> after a failed <c>TrySetCanceled</c>).
        /// </summary>
        private static bool Completes(SyntaxNode evaluated, TaskVariable task, SemanticModel model)
        {
            if (task.Owner == null || task.Symbol.Name != "Task" || evaluated is BlockSyntax || evaluated is IfStatementSyntax) return false;
            foreach (var node in evaluated.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is ConditionalExpressionSyntax) &&
                                                                      !(n is StatementSyntax && n != evaluated)))
            {
                if (!(node is InvocationExpressionSyntax call) || !(call.Expression is MemberAccessExpressionSyntax m)) continue;
                if (!IsSetName(m.Name.Identifier.ValueText)) continue;
                // Only where it always runs: not on the right of &&, || or ??.
                if (call.Ancestors().TakeWhile(a => a != evaluated.Parent).Any(a => a is BinaryExpressionSyntax b && b.Right.Span.Contains(call.Span) &&
                        (b.IsKind(SyntaxKind.LogicalAndExpression) || b.IsKind(SyntaxKind.LogicalOrExpression) || b.IsKind(SyntaxKind.CoalesceExpression))))
                    continue;
                if (model.GetSymbolInfo(call).Symbol is IMethodSymbol set && set.ContainingType is { Name: "TaskCompletionSource" } source &&
                    Namespaces.Is(source.ContainingNamespace, "System.Threading.Tasks") &&
                    SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(Branches.Bare(m.Expression)).Symbol, task.Owner))
                    return true;
            }
            return false;
        }

        /// <summary>A completion source's <c>SetResult</c>, <c>TrySetCanceled</c>… by name.</summary>
        private static bool IsSetName(string name) =>
            name.StartsWith("Set", System.StringComparison.Ordinal) || name.StartsWith("TrySet", System.StringComparison.Ordinal);

        private static bool Assigns(StatementSyntax s, TaskVariable task, SemanticModel model) =>
            s.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => Refers(a.Left, task, model) ||
                task.Owner != null && Branches.Bare(a.Left) is IdentifierNameSyntax n && n.Identifier.ValueText == task.Owner.Name &&
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n).Symbol, task.Owner) ||
                task.Each && Branches.Bare(a.Left) is ElementAccessExpressionSyntax store && Refers(store.Expression, task.Symbol, model)) ||
            // A new task among a collection's elements: tasks.Add(…), Insert, AddRange, InsertRange.
            task.Each && s.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
                call.Expression is MemberAccessExpressionSyntax grow && Refers(grow.Expression, task.Symbol, model) &&
                (grow.Name.Identifier.ValueText is "Add" or "Insert" or "AddRange" or "InsertRange"));

        /// <summary>The statement awaits the task or waits on it, not under a condition or in a lambda.</summary>
        private static bool Waits(StatementSyntax s, TaskVariable task, SemanticModel model)
        {
            foreach (var node in s.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is ConditionalExpressionSyntax)))
            {
                ExpressionSyntax? waited = null;
                if (node is AwaitExpressionSyntax await) waited = await.Expression;
                else if (node is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax m &&
                         (m.Name.Identifier.ValueText == "Wait" || m.Name.Identifier.ValueText == "GetResult" || m.Name.Identifier.ValueText == "WaitAll"))
                    waited = m.Name.Identifier.ValueText == "WaitAll" ? call : m.Expression;
                if (waited != null && Covers(waited, task, model)) return true;
            }
            return false;
        }

        /// <summary>The expression is the task (through ConfigureAwait/GetAwaiter) or a WhenAll/WaitAll over it.</summary>
        private static bool Covers(ExpressionSyntax e, TaskVariable task, SemanticModel model)
        {
            while (true)
            {
                while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
                if (e is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax m)
                {
                    string name = m.Name.Identifier.ValueText;
                    if (name == "WhenAll" || name == "WaitAll")
                        return call.ArgumentList.Arguments.SelectMany(a => Elements(a.Expression)).Any(a => Refers(a, task, model));
                    if (name == "ConfigureAwait" || name == "GetAwaiter" || name == "AsTask" || name == "WaitAsync")
                    {
                        e = m.Expression;
                        continue;
                    }
                }
                return Refers(e, task, model);
            }
        }

        /// <summary>The tasks a WhenAll/WaitAll argument passes: itself, or the elements of an array it builds there.</summary>
        private static IEnumerable<ExpressionSyntax> Elements(ExpressionSyntax argument)
        {
            switch (argument)
            {
                case ArrayCreationExpressionSyntax array when array.Initializer != null: return array.Initializer.Expressions;
                case ImplicitArrayCreationExpressionSyntax array: return array.Initializer.Expressions;
                case CollectionExpressionSyntax collection: return collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression);
                default: return new[] { argument };
            }
        }

        private static bool Refers(ExpressionSyntax e, TaskVariable task, SemanticModel model)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            if (task.Each) return Refers(e, task.Symbol, model);
            if (task.Index != null)
                return e is ElementAccessExpressionSyntax element && element.ArgumentList.Arguments.Count == 1 &&
                       Refers(element.Expression, task.Symbol, model) && Refers(element.ArgumentList.Arguments[0].Expression, task.Index, model);
            if (task.Owner != null && e is MemberBindingExpressionSyntax bound)
                return bound.Name.Identifier.ValueText == task.Name && BoundTo(bound) is ExpressionSyntax owner &&
                       Refers(owner, task.Owner, model) && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e).Symbol, task.Symbol);
            if (task.Owner != null)
                return e is MemberAccessExpressionSyntax read && read.Name.Identifier.ValueText == task.Name &&
                       Refers(read.Expression, task.Owner, model) && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e).Symbol, task.Symbol);
            return Refers(e, task.Symbol, model);
        }

        private static bool Refers(ExpressionSyntax e, ISymbol symbol, SemanticModel model)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            // The name first: most expressions compared here are other variables, and binding one is the cost.
            string? name = e is IdentifierNameSyntax id ? id.Identifier.ValueText : e is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : null;
            return name == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e).Symbol, symbol);
        }

        /// <summary>The task is the lambda's first parameter and the lambda is passed to ContinueWith.</summary>
        private static bool IsAntecedent(AnonymousFunctionExpressionSyntax lambda, TaskVariable task, SemanticModel model)
        {
            if (!(model.GetSymbolInfo(lambda).Symbol is IMethodSymbol method) || method.Parameters.Length == 0 ||
                task.Owner != null || !SymbolEqualityComparer.Default.Equals(method.Parameters[0], task.Symbol)) return false;
            return lambda.Parent is ArgumentSyntax argument && argument.Parent?.Parent is InvocationExpressionSyntax call &&
                   call.Expression is MemberAccessExpressionSyntax m && m.Name.Identifier.ValueText == "ContinueWith";
        }
    }
}

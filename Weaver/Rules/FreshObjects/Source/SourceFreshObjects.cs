using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// A new object's fields hold their defaults until its own code stores them (the engine's FreshObjects): a
    /// constructor that runs a setter on <c>this</c> runs it on an object whose fields it has not stored yet, so the
    /// setter's <c>if (_connection != null) Release();</c> cannot run on a path that makes the object. A path carries
    /// the object's class and its fields still default (<see cref="Fresh"/>): all of them at <c>new</c>, then into each
    /// function run on <c>this</c> less those stored before the call, by the function or inside what it ran on
    /// <c>this</c> first (read the same way). Once <c>this</c> is handed anywhere else (an argument, a variable, a
    /// lambda, a method of another assembly), nothing is known; a function with a loop is read as storing, before
    /// anything, everything it stores anywhere.
    /// </summary>
    internal sealed class SourceFreshObjects
    {
        /// <summary>The object a function runs on, made on this path: its class and the fields still default.</summary>
        public sealed class Fresh
        {
            public Fresh(INamedTypeSymbol type, IEnumerable<IFieldSymbol> fields)
            {
                Type = type;
                Fields = new HashSet<IFieldSymbol>(fields, SymbolEqualityComparer.Default);
                Key = "fresh " + type.ToDisplayString() + ":" + string.Join(",", Fields.Select(f => f.Name).OrderBy(n => n, System.StringComparer.Ordinal));
            }
            public INamedTypeSymbol Type { get; }
            public HashSet<IFieldSymbol> Fields { get; }
            /// <summary>Equal for equal objects: part of a path state's memo key.</summary>
            public string Key { get; }

            public static Fresh? Of(INamedTypeSymbol type, IEnumerable<IFieldSymbol> fields)
            {
                var fresh = new Fresh(type, fields);
                return fresh.Fields.Count == 0 ? null : fresh;
            }
        }

        private readonly Compilation _compilation;

        public SourceFreshObjects(Compilation compilation) => _compilation = compilation;

        /// <summary>The object <paramref name="constructor"/> runs on at <c>new</c>: every field it may test still default.</summary>
        public Fresh? Creating(IMethodSymbol constructor)
        {
            if (constructor.MethodKind != MethodKind.Constructor || constructor.IsStatic || constructor.ContainingType.IsValueType) return null;
            var tested = TestedDeep(constructor, constructor.ContainingType);
            return tested.Count == 0 ? null : Fresh.Of(constructor.ContainingType, InstanceFields(constructor.ContainingType).Where(tested.Contains));
        }

        /// <summary>The object <paramref name="callee"/> runs on when <paramref name="call"/>, on <c>this</c> in <paramref name="caller"/>, runs it.</summary>
        public Fresh? Entering(IMethodSymbol caller, Fresh known, SyntaxNode call, IMethodSymbol callee)
        {
            if (callee.IsStatic) return null;
            var deep = TestedDeep(callee, known.Type);
            if (deep.Count == 0) return null;
            // A setter runs after the value assigned to it is worked out: its call ends with the assignment.
            int end = call.Parent is AssignmentExpressionSyntax assignment && assignment.Left == call ? assignment.Span.End : call.Span.End;
            var before = Walk(caller, known).Before(end);
            return before == null ? null : Fresh.Of(known.Type, before.Where(deep.Contains));
        }

        /// <summary>Whether <paramref name="node"/> of <paramref name="function"/> cannot run: a test on a field still default rules it out.</summary>
        public bool Dead(IMethodSymbol function, Fresh fresh, SyntaxNode node)
        {
            return RuledOut(node, Walk(function, fresh), SemanticModelOf(node));
        }

        /// <summary>One model per file: asked for every call a path with a new object meets, and a model is costly to make.</summary>
        private SemanticModel SemanticModelOf(SyntaxNode node)
        {
            if (!_models.TryGetValue(node.SyntaxTree, out var model)) _models[node.SyntaxTree] = model = _compilation.GetSemanticModel(node.SyntaxTree);
            return model;
        }

        private readonly Dictionary<SyntaxTree, SemanticModel> _models = new Dictionary<SyntaxTree, SemanticModel>();

        private static IEnumerable<IFieldSymbol> InstanceFields(INamedTypeSymbol type)
        {
            for (var t = type; t != null && SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, type.ContainingAssembly); t = t.BaseType)
                foreach (var member in t.GetMembers())
                    if (member is IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field) yield return field;
        }

        /// <summary>What running a function on a new object leaves default, read in source order.</summary>
        private sealed class Walked
        {
            /// <summary>The default fields from each position on (the state after each event that changed it).</summary>
            public readonly List<(int Position, HashSet<IFieldSymbol> State)> Steps = new List<(int, HashSet<IFieldSymbol>)>();
            public readonly HashSet<IFieldSymbol> Entry;
            /// <summary>The fields it may store; null when anything.</summary>
            public HashSet<IFieldSymbol>? Stores = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            public Walked(HashSet<IFieldSymbol> entry) => Entry = entry;

            /// <summary>The fields still default just before the code ending at <paramref name="end"/> runs; null when none is known.</summary>
            public HashSet<IFieldSymbol>? Before(int end)
            {
                var state = Entry;
                foreach (var step in Steps)
                {
                    if (step.Position >= end) break;
                    state = step.State;
                }
                return state;
            }
        }

        private readonly Dictionary<(IMethodSymbol, string), Walked> _walks = new Dictionary<(IMethodSymbol, string), Walked>(new KeyComparer());
        private readonly HashSet<IMethodSymbol> _walking = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

        private Walked Walk(IMethodSymbol function, Fresh entry)
        {
            function = function.OriginalDefinition;
            var key = (function, entry.Key);
            if (_walks.TryGetValue(key, out var done)) return done;
            // A function that runs itself on this again: read as storing anything (not kept, the cycle's answer is partial).
            if (!_walking.Add(function)) return new Walked(entry.Fields) { Stores = null };
            try { return _walks[key] = WalkOnce(function, entry); }
            finally { _walking.Remove(function); }
        }

        private Walked WalkOnce(IMethodSymbol function, Fresh entry)
        {
            var facts = FactsOf(function);
            var state = new HashSet<IFieldSymbol>(entry.Fields, SymbolEqualityComparer.Default);
            var walked = new Walked(new HashSet<IFieldSymbol>(state, SymbolEqualityComparer.Default));
            if (facts.HasLoop)
            {
                foreach (var e in facts.Events) Apply(e, ordered: false);
                walked.Entry.IntersectWith(state);
                return walked;
            }
            foreach (var e in facts.Events)
            {
                if (e.Node != null && RuledOut(e.Node, walked, e.Model)) continue;
                Apply(e, ordered: true);
                walked.Steps.Add((e.Position, new HashSet<IFieldSymbol>(state, SymbolEqualityComparer.Default)));
            }
            return walked;

            void Apply(Event e, bool ordered)
            {
                if (walked.Stores == null) return;
                if (e.Field != null)
                {
                    state.Remove(e.Field);
                    walked.Stores.Add(e.Field);
                    return;
                }
                var callee = e.Callee ?? (e.Virtual != null ? Implementation(entry.Type, e.Virtual) : null);
                HashSet<IFieldSymbol>? stores = null;
                if (callee != null)
                {
                    if (!InSource(callee)) stores = callee.MethodKind == MethodKind.Constructor ? new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default) : null;
                    else
                    {
                        var known = ordered ? Fresh.Of(entry.Type, state.Where(TestedDeep(callee, entry.Type).Contains)) : null;
                        stores = known == null ? AllStores(callee) : Walk(callee, known).Stores;
                    }
                }
                if (stores == null)
                {
                    state.Clear();
                    walked.Stores = null;
                    return;
                }
                state.ExceptWith(stores);
                walked.Stores.UnionWith(stores);
            }
        }

        /// <summary>Whether a condition governing <paramref name="node"/> needs a field the walk still has default to be set.</summary>
        private static bool RuledOut(SyntaxNode node, Walked walked, SemanticModel model)
        {
            foreach (var (condition, value) in Branches.Governing(node))
                if (NeedsSet(condition, value, walked, model)) return true;
            return false;
        }

        private static bool NeedsSet(ExpressionSyntax condition, bool value, Walked walked, SemanticModel model)
        {
            switch (Branches.Bare(condition))
            {
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return NeedsSet(not.Operand, !value, walked, model);
                case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                    return value && (NeedsSet(both.Left, true, walked, model) || NeedsSet(both.Right, true, walked, model));
                case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                    return !value && (NeedsSet(either.Left, false, walked, model) || NeedsSet(either.Right, false, walked, model));
                case var test:
                    // A bool field read as the condition, or a reference field compared with null.
                    var (read, whenSet) = FieldTest(test, value);
                    return read != null && whenSet && model.GetOperation(read) is IFieldReferenceOperation reference && OnThis(reference) &&
                           walked.Before(read.Span.End)?.Contains(reference.Field.OriginalDefinition) == true;
            }
        }

        /// <summary>The field a condition reads, and whether the condition having <paramref name="value"/> means the field is set (not null, true).</summary>
        private static (ExpressionSyntax? Read, bool WhenSet) FieldTest(ExpressionSyntax test, bool value)
        {
            switch (test)
            {
                case IdentifierNameSyntax _:
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax _ }:
                    return (test, value);
                case BinaryExpressionSyntax compare when compare.IsKind(SyntaxKind.EqualsExpression) || compare.IsKind(SyntaxKind.NotEqualsExpression):
                    bool notEquals = compare.IsKind(SyntaxKind.NotEqualsExpression);
                    if (compare.Right.IsKind(SyntaxKind.NullLiteralExpression)) return (Branches.Bare(compare.Left), value == notEquals);
                    if (compare.Left.IsKind(SyntaxKind.NullLiteralExpression)) return (Branches.Bare(compare.Right), value == notEquals);
                    return (null, false);
                case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } isNull when constant.Expression.IsKind(SyntaxKind.NullLiteralExpression):
                    return (Branches.Bare(isNull.Expression), !value);
                case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax constant } } notNull
                    when constant.Expression.IsKind(SyntaxKind.NullLiteralExpression):
                    return (Branches.Bare(notNull.Expression), value);
                default:
                    return (null, false);
            }
        }

        private static bool OnThis(IFieldReferenceOperation reference) =>
            !reference.Field.IsStatic && reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        /// <summary>The method the object's class runs for a virtual call on it; null when it is another assembly's.</summary>
        private IMethodSymbol? Implementation(INamedTypeSymbol type, IMethodSymbol called)
        {
            for (var t = type; t != null; t = t.BaseType)
                if (SourceDispatch.ClassImplementation(t, called) is IMethodSymbol m) return InSource(m) ? m : null;
            return null;
        }

        private bool InSource(IMethodSymbol method) =>
            !method.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

        /// <summary>What one instruction-like step does to <c>this</c>: stores <c>Field</c>; runs <c>Callee</c> or (virtually) <c>Virtual</c> on it; or, with none, lets it escape.</summary>
        private sealed class Event
        {
            public Event(int position, SyntaxNode? node, SemanticModel model, IFieldSymbol? field = null, IMethodSymbol? callee = null, IMethodSymbol? virtualCall = null)
            {
                Position = position; Node = node; Model = model; Field = field; Callee = callee; Virtual = virtualCall;
            }
            /// <summary>Where it happens: the end of its syntax (a call runs after its arguments).</summary>
            public int Position { get; }
            /// <summary>Its syntax, for the conditions that govern it; null for what runs before the body (field initializers).</summary>
            public SyntaxNode? Node { get; }
            public SemanticModel Model { get; }
            public IFieldSymbol? Field { get; }
            public IMethodSymbol? Callee { get; }
            public IMethodSymbol? Virtual { get; }
        }

        private sealed class Facts
        {
            public readonly List<Event> Events = new List<Event>();
            public bool HasLoop;
            public readonly HashSet<IFieldSymbol> Tested = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            /// <summary>The functions of this compilation it runs on <c>this</c>, not virtually.</summary>
            public readonly List<IMethodSymbol> ThisCallees = new List<IMethodSymbol>();
            /// <summary>The virtual methods it calls on <c>this</c>: which runs depends on the object's class.</summary>
            public readonly List<IMethodSymbol> Virtuals = new List<IMethodSymbol>();
        }

        private readonly Dictionary<IMethodSymbol, Facts> _facts = new Dictionary<IMethodSymbol, Facts>(SymbolEqualityComparer.Default);

        private Facts FactsOf(IMethodSymbol function)
        {
            function = function.OriginalDefinition;
            if (!_facts.TryGetValue(function, out var facts)) _facts[function] = facts = Collect(function);
            return facts;
        }

        private Facts Collect(IMethodSymbol function)
        {
            var facts = new Facts();
            if (function.IsStatic || !InSource(function)) return facts;
            var syntax = function.DeclaringSyntaxReferences[0].GetSyntax();
            var model = SemanticModelOf(syntax);
            if (function.MethodKind == MethodKind.Constructor)
            {
                // Field initializers run first, then the base constructor; not when it chains to another of its own (which runs them).
                var declaration = syntax as ConstructorDeclarationSyntax;
                if (declaration?.Initializer == null || !declaration.Initializer.IsKind(SyntaxKind.ThisConstructorInitializer))
                    foreach (var field in InstanceFields(function.ContainingType).Where(f => SymbolEqualityComparer.Default.Equals(f.ContainingType, function.ContainingType)))
                        if (field.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is VariableDeclaratorSyntax { Initializer: not null }))
                            facts.Events.Add(new Event(-1, null, model, field: field.OriginalDefinition));
                if (declaration?.Initializer == null && function.ContainingType.BaseType is INamedTypeSymbol baseType &&
                    baseType.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0) is IMethodSymbol baseConstructor && InSource(baseConstructor))
                {
                    facts.Events.Add(new Event(-1, null, model, callee: baseConstructor.OriginalDefinition));
                    facts.ThisCallees.Add(baseConstructor.OriginalDefinition);
                }
            }
            if (!(model.GetOperation(syntax) is IOperation body)) return facts;
            foreach (var operation in OwnOperations.Of(body))
                Note(operation, facts, model);
            facts.Events.Sort((a, b) => a.Position.CompareTo(b.Position));
            return facts;
        }

        private void Note(IOperation operation, Facts facts, SemanticModel model)
        {
            int end = operation.Syntax.Span.End;
            switch (operation)
            {
                case ILoopOperation _:
                case IBranchOperation { BranchKind: BranchKind.GoTo }:
                    facts.HasLoop = true;
                    break;
                case IAnonymousFunctionOperation _:
                case ILocalFunctionOperation _:
                    // A lambda that reads this is handed this (its closure holds it).
                    if (OwnOperations.Of(operation).Any(o => o is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
                        facts.Events.Add(new Event(end, operation.Syntax, model));
                    break;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self:
                    var user = self.Parent;
                    while (user is IConversionOperation || user is IParenthesizedOperation) user = user.Parent;
                    if (user is IArgumentOperation || user is IVariableInitializerOperation || user is IArrayInitializerOperation ||
                        user is IMethodReferenceOperation || user is ISimpleAssignmentOperation assigned && assigned.Value == self)
                        facts.Events.Add(new Event(end, operation.Syntax, model));
                    break;
                case IFieldReferenceOperation field when !field.Field.IsStatic:
                    if (Stored(field) || field.Field.Type.IsValueType && (field.Parent is IInvocationOperation || field.Parent is IPropertyReferenceOperation) &&
                        !(field.Parent is IPropertyReferenceOperation p && p.Property.IsStatic))
                        facts.Events.Add(new Event(StoreEnd(field), StoreNode(field), model, field: field.Field.OriginalDefinition));
                    if (OnThis(field) && IsTest(field)) facts.Tested.Add(field.Field.OriginalDefinition);
                    break;
                case IInvocationOperation invocation when invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    Run(invocation.TargetMethod, invocation.IsVirtual, end, operation.Syntax, facts, model);
                    break;
                case IPropertyReferenceOperation property when property.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    bool isVirtual = !(property.Instance.Syntax is BaseExpressionSyntax) && (property.Property.IsVirtual || property.Property.IsOverride || property.Property.IsAbstract) &&
                                     !property.Property.IsSealed;
                    bool set = property.Parent is IAssignmentOperation assignment && assignment.Target == property;
                    if (property.Property.GetMethod is IMethodSymbol getter && (!set || property.Parent is ICompoundAssignmentOperation || property.Parent is ICoalesceAssignmentOperation))
                        Run(getter, isVirtual, end, operation.Syntax, facts, model);
                    if (set && property.Property.SetMethod is IMethodSymbol setter) Run(setter, isVirtual, property.Parent!.Syntax.Span.End, property.Parent.Syntax, facts, model);
                    break;
            }
        }

        private void Run(IMethodSymbol target, bool isVirtual, int end, SyntaxNode node, Facts facts, SemanticModel model)
        {
            target = target.OriginalDefinition;
            if (isVirtual && (target.IsVirtual || target.IsOverride || target.IsAbstract) && !target.IsSealed)
            {
                facts.Events.Add(new Event(end, node, model, virtualCall: target));
                facts.Virtuals.Add(target);
                return;
            }
            if (!InSource(target))
            {
                if (target.MethodKind != MethodKind.Constructor) facts.Events.Add(new Event(end, node, model));
                return;
            }
            facts.ThisCallees.Add(target);
            facts.Events.Add(new Event(end, node, model, callee: target));
        }

        /// <summary>Whether the reference is written: assigned, incremented, or passed by ref or out.</summary>
        private static bool Stored(IFieldReferenceOperation field) =>
            field.Parent is IAssignmentOperation assignment && assignment.Target == field ||
            field.Parent is IIncrementOrDecrementOperation ||
            field.Parent is IArgumentOperation argument && argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out;

        private static int StoreEnd(IFieldReferenceOperation field) =>
            field.Parent is IAssignmentOperation || field.Parent is IIncrementOrDecrementOperation ? field.Parent.Syntax.Span.End : field.Syntax.Span.End;

        private static SyntaxNode StoreNode(IFieldReferenceOperation field) =>
            field.Parent is IAssignmentOperation || field.Parent is IIncrementOrDecrementOperation ? field.Parent.Syntax : field.Syntax;

        /// <summary>A read a branch tests: a bool field as a condition, a reference field compared with null.</summary>
        private static bool IsTest(IFieldReferenceOperation field)
        {
            var user = field.Parent;
            while (user is IConversionOperation || user is IParenthesizedOperation) user = user.Parent;
            if (field.Field.Type.SpecialType == SpecialType.System_Boolean)
                return user is IConditionalOperation || user is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } ||
                       user is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr };
            return user is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } compare &&
                   (compare.LeftOperand.ConstantValue is { HasValue: true, Value: null } || compare.RightOperand.ConstantValue is { HasValue: true, Value: null }) ||
                   user is IIsPatternOperation;
        }

        private readonly Dictionary<(IMethodSymbol, string), HashSet<IFieldSymbol>> _tested = new Dictionary<(IMethodSymbol, string), HashSet<IFieldSymbol>>(new KeyComparer());

        /// <summary>The fields of <c>this</c> the function tests, or a function it runs on <c>this</c> (an object of class <paramref name="type"/>) does, however deep.</summary>
        private HashSet<IFieldSymbol> TestedDeep(IMethodSymbol function, INamedTypeSymbol type)
        {
            function = function.OriginalDefinition;
            var key = (function, type.ToDisplayString());
            if (_tested.TryGetValue(key, out var found)) return found;
            found = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            foreach (var reached in Closure(function, type)) found.UnionWith(FactsOf(reached).Tested);
            return _tested[key] = found;
        }

        private readonly Dictionary<IMethodSymbol, HashSet<IFieldSymbol>?> _allStores = new Dictionary<IMethodSymbol, HashSet<IFieldSymbol>?>(SymbolEqualityComparer.Default);

        /// <summary>Every field the function may store, itself or in what it runs on <c>this</c>, on any path; null when anything.</summary>
        private HashSet<IFieldSymbol>? AllStores(IMethodSymbol function)
        {
            function = function.OriginalDefinition;
            if (_allStores.TryGetValue(function, out var found)) return found;
            found = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            foreach (var reached in Closure(function, null))
                foreach (var e in FactsOf(reached).Events)
                {
                    if (e.Field != null) found.Add(e.Field);
                    else if (e.Callee == null) return _allStores[function] = null;
                }
            return _allStores[function] = found;
        }

        /// <summary>The function and every one it runs on <c>this</c>, however deep, each once; a virtual call's only when the object's class is known.</summary>
        private IEnumerable<IMethodSymbol> Closure(IMethodSymbol function, INamedTypeSymbol? type)
        {
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { function };
            var pending = new Stack<IMethodSymbol>();
            pending.Push(function);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                yield return current;
                var facts = FactsOf(current);
                foreach (var callee in facts.ThisCallees)
                    if (seen.Add(callee)) pending.Push(callee);
                if (type != null)
                    foreach (var called in facts.Virtuals)
                        if (Implementation(type, called) is IMethodSymbol implementation && seen.Add(implementation.OriginalDefinition)) pending.Push(implementation.OriginalDefinition);
            }
        }

        private sealed class KeyComparer : IEqualityComparer<(IMethodSymbol, string)>
        {
            public bool Equals((IMethodSymbol, string) x, (IMethodSymbol, string) y) => x.Item2 == y.Item2 && SymbolEqualityComparer.Default.Equals(x.Item1, y.Item1);
            public int GetHashCode((IMethodSymbol, string) obj) => SymbolEqualityComparer.Default.GetHashCode(obj.Item1) * 31 + obj.Item2.GetHashCode();
        }
    }
}

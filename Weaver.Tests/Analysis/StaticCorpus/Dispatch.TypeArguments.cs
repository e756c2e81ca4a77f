// What a call path says of types decides a dispatch further down: the type arguments a generic method is given (an
// interface built from them runs only that instantiation's implementations) and the static type of an object handed
// to a parameter declared wider (an object parameter tested for an interface runs only the implementations that
// object can have). Shapes from linq2db 6.5: OptionsContainer.Apply<TA> over IApplicable<TA>, and
// IdentifierBuilder.GetObjectID(object) testing for IConfigurationID.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Dispatch.TypeArguments
{
    public interface IApplier<in T>
    {
        void Apply(T target);
    }

    public sealed class LocalContext
    {
        public int Applied;
    }

    public sealed class RemoteContext
    {
        private static readonly ManualResetEventSlim Fetched = new ManualResetEventSlim();

        public void FetchConfiguration() => Fetched.Wait();
    }

    /// <summary>One option set serving both contexts, each with its own explicit implementation.</summary>
    public sealed class ConnectionSettings : IApplier<LocalContext>, IApplier<RemoteContext>
    {
        void IApplier<LocalContext>.Apply(LocalContext target) => target.Applied++;

        void IApplier<RemoteContext>.Apply(RemoteContext target) => target.FetchConfiguration();
    }

    public sealed class SettingsContainer
    {
        private readonly List<object> _sets = new List<object> { new ConnectionSettings() };

        public void ApplyAll<TA>(TA target)
        {
            foreach (var set in _sets)
                if (set is IApplier<TA> applier) applier.Apply(target);
        }

        public void ApplyTo(LocalContext target) => ApplyAll(target);

        public void ApplyTo(RemoteContext target) => ApplyAll(target);

        public void ApplyUnknown<TA>(TA target) => ApplyAll(target);
    }

    // case: dispatch/a generic method's type argument picks the instantiation an interface call runs (linq2db's OptionsContainer.Apply<DataConnection>)
    public static class GenericArgumentPicksInstantiation
    {
        public static async Task<int> Run(SettingsContainer container)
        {
            var context = new LocalContext();
            await Task.Yield();
            container.ApplyTo(context);
            return context.Applied;
        }
    }

    // case: dispatch/a generic method given the type whose implementation waits
    public static class GenericArgumentReachesWaitingInstantiation
    {
        public static async Task Run(SettingsContainer container)
        {
            await Task.Yield();
            container.ApplyTo(new RemoteContext()); // expect: NB0002
        }
    }

    // case: dispatch/a generic method whose type argument is the async caller's own parameter: any instantiation may run
    public static class GenericArgumentStaysOpen
    {
        public static async Task Run<T>(SettingsContainer container, T target)
        {
            await Task.Yield();
            container.ApplyUnknown(target); // expect: NB0002
        }
    }

    // case: dispatch/an explicit implementation serves only the instantiation it names
    public static class ExplicitImplementationServesItsInstantiation
    {
        public static async Task<int> Run(ConnectionSettings settings)
        {
            var context = new LocalContext();
            await Task.Yield();
            Apply(settings, context);
            return context.Applied;
        }

        private static void Apply(IApplier<LocalContext> applier, LocalContext context) => applier.Apply(context);
    }

    // case: dispatch/an explicit implementation of the instantiation that waits
    public static class ExplicitImplementationThatWaits
    {
        public static async Task Run(ConnectionSettings settings)
        {
            await Task.Yield();
            Apply(settings, new RemoteContext()); // expect: NB0002
        }

        private static void Apply(IApplier<RemoteContext> applier, RemoteContext context) => applier.Apply(context);
    }

    public interface IKeyed
    {
        string Key { get; }
    }

    public sealed class CachedKey : IKeyed
    {
        public string Key => "cached";
    }

    public sealed class RemoteKey : IKeyed
    {
        private static readonly ManualResetEventSlim Loaded = new ManualResetEventSlim();

        public string Key
        {
            get
            {
                Loaded.Wait();
                return "remote";
            }
        }
    }

    public static class Identifiers
    {
        public static string Of(object value)
        {
            if (value is IKeyed keyed) return keyed.Key;
            return value.GetHashCode().ToString();
        }

        public static string Add(object value) => Of(value);
    }

    // case: dispatch/an object parameter handed a comparer: no implementation of the interface it is tested for is one (linq2db's GetObjectID(ColumnNameComparer))
    public static class StaticTypeRulesOutImplementations
    {
        public static async Task<string> Run()
        {
            await Task.Yield();
            return Identifiers.Add(StringComparer.Ordinal);
        }
    }

    // case: dispatch/an object parameter handed the implementation that waits
    public static class StaticTypeIsTheWaitingImplementation
    {
        public static async Task<string> Run(RemoteKey key)
        {
            await Task.Yield();
            return Identifiers.Add(key); // expect: NB0002
        }
    }

    // case: dispatch/an object parameter handed an object of unknown type: any implementation may run
    public static class StaticTypeSaysNothing
    {
        public static async Task<string> Run(object value)
        {
            await Task.Yield();
            return Identifiers.Add(value); // expect: NB0002
        }
    }
}

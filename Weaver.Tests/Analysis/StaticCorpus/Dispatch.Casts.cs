// A cast does not change the object: a value declared as one interface and cast to another is both, so a call through
// the cast runs only the implementations of types that are both. Shape from linq2db 6.5's GetCommand, which casts its
// data provider to IInfrastructure<IServiceProvider>; the remote data context's implementation, which waits on a
// configuration fetch, is no data provider. The look-alike's blocking implementation is one.
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Casts
{
    public interface IProvider { string Name { get; } }

    public interface IServices { object Instance { get; } }

    public sealed class Provider : IProvider, IServices
    {
        public string Name => "provider";
        public object Instance => this;
    }

    public sealed class RemoteContext : IServices
    {
        public object Instance
        {
            get
            {
                Thread.Sleep(10);
                return this;
            }
        }
    }

    // case: casts/an interface call through a cast from another interface runs only the types that are both (linq2db's GetCommand)
    public static class Commands
    {
        private static object Services(IProvider provider) => ((IServices)provider).Instance;

        public static async Task<object> Prepare(IProvider provider)
        {
            await Task.Yield();
            return Services(provider);
        }
    }

    public interface ISlowProvider { string Name { get; } }

    public sealed class SlowProvider : ISlowProvider, IServices
    {
        public string Name => "slow";

        public object Instance
        {
            get
            {
                Thread.Sleep(10);
                return this;
            }
        }
    }

    // case: casts/look-alike: a type that is both waits
    public static class SlowCommands
    {
        private static object Services(ISlowProvider provider) => ((IServices)provider).Instance;

        public static async Task<object> Prepare(ISlowProvider provider)
        {
            await Task.Yield();
            return Services(provider); // expect: NB0002
        }
    }
}

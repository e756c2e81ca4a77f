using System;
using System.Diagnostics;

namespace NonBlocking.Tests.Support
{
    /// <summary>An <see cref="ActivitySource"/> whose activities are all sampled in and recorded, as a tracing SDK's would be.</summary>
    internal sealed class SampledSource : IDisposable
    {
        private readonly ActivitySource _source;
        private readonly ActivityListener _listener;

        public SampledSource(string name)
        {
            _source = new ActivitySource(name);
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public Activity Start(string operation) => _source.StartActivity(operation) ?? throw new InvalidOperationException("not sampled");

        public void Dispose()
        {
            _listener.Dispose();
            _source.Dispose();
        }
    }
}

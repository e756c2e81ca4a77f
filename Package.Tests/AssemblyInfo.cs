using Xunit;

// The three end-to-end collections wait on child builds and apps most of the time; xunit's default (one thread per
// core, two here) left the third waiting for a lane.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]

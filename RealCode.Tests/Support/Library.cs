namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>Which half of the benchmark a library is in. Rules are tuned on training libraries only.</summary>
    public enum LabelSet { Training, Validation }

    /// <summary>
    /// One measured assembly: the package that ships it, the version its labels were decided against, its set. An
    /// application shipped as a .NET tool (<paramref name="Tool"/>) is downloaded, not referenced: its assembly and
    /// everything it runs with are in the package's tools folder.
    /// </summary>
    public sealed record Library(string Assembly, string Package, string Version, LabelSet Set, string Source, bool Tool = false)
    {
        public override string ToString() => Assembly;
    }
}

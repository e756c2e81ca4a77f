namespace NonBlocking.Tests.Analysis
{
    /// <summary>Programs that AnalyzerTests and StaticAnalysisTests each run through their front end, expecting the same.</summary>
    internal static class BothFrontEnds
    {
        /// <summary>What to do, by whether an async form exists: File.Delete and File.Move have none; File.ReadAllText has.</summary>
        public const string Remedies = @"
public static class P
{
    public static async Task M(string path)
    {
        await Task.Yield();
        File.Delete(path); // @delete
        File.ReadAllText(path); // @read
        Remove(path); // @remove
    }
    private static void Remove(string path) => File.Move(path, path + "".old"");
}";
    }
}

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
    

        /// <summary>
        /// EF Core's context factory: CreateDbContext has an async twin, but the twin only wraps it (Task.FromResult), so it
        /// is no warning; SaveChanges next to it still is.
        /// </summary>
        public const string ContextFactory = @"
using Microsoft.EntityFrameworkCore;
public sealed class Shop : DbContext { }
public static class P
{
    public static async Task M(IDbContextFactory<Shop> factory)
    {
        await Task.Yield();
        using var shop = factory.CreateDbContext();
        shop.SaveChanges(); // @save
    }
}";

        /// <summary>
        /// A data reader disposed by hand: a catalogued disposal (closing reads the rest of the response), unlike the
        /// command's Dispose beside it; a user's not-blocking entry for the reader's Dispose still wins.
        /// </summary>
        public const string ReaderDisposal = @"
using System.Data.Common;
public static class P
{
    public static async Task M(DbCommand command)
    {
        var reader = await command.ExecuteReaderAsync();
        reader.Dispose(); // @dispose
        command.Dispose();
    }
}";

        /// <summary>
        /// An internal async method nothing in the assembly calls: it never runs unless a friend assembly calls it, and a
        /// test assembly or a mocking library's proxy assembly is no such friend (Reachability).
        /// </summary>
        public static string InternalCalledByNoOne(string friend) => @"
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(""" + friend + @""")]
internal static class Shared
{
    internal static async Task PollAsync()
    {
        await Task.Yield();
        Thread.Sleep(10); // @sleep
    }
}";

        /// <summary>
        /// An application's top-level statements (the compiler's internal <c>Program.&lt;Main&gt;$</c>, the entry point) and
        /// the internal async method they call run; one nothing calls does not (Reachability).
        /// </summary>
        public const string TopLevelProgram = @"
await Task.Yield();
Thread.Sleep(1); // @main
await Jobs.RunAsync();

internal static class Jobs
{
    internal static async Task RunAsync()
    {
        await Task.Yield();
        Save(); // @helper
        await LocalAsync();

        static async Task LocalAsync()
        {
            await Task.Yield();
            Thread.Sleep(1); // @local
        }
    }

    internal static async Task UnusedAsync()
    {
        await Task.Yield();
        Thread.Sleep(1);
    }

    private static void Save() => File.WriteAllText(""x"", """");
}";

        /// <summary>The EF Core assembly the program above compiles against.</summary>
        public static string EfCore => typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location;
    }
}

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// What NB0002 tells to do about a path, from the blocking API's alternative; shared by both front ends (the analyzer
    /// links this file) so their messages stay the same.
    /// </summary>
    internal static class Remedies
    {
        /// <summary>
        /// "Make that path async (await X) or offload it with Task.Run" (the message adds the period) — or, where the alternative is itself to offload
        /// (an API with no async form, such as File.Delete), just that: saying Task.Run twice helps nobody.
        /// </summary>
        public static string ForPath(string alternative) =>
            alternative.Contains("Task.Run")
                ? $"Offload that path: {alternative}"
                : $"Make that path async ({alternative}) or offload it with Task.Run";
    }
}

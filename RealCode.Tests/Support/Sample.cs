using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>
    /// Which warnings of a library are labelled: all of them up to <see cref="Size"/>, else the first <see cref="Size"/>
    /// in the order of a seeded hash of their keys. The order depends on the key alone, so a rule that removes or adds
    /// a warning leaves every other warning's place alone.
    /// </summary>
    public static class Sample
    {
        public const int Size = 30;
        private const string Seed = "nonblocking-31 ";

        public static IReadOnlyList<string> Of(IEnumerable<string> keys) =>
            keys.Distinct(StringComparer.Ordinal).OrderBy(Rank, StringComparer.Ordinal).Take(Size).ToList();

        private static string Rank(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Seed + key)));
    }
}

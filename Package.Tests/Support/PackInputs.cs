using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace NonBlocking.Tests.Support
{
    /// <summary>
    /// What the packed packages are made of, as one short key: the commit (the packages carry it in their metadata and
    /// SourceLink) and the path and bytes of every file the packed projects build from, edited or not.
    /// </summary>
    internal static class PackInputs
    {
        /// <summary>The packed projects' folders and what they import or carry from elsewhere in the repository.</summary>
        private static readonly string[] Folders = { "Runtime", "Logging", "Weaver", "build", "docs/packages" };

        private static readonly string[] Files =
            { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "CHANGELOG.md", "global.json", ".editorconfig" };

        public static string Key()
        {
            using var sha = SHA256.Create();
            void Add(byte[] bytes) => sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
            Add(Encoding.UTF8.GetBytes(Commit() + "\n"));
            foreach (var file in Inputs())
            {
                Add(Encoding.UTF8.GetBytes(Path.GetRelativePath(TestPaths.RepoRoot, file).Replace('\\', '/') + "\n"));
                Add(File.ReadAllBytes(file));
            }
            sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            return Convert.ToHexString(sha.Hash!).Substring(0, 16).ToLowerInvariant();
        }

        private static IEnumerable<string> Inputs()
        {
            var files = Files.Select(TestPaths.Source).Where(File.Exists).ToList();
            foreach (var folder in Folders.Select(TestPaths.Source).Where(Directory.Exists))
                files.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)));
            return files.OrderBy(f => f, StringComparer.Ordinal);
        }

        private static bool IsBuildOutput(string path) =>
            path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj");

        private static string Commit()
        {
            try
            {
                var r = ProcessRunner.Run("git", new[] { "rev-parse", "HEAD" }, TestPaths.RepoRoot, timeout: TimeSpan.FromSeconds(30));
                return r.ExitCode == 0 ? r.StdOut.Trim() : "no commit";
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "no git";
            }
        }
    }
}

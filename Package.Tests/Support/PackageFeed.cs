using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace NonBlocking.Tests.Support
{
    /// <summary>
    /// NonBlocking's packages (Runtime, Weaver, Fody, Tool) packed into a local folder feed, with a version of their own;
    /// user projects made by <see cref="UserProject"/> restore from it alone, into a private package cache, so no earlier
    /// build of the packages can be picked up by mistake. The feed is keyed by what goes into the packages (the
    /// commit and every source file of the packed projects, see <see cref="PackInputs"/>): Package.Tests and
    /// Accuracy.Tests, which run one after the other, pack once between them, and any change makes a new feed (and a
    /// new version). Feeds live in artifacts/test-feeds; packing a new one deletes the others.
    /// </summary>
    public sealed class PackageFeed
    {
        private static readonly Lazy<(string Root, string Version)> Packed = new Lazy<(string, string)>(Pack);

        public PackageFeed()
        {
            (Root, Version) = Packed.Value;
            Feed = Path.Combine(Root, "packages");
            Cache = Path.Combine(Root, "cache");
        }

        private static (string Root, string Version) Pack()
        {
            string key = PackInputs.Key();
            string feeds = Path.Combine(TestPaths.RepoRoot, "artifacts", "test-feeds");
            string root = Path.Combine(feeds, key), feed = Path.Combine(root, "packages"), done = Path.Combine(root, "packed");
            // A letter first: a purely numeric pre-release part may not start with 0.
            string version = "0.1.0-test.k" + key;
            using (PackLock())
            {
                if (File.Exists(done)) return (root, version);
                if (Directory.Exists(feeds))
                    foreach (var stale in Directory.GetDirectories(feeds))
                        try { Directory.Delete(stale, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                Directory.CreateDirectory(feed);
                // One invocation for the five packages: MSBuild builds them side by side and evaluates the shared engine once
                // (about 30 s → 20 s here, against five `dotnet pack` runs one after another). A solution build unsets
                // Configuration for references outside it, which would build the analyzers the Weaver package carries in
                // Debug: ShouldUnsetParentConfigurationAndPlatform=false keeps them in Release.
                var r = ProcessRunner.Run("dotnet", new[] { "pack", TestPaths.Source(PackagesFilter), "-c", "Release", "-nologo",
                    "-p:PackageOutputPath=" + feed, "-p:ShouldUnsetParentConfigurationAndPlatform=false",
                    "-p:NonBlockingVersion=" + version, "-p:ContinuousIntegrationBuild=true" }, TestPaths.RepoRoot);
                Assert.True(r.ExitCode == 0, "pack failed: " + r);
                Assert.True(File.Exists(Path.Combine(feed, $"NonBlocking.Weaver.{version}.nupkg")), "NonBlocking.Weaver package missing");
                File.WriteAllText(done, version);
            }
            return (root, version);
        }

        /// <summary>
        /// One pack of the repository at a time, across test processes (Package.Tests and Accuracy.Tests, when they run
        /// side by side): two packs at once wrote the same bin/obj folders together, and one feed once shipped the other's
        /// NonBlocking.Runtime.dll (the byte-for-byte check caught it). The second to come finds the feed the first
        /// packed. The lock is the file's own (FileShare.None, an flock on Unix).
        /// </summary>
        private static IDisposable PackLock()
        {
            string path = Path.Combine(TestPaths.RepoRoot, "artifacts", ".test-pack.lock");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
                catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(10)) { System.Threading.Thread.Sleep(250); }
            }
        }

        /// <summary>The solution filter naming every package NonBlocking ships, packed CI-style as build/pack.sh packs them.</summary>
        private const string PackagesFilter = "build/packages.slnf";

        public string Root { get; }
        public string Feed { get; }
        public string Cache { get; }
        public string Version { get; }

        /// <summary>
        /// A nuget.config in <paramref name="directory"/> that restores from this feed alone (plus nuget.org when asked,
        /// for third-party packages) into this feed's private cache.
        /// </summary>
        public void WriteNugetConfig(string directory, bool nugetOrg)
        {
            const string NugetOrg = @"<add key=""nuget.org"" value=""https://api.nuget.org/v3/index.json"" protocolVersion=""3"" />";
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <config><add key=""globalPackagesFolder"" value=""{Cache}"" /></config>
  <packageSources><clear /><add key=""local"" value=""{Feed}"" />{(nugetOrg ? NugetOrg : "")}</packageSources>
</configuration>");
        }

        /// <summary>Installs the packed NonBlocking.Tool as a user does (<c>dotnet tool install</c>) into a folder; returns the command's path.</summary>
        public string InstallTool()
        {
            string dir = TestPaths.NewTempDirectory("tool");
            var install = ProcessRunner.Run("dotnet", new[] { "tool", "install", "NonBlocking.Tool", "--version", Version,
                "--tool-path", dir, "--add-source", Feed }, dir);
            Assert.True(install.ExitCode == 0, "tool install failed: " + install);
            return Path.Combine(dir, "nonblocking");
        }
    }

    /// <summary>A throw-away project that consumes the packed package exactly as a user would.</summary>
    internal sealed class UserProject
    {
        /// <param name="nugetOrg">Also restore from nuget.org (for third-party packages); the feed alone otherwise.</param>
        /// <param name="packageReference">Reference NonBlocking.Weaver (the default way in); false for projects that come in another way.</param>
        public UserProject(PackageFeed feed, string name, string programSource, string extraProperties = "", string extraItems = "",
            bool nugetOrg = false, bool packageReference = true)
        {
            Name = name;
            Directory = TestPaths.NewTempDirectory("user-" + name);
            _extraProperties = extraProperties;
            _extraItems = (packageReference ? $@"<PackageReference Include=""NonBlocking.Weaver"" Version=""{feed.Version}"" />" : "") + extraItems;
            feed.WriteNugetConfig(Directory, nugetOrg);
            WriteProject();
            File.WriteAllText(ProgramFile, programSource);
        }

        private readonly string _extraProperties;
        private string _extraItems;

        private void WriteProject() => File.WriteAllText(ProjectFile, $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <NoWarn>$(NoWarn);CS1998</NoWarn>
    {_extraProperties}
  </PropertyGroup>
  <ItemGroup>
    {_extraItems}
  </ItemGroup>
</Project>");

        public UserProject WithExtraItems(string items)
        {
            _extraItems += items;
            WriteProject();
            return this;
        }

        public UserProject WithFile(string name, string content)
        {
            File.WriteAllText(Path.Combine(Directory, name), content);
            return this;
        }

        public string Name { get; }
        public string Directory { get; }
        public string ProjectFile => Path.Combine(Directory, Name + ".csproj");
        public string ProgramFile => Path.Combine(Directory, "Program.cs");
        public string OutputAssembly => Path.Combine(Directory, "bin", "Release", "net10.0", Name + ".dll");

        public ProcessRunner.Result Build(params string[] properties)
        {
            var r = TryBuild(properties);
            Assert.True(r.ExitCode == 0, "build failed: " + r);
            return r;
        }

        /// <summary>Builds in Release and returns the outcome, failed or not.</summary>
        public ProcessRunner.Result TryBuild(params string[] properties)
        {
            var args = new List<string> { "build", ProjectFile, "-c", "Release", "-v:n", "-nologo" };
            foreach (var p in properties) args.Add("-p:" + p);
            return ProcessRunner.Run("dotnet", args, Directory);
        }

        public ProcessRunner.Result Run(IDictionary<string, string?>? environment = null)
        {
            var r = ProcessRunner.Run("dotnet", new[] { OutputAssembly }, Directory, environment, TimeSpan.FromMinutes(2));
            Assert.True(r.ExitCode == 0, "app failed: " + r);
            return r;
        }
    }
}

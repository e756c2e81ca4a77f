using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// The packed packages as a feed and a user see them: metadata fit for publishing (README, icon, project URL, tags,
    /// release notes, repository commit), symbols as .snupkg with SourceLink and repository-relative paths, a
    /// reproducible build, what flows to the consumers of a library built with the weaver, and no weaving in an IDE's
    /// design-time build.
    /// </summary>
    [Collection("package-more")]
    public sealed class PackageMetadataTests
    {
        private static readonly Guid SourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        private static readonly string[] Ids = { "NonBlocking.Runtime", "NonBlocking.Weaver", "NonBlocking.Extensions.Logging", "NonBlocking.Fody", "NonBlocking.Tool" };
        private static readonly string[] WithSymbols = { "NonBlocking.Runtime", "NonBlocking.Extensions.Logging", "NonBlocking.Tool" };

        private readonly PackageFeed _feed;

        public PackageMetadataTests(PackageFeed feed) => _feed = feed;

        private string Package(string id, string extension = "nupkg") => Path.Combine(_feed.Feed, $"{id}.{_feed.Version}.{extension}");

        [Fact]
        public void Every_package_carries_its_readme_icon_urls_tags_release_notes_and_commit()
        {
            foreach (var id in Ids)
            {
                using var zip = ZipFile.OpenRead(Package(id));
                var nuspec = XDocument.Load(zip.GetEntry(id + ".nuspec")!.Open());
                XNamespace ns = nuspec.Root!.Name.Namespace;
                var metadata = nuspec.Root.Element(ns + "metadata")!;
                string Value(string name) => (string?)metadata.Element(ns + name) ?? "";

                Assert.Equal("README.md", Value("readme"));
                string readme = new StreamReader(zip.GetEntry("README.md")!.Open()).ReadToEnd();
                Assert.StartsWith("# " + id, readme);
                Assert.Equal("icon.png", Value("icon"));
                var icon = new byte[8];
                using (var s = zip.GetEntry("icon.png")!.Open()) s.ReadExactly(icon);
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, icon);
                Assert.StartsWith("https://", Value("projectUrl"));
                Assert.NotEmpty(Value("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains("0.1.0", Value("releaseNotes"));
                Assert.Equal("MIT", Value("license"));
                var repository = metadata.Element(ns + "repository")!;
                Assert.Equal(Value("projectUrl"), (string?)repository.Attribute("url"));
                Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");
            }
        }

        [Fact]
        public void Symbols_come_as_snupkg_with_sourcelink_to_the_commit_and_repository_relative_paths()
        {
            foreach (var id in WithSymbols)
            {
                Assert.True(File.Exists(Package(id, "snupkg")), id + ".snupkg missing");
                using var zip = ZipFile.OpenRead(Package(id, "snupkg"));
                var pdbs = zip.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(pdbs);
                using var nupkg = ZipFile.OpenRead(Package(id));
                foreach (var entry in pdbs)
                {
                    // Each PDB belongs to a DLL of the package at the same path.
                    Assert.NotNull(nupkg.GetEntry(Path.ChangeExtension(entry.FullName, ".dll")));
                    var bytes = new MemoryStream();
                    using (var s = entry.Open()) s.CopyTo(bytes);
                    bytes.Position = 0;
                    using var provider = MetadataReaderProvider.FromPortablePdbStream(bytes);
                    var pdb = provider.GetMetadataReader();
                    var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
                    Assert.NotEmpty(documents);
                    Assert.All(documents, d => Assert.StartsWith("/_/", d));
                    string sourceLink = pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation)
                        .Where(c => pdb.GetGuid(c.Kind) == SourceLinkKind).Select(c => Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value))).Single();
                    Assert.Matches(@"""/_/\*"":""https://raw\.githubusercontent\.com/[^/]+/[^/]+/[0-9a-f]{40}/\*""", sourceLink);
                }
            }
        }

        [Fact]
        public void The_runtime_builds_byte_for_byte_the_same_from_another_directory()
        {
            // The same sources at the same commit, checked out elsewhere (a git worktree, with the working tree's
            // changes copied in), packed from scratch.
            string dir = Path.Combine(TestPaths.NewTempDirectory("repack"), "tree");
            string Git(params string[] args)
            {
                var r = ProcessRunner.Run("git", args, TestPaths.RepoRoot);
                Assert.True(r.ExitCode == 0, "git failed: " + r);
                return r.StdOut;
            }
            Git("worktree", "add", "--detach", dir, "HEAD");
            try
            {
                foreach (var file in Git("ls-files", "-m", "--others", "--exclude-standard").Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct())
                {
                    string from = Path.Combine(TestPaths.RepoRoot, file), to = Path.Combine(dir, file);
                    if (!File.Exists(from)) { File.Delete(to); continue; }
                    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                    File.Copy(from, to, overwrite: true);
                }
                var pack = ProcessRunner.Run("dotnet", new[] { "pack", Path.Combine(dir, "Runtime/NonBlocking.Runtime.csproj"), "-c", "Release", "-o", Path.Combine(dir, "out"),
                    "-nologo", "-p:NonBlockingVersion=" + _feed.Version, "-p:ContinuousIntegrationBuild=true" }, dir);
                Assert.True(pack.ExitCode == 0, "pack failed: " + pack);
                using var first = ZipFile.OpenRead(Package("NonBlocking.Runtime"));
                using var second = ZipFile.OpenRead(Path.Combine(dir, "out", $"NonBlocking.Runtime.{_feed.Version}.nupkg"));
                var dlls = first.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
                Assert.Equal(2, dlls.Count); // netstandard2.0 and net10.0
                foreach (var entry in dlls)
                    Assert.True(Bytes(entry).SequenceEqual(Bytes(second.GetEntry(entry.FullName)!)), entry.FullName + " differs between two builds");
            }
            finally
            {
                ProcessRunner.Run("git", new[] { "worktree", "remove", "--force", dir }, TestPaths.RepoRoot);
            }
        }

        [Fact]
        public void The_build_task_comes_ReadyToRun_for_each_platform_beside_the_plain_assemblies_and_a_build_here_picks_its_own()
        {
            // The same assemblies six times: IL for every MSBuild (tasks/netstandard2.0), and ReadyToRun-compiled for MSBuild
            // on .NET on each platform whose runtime pack the feed serves (tasks/<rid>), where a fresh build process would
            // otherwise JIT-compile the weave. Each copy's native code must be for its folder's OS and architecture.
            string[] files = { "NonBlocking.Weaver.Tasks.dll", "NonBlocking.Weaver.Engine.dll", "Mono.Cecil.dll" };
            string[] rids = { "linux-x64", "linux-arm64", "win-x64", "osx-x64", "osx-arm64" };
            using (var zip = ZipFile.OpenRead(Package("NonBlocking.Weaver")))
            {
                // MSBuild resolves the task's dependencies beside it: each folder must hold all of them.
                string[] Folder(string name) => zip.Entries.Where(e => e.FullName.StartsWith("tasks/" + name + "/", StringComparison.Ordinal))
                    .Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
                var folders = zip.Entries.Where(e => e.FullName.StartsWith("tasks/", StringComparison.Ordinal))
                    .Select(e => e.FullName.Split('/')[1]).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();
                Assert.Equal(rids.Append("netstandard2.0").OrderBy(n => n, StringComparer.Ordinal), folders);
                foreach (var rid in rids)
                {
                    Assert.Equal(Folder("netstandard2.0"), Folder(rid));
                    foreach (var file in files)
                    {
                        var plain = Identity(zip, "tasks/netstandard2.0/" + file);
                        var r2r = Identity(zip, $"tasks/{rid}/{file}");
                        Assert.False(plain.ReadyToRun, file + " in tasks/netstandard2.0 should be IL only");
                        Assert.True(r2r.ReadyToRun, $"{file} in tasks/{rid} carries no ReadyToRun code");
                        Assert.Equal(plain.Identity, r2r.Identity);
                        Assert.True(MachineOf(rid) == r2r.Machine, $"{file} in tasks/{rid}: native code for machine 0x{r2r.Machine:X4}, not 0x{MachineOf(rid):X4}");
                    }
                }
            }

            var project = new UserProject(_feed, "TaskPick", "public static class Program { public static void Main() { } }");
            var restore = ProcessRunner.Run("dotnet", new[] { "restore", project.ProjectFile, "-nologo" }, project.Directory);
            Assert.True(restore.ExitCode == 0, "restore failed: " + restore);
            var picked = ProcessRunner.Run("dotnet", new[] { "msbuild", project.ProjectFile, "-getProperty:NonBlockingTasksAssembly" }, project.Directory);
            string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            string here = os + "-" + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            Assert.EndsWith($"tasks/{(rids.Contains(here) ? here : "netstandard2.0")}/NonBlocking.Weaver.Tasks.dll", picked.StdOut.Trim().Replace('\\', '/'));
        }

        /// <summary>
        /// The COFF machine a ReadyToRun image for <paramref name="rid"/> declares: the architecture's, XOR the OS's mark
        /// (none for Windows), as crossgen2 writes it so that no other OS loads the native code.
        /// </summary>
        private static ushort MachineOf(string rid)
        {
            var parts = rid.Split('-');
            ushort arch = parts[1] switch { "x64" => 0x8664, "arm64" => 0xAA64, _ => throw new ArgumentException(rid) };
            ushort os = parts[0] switch { "win" => 0, "linux" => 0x7B79, "osx" => 0x4644, _ => throw new ArgumentException(rid) };
            return (ushort)(arch ^ os);
        }

        /// <summary>An assembly's name and version from the package, whether it carries ReadyToRun code, and its COFF machine.</summary>
        private static (string Identity, bool ReadyToRun, ushort Machine) Identity(ZipArchive zip, string path)
        {
            var entry = zip.GetEntry(path);
            Assert.True(entry != null, path + " missing from the package");
            var bytes = new MemoryStream();
            using (var s = entry!.Open()) s.CopyTo(bytes);
            bytes.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(bytes);
            var md = pe.GetMetadataReader();
            var name = md.GetAssemblyDefinition();
            return ($"{md.GetString(name.Name)} {name.Version}", pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0,
                (ushort)pe.PEHeaders.CoffHeader.Machine);
        }

        [Fact]
        public void A_library_built_with_the_weaver_passes_on_only_the_runtime_and_no_design_time_build_weaves()
        {
            const string library = @"using System.Threading;
using System.Threading.Tasks;
namespace Shop
{
    public static class Orders
    {
        public static async Task<int> Count()
        {
            await Task.Yield();
            Thread.Sleep(250);
            return 3;
        }
    }
}
";
            var lib = new UserProject(_feed, "ShopLib", library, "<OutputType>Library</OutputType><PackageId>ShopLib</PackageId><Version>1.0.0</Version>");
            var design = lib.TryBuild("DesignTimeBuild=true");
            Assert.DoesNotContain("NonBlocking: wove", design.StdOut);
            string libFeed = TestPaths.NewTempDirectory("libfeed");
            var pack = ProcessRunner.Run("dotnet", new[] { "pack", lib.ProjectFile, "-c", "Release", "-o", libFeed, "-nologo" }, lib.Directory);
            Assert.True(pack.ExitCode == 0, "pack failed: " + pack);
            Assert.Contains("NonBlocking: wove 1 async method(s)", pack.StdOut);

            // The library's package depends on the weaver without its build step and analyzer.
            using (var zip = ZipFile.OpenRead(Path.Combine(libFeed, "ShopLib.1.0.0.nupkg")))
            {
                var nuspec = XDocument.Load(zip.GetEntry("ShopLib.nuspec")!.Open());
                var dependency = nuspec.Descendants().Single(e => e.Name.LocalName == "dependency");
                Assert.Equal("NonBlocking.Weaver", (string?)dependency.Attribute("id"));
                Assert.Equal("Build,Analyzers", (string?)dependency.Attribute("exclude"));
            }

            // An app on the library: gets the runtime, is not woven itself, sees no NB analyzer, and the library reports.
            const string app = @"using System.Threading;
using System.Threading.Tasks;
public static class Program
{
    public static async Task Main()
    {
        System.Console.WriteLine(""orders: "" + await Shop.Orders.Count());
        Thread.Sleep(10);
    }
}
";
            var consumer = new UserProject(_feed, "ShopApp", app, extraItems: @"<PackageReference Include=""ShopLib"" Version=""1.0.0"" />", packageReference: false)
                .WithFile("nuget.config", File.ReadAllText(Path.Combine(lib.Directory, "nuget.config"))
                    .Replace("<clear />", $"<clear /><add key=\"lib\" value=\"{libFeed}\" />"));
            var build = consumer.Build();
            Assert.DoesNotContain("NonBlocking: wove", build.StdOut);
            Assert.DoesNotContain("NB0001", build.StdOut);
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(consumer.OutputAssembly)!, "NonBlocking.Runtime.dll")));
            var run = consumer.Run();
            Assert.Contains("orders: 3", run.StdOut);
            Assert.Contains("[NonBlocking] Shop.Orders.Count() blocked thread", run.StdErr);
        }

        private static byte[] Bytes(ZipArchiveEntry entry)
        {
            using var s = entry.Open();
            var bytes = new MemoryStream();
            s.CopyTo(bytes);
            return bytes.ToArray();
        }
    }
}

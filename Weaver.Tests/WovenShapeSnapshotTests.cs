using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using ICSharpCode.Decompiler;
using ICSharpCode.Decompiler.CSharp;
using ICSharpCode.Decompiler.Disassembler;
using ICSharpCode.Decompiler.Metadata;
using ICSharpCode.Decompiler.TypeSystem;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// What the weave writes, as a reviewer reads it: each async shape's woven state machine decompiled to C# (and to IL
    /// where the probe's handling of a call's result is the point), compared with an approved file in
    /// Weaver.Tests/Approved/WovenShapes/. A change of the emitted code fails here with a diff and a *.received.* file
    /// beside the approved one; `NONBLOCKING_APPROVE=1 dotnet test Weaver.Tests --filter WovenShapeSnapshotTests`
    /// approves the new output (review the git diff of the approved files).
    /// </summary>
    public sealed class WovenShapeSnapshotTests
    {
        private const string RefApi = "AsyncShapes.RefReturns.CellSync";

        /// <summary>Shape name, configuration, declaring type, async method, and whether the IL is kept too.</summary>
        public static IEnumerable<object[]> Shapes() => new[]
        {
            new object[] { "Task", "Release", "AsyncShapes.Scenarios", "AppendAsync", false },
            new object[] { "TaskOfT", "Release", "AsyncShapes.Scenarios", "AddAsync", false },
            new object[] { "TaskOfT.ClassMachine", "Debug", "AsyncShapes.Scenarios", "AddAsync", false },
            new object[] { "ValueTask", "Release", "AsyncShapes.Scenarios", "CompletedValueTask", false },
            new object[] { "ValueTaskOfT", "Release", "AsyncShapes.Scenarios", "ValueTaskOfInt", false },
            new object[] { "AsyncVoid", "Release", "AsyncShapes.Scenarios", "FireAndForget", false },
            new object[] { "AsyncIterator", "Release", "AsyncShapes.Scenarios", "Numbers", false },
            new object[] { "AsyncLambda", "Release", "AsyncShapes.Scenarios+<>c", "<AsyncLambda>b__", false },
            new object[] { "LocalFunction", "Release", "AsyncShapes.Scenarios+<>c__DisplayClass7_0", "<LocalFunction>g__Local|", false },
            new object[] { "StaticLocalFunction", "Release", "AsyncShapes.Scenarios", "<LocalFunction>g__StaticLocal|", false },
            new object[] { "GenericMethod", "Release", "AsyncShapes.Scenarios", "EchoAsync", false },
            new object[] { "GenericType", "Release", "AsyncShapes.Box`1", "GetAsync", false },
            new object[] { "TryCatchFinally", "Release", "AsyncShapes.Scenarios", "TryCatchFinally", false },
            new object[] { "TryCatchFinally.ClassMachine", "Debug", "AsyncShapes.Scenarios", "TryCatchFinally", false },
            new object[] { "BlockingCallResults", "Release", "AsyncShapes.Scenarios", "BlockingCallResults", true },
            new object[] { "ByRefBlockingCall", "Release", "AsyncShapes.RefReturns", "BumpAsync", true },
            new object[] { "OptedOut", "Release", "AsyncShapes.OptedOut", "SleepyAsync", false },
            new object[] { "LibraryCalls", "Release", "AsyncShapes.LibraryCalls", "AwaitAll", true },
        };

        private static readonly Dictionary<string, string> WovenByConfiguration = new Dictionary<string, string>();

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Woven_shape_matches_its_approved_decompiled_output(string shape, string configuration, string type, string method, bool withIl)
        {
            string woven = Woven(configuration);
            var received = new StringBuilder();
            var decompiler = Decompiler(woven);
            var machine = StateMachine(decompiler, type, method);
            received.Append(Normalize(decompiler.DecompileAsString(machine.MetadataToken)));
            if (withIl)
            {
                received.Append("\n// ---- IL of MoveNext ----\n");
                received.Append(Normalize(Il(woven, machine)));
            }
            Approve(shape + "." + configuration, received.ToString());
        }

        private static string Woven(string configuration)
        {
            lock (WovenByConfiguration)
            {
                if (!WovenByConfiguration.TryGetValue(configuration, out var path))
                    WovenByConfiguration[configuration] = path = Support.Woven.Copy(TestPaths.TestAssembly("AsyncShapes", configuration),
                        purpose: "snapshot-" + configuration, blockingApis: new[] { RefApi });
                return path;
            }
        }

        private static CSharpDecompiler Decompiler(string path)
        {
            var module = new PEFile(path);
            var resolver = new UniversalAssemblyResolver(path, false, module.DetectTargetFrameworkId());
            resolver.AddSearchDirectory(Path.GetDirectoryName(TestPaths.RuntimeAssembly)!);
            var settings = new DecompilerSettings
            {
                AsyncAwait = false, AsyncEnumerator = false, YieldReturn = false, ThrowOnAssemblyResolveErrors = false,
                ShowXmlDocumentation = false, UsingDeclarations = true,
            };
            return new CSharpDecompiler(module, resolver, settings);
        }

        /// <summary>The compiler-generated state machine of the first async method of <paramref name="type"/> whose name starts so.</summary>
        private static ITypeDefinition StateMachine(CSharpDecompiler decompiler, string type, string method)
        {
            var owner = decompiler.TypeSystem.MainModule.GetTypeDefinition(new FullTypeName(type))
                        ?? throw new InvalidOperationException(type + " not found");
            var kickoff = owner.Methods.Where(m => m.Name.StartsWith(method, StringComparison.Ordinal)).OrderBy(m => m.Name, StringComparer.Ordinal)
                .FirstOrDefault(m => m.GetAttributes().Any(a => a.AttributeType.Name.EndsWith("StateMachineAttribute", StringComparison.Ordinal)))
                ?? throw new InvalidOperationException($"no async method {method} on {type}");
            var attribute = kickoff.GetAttributes().First(a => a.AttributeType.Name.EndsWith("StateMachineAttribute", StringComparison.Ordinal));
            var machineType = (IType)attribute.FixedArguments[0].Value!;
            return machineType.GetDefinition() ?? throw new InvalidOperationException("state machine of " + method + " not found");
        }

        private static string Il(string path, ITypeDefinition machine)
        {
            var moveNext = machine.Methods.Single(m => m.Name == "MoveNext");
            using var module = new PEFile(path);
            var output = new PlainTextOutput();
            var disassembler = new ReflectionDisassembler(output, default) { ShowSequencePoints = false };
            disassembler.DisassembleMethod(module, (MethodDefinitionHandle)moveNext.MetadataToken);
            return output.ToString();
        }

        /// <summary>
        /// Line ends and trailing blanks; RVAs; and site fields renumbered by first use in the file, so adding a shape
        /// elsewhere in the test assembly does not touch every approved file (the same site still reads the same).
        /// </summary>
        private static string Normalize(string text)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => !l.TrimStart().StartsWith("// Method begins at RVA", StringComparison.Ordinal));
            var renamed = new Dictionary<string, string>();
            string joined = System.Text.RegularExpressions.Regex.Replace(string.Join("\n", lines), @"(?<=Sites'?[.:]+)([SB])(\d+)\b", m =>
            {
                if (!renamed.TryGetValue(m.Value, out var name))
                    renamed[m.Value] = name = m.Groups[1].Value + (renamed.Keys.Count(k => k[0] == m.Value[0]) + 1);
                return name;
            });
            return joined.Trim() + "\n";
        }

        private static void Approve(string name, string received)
        {
            string folder = TestPaths.Source("Weaver.Tests/Approved/WovenShapes");
            string approvedPath = Path.Combine(folder, name + ".approved.cs");
            string receivedPath = Path.Combine(folder, name + ".received.cs");
            if (Environment.GetEnvironmentVariable("NONBLOCKING_APPROVE") == "1")
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(approvedPath, received);
                if (File.Exists(receivedPath)) File.Delete(receivedPath);
                return;
            }
            string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : "";
            if (approved == received)
            {
                if (File.Exists(receivedPath)) File.Delete(receivedPath);
                return;
            }
            File.WriteAllText(receivedPath, received);
            var diff = InlineDiffBuilder.Diff(approved, received);
            var shown = diff.Lines.Where(l => l.Type != ChangeType.Unchanged).Take(60)
                .Select(l => (l.Type == ChangeType.Inserted ? "+ " : l.Type == ChangeType.Deleted ? "- " : "  ") + l.Text);
            Assert.Fail($"{name}: the woven code differs from {approvedPath} (received: {receivedPath}). If the change is " +
                        "intended, approve it with NONBLOCKING_APPROVE=1 dotnet test Weaver.Tests --filter WovenShapeSnapshotTests\n" +
                        string.Join("\n", shown));
        }
    }
}

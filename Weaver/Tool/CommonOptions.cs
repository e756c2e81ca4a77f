using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NonBlocking.Weaver;

namespace NonBlocking.Tool
{
    /// <summary>The arguments both commands share, and how they become engine options.</summary>
    internal static class CommonOptions
    {
        public static Argument<FileInfo> Assembly() => new Argument<FileInfo>("assembly")
        {
            Description = "The .dll to read (a managed assembly; its .pdb next to it gives file:line).",
        };

        public static Option<string[]> References() => new Option<string[]>("--reference", "-r")
        {
            Description = "An assembly or a folder of assemblies to resolve references from (repeatable). The input's own folder is always searched.",
            AllowMultipleArgumentsPerToken = true,
        };

        public static Option<string[]> BlockingApis() => new Option<string[]>("--blocking-api")
        {
            Description = "Another API to treat as blocking, as Namespace.Type.Member (repeatable; nested types Outer+Inner).",
            AllowMultipleArgumentsPerToken = true,
        };

        public static Option<string[]> NotBlockingApis() => new Option<string[]>("--not-blocking")
        {
            Description = "An API that never blocks, though the catalog or the async-counterpart rule would say so: Namespace.Type.Member, or Namespace.Type.* for all its members (repeatable).",
            AllowMultipleArgumentsPerToken = true,
        };

        public static Option<int> MaxDepth() => new Option<int>("--max-depth")
        {
            Description = "Longest chain of sync calls followed from an async method.",
            DefaultValueFactory = _ => 16,
        };

        /// <summary>Every .dll in the input's folder and in the given folders, plus the given files.</summary>
        public static List<string> ReferencePaths(FileInfo assembly, IEnumerable<string> given)
        {
            var paths = new List<string>();
            void AddFolder(string folder) => paths.AddRange(Directory.GetFiles(folder, "*.dll"));
            AddFolder(assembly.DirectoryName!);
            foreach (var entry in given)
            {
                if (Directory.Exists(entry)) AddFolder(entry);
                else if (File.Exists(entry)) paths.Add(Path.GetFullPath(entry));
                else throw new UsageException($"reference '{entry}' is neither a file nor a folder");
            }
            return paths.Where(p => !string.Equals(Path.GetFullPath(p), assembly.FullName, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>Prints each diagnostic in the compiler's format (file(line,col): severity CODE: message) and says whether any is an error.</summary>
        public static bool Print(IEnumerable<Diagnostic> diagnostics)
        {
            bool errors = false;
            foreach (var d in diagnostics)
            {
                errors |= d.Severity == DiagnosticSeverity.Error;
                (d.Severity == DiagnosticSeverity.Info ? Console.Out : Console.Error).WriteLine(d.ToString());
            }
            return errors;
        }

        public static int FailUsage(string message)
        {
            Console.Error.WriteLine("nonblocking: " + message);
            return Program.Usage;
        }
    }

    internal sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message) { }
    }
}

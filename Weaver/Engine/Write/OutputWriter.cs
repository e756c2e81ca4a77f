using System;
using System.IO;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Read;

namespace NonBlocking.Weaver.Write
{
    /// <summary>
    /// Writes the woven module and its symbols beside the destination under temporary names, then moves them into
    /// place: a failure at any point leaves the original assembly and PDB as they were.
    /// </summary>
    internal static class OutputWriter
    {
        public static void Write(InputAssembly input, string destination, string? keyFile, bool delaySign)
        {
            byte[]? key = ReadKey(keyFile, delaySign);
            string finalPdb = Path.ChangeExtension(destination, ".pdb");
            string tempDll = destination + ".nonblocking-tmp";
            string tempPdb = finalPdb + ".nonblocking-tmp";
            try
            {
                // Symbols written to a stream are recorded in the assembly by file name only ("App.pdb"), not by
                // a full path: the output is the same wherever it is built, and the runtime and debuggers still
                // find the PDB beside the assembly.
                // Sized for the woven output at once (probes add a few per cent; the site table a little more): a
                // stream that doubles its way up to a large assembly leaves a trail of large-object-heap arrays, and
                // on 2026-12-06 that trail set off a full collection in every weave of bench/WeaveCost.
                var dll = new MemoryStream(input.ImageSize + input.ImageSize / 2);
                var pdb = input.Symbols == SymbolForm.PortableFile ? new MemoryStream(input.SymbolsSize + input.SymbolsSize / 2) : null;
                var parameters = new WriterParameters { DeterministicMvid = true };
                if (input.Symbols != SymbolForm.None)
                {
                    parameters.WriteSymbols = true;
                    // An embedded PDB goes inside the assembly; the stream only steers Cecil to the stream overload.
                    parameters.SymbolStream = pdb ?? new MemoryStream();
                    parameters.SymbolWriterProvider = input.Symbols == SymbolForm.Embedded
                        ? new EmbeddedPdbToStream()
                        : (ISymbolWriterProvider)new PortablePdbWriterProvider();
                }
                if (key != null) parameters.StrongNameKeyBlob = key;
                input.Module.Write(dll, parameters);

                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
                WriteFile(tempDll, dll);
                if (pdb != null) WriteFile(tempPdb, pdb);
                Replace(tempDll, destination);
                if (pdb != null) Replace(tempPdb, finalPdb);
            }
            catch (Exception e) when (!(e is WeaveException))
            {
                throw new WeaveException(DiagnosticCodes.WriteFailed,
                    $"{destination}: could not write the woven assembly ({e.GetType().Name}: {e.Message}). The original was left unchanged; check the folder is writable and no process holds the file, then build again.", e);
            }
            finally
            {
                TryDelete(tempDll);
                TryDelete(tempPdb);
            }
        }

        /// <summary>The stream's buffer straight to disk: ToArray would copy a large assembly once more.</summary>
        private static void WriteFile(string path, MemoryStream content)
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            content.WriteTo(file);
        }

        private static void TryDelete(string path)
        {
            try { if (File.Exists(path)) File.Delete(path); }
            catch (IOException) { /* a stray temp file is harmless and not worth failing the build for */ }
            catch (UnauthorizedAccessException) { }
        }

        private static void Replace(string source, string destination)
        {
            // rename(2) on Unix, ReplaceFile on Windows: readers see the old file or the new one, never a mix.
            if (File.Exists(destination)) File.Replace(source, destination, null);
            else File.Move(source, destination);
        }

        private static byte[]? ReadKey(string? keyFile, bool delaySign)
        {
            if (string.IsNullOrEmpty(keyFile) || delaySign) return null;
            try
            {
                return File.ReadAllBytes(keyFile);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new WeaveException(DiagnosticCodes.KeyUnreadable,
                    $"{keyFile}: the strong-name key could not be read ({e.Message}). Check AssemblyOriginatorKeyFile, or set DelaySign.", e);
            }
        }
    }
}

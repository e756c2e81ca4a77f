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
            string dir = Path.GetDirectoryName(Path.GetFullPath(destination))!;
            // Same file names in a private folder: the PDB path recorded in the assembly keeps the right file name.
            string tempDir = Path.Combine(dir, ".nonblocking-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string tempDll = Path.Combine(tempDir, Path.GetFileName(destination));
            string tempPdb = Path.ChangeExtension(tempDll, ".pdb");
            string finalPdb = Path.ChangeExtension(destination, ".pdb");
            try
            {
                Directory.CreateDirectory(tempDir);
                var parameters = new WriterParameters { DeterministicMvid = true };
                if (input.Symbols != SymbolForm.None)
                {
                    parameters.WriteSymbols = true;
                    parameters.SymbolWriterProvider = input.Symbols == SymbolForm.Embedded
                        ? new EmbeddedPortablePdbWriterProvider()
                        : (ISymbolWriterProvider)new PortablePdbWriterProvider();
                }
                if (key != null) parameters.StrongNameKeyBlob = key;
                input.Module.Write(tempDll, parameters);

                Replace(tempDll, destination);
                if (input.Symbols == SymbolForm.PortableFile && File.Exists(tempPdb)) Replace(tempPdb, finalPdb);
            }
            catch (Exception e) when (!(e is WeaveException))
            {
                throw new WeaveException(DiagnosticCodes.WriteFailed,
                    $"{destination}: could not write the woven assembly ({e.GetType().Name}: {e.Message}). The original was left unchanged; check the folder is writable and no process holds the file, then build again.", e);
            }
            finally
            {
                try { if (Directory.Exists(tempDir)) Directory.Delete(tempDir, recursive: true); }
                catch (IOException) { /* a stray temp folder is harmless and is not worth failing the build for */ }
                catch (UnauthorizedAccessException) { }
            }
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

using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace NonBlocking.Tests.Support
{
    /// <summary>
    /// Checks an assembly's strong-name signature the way .NET Framework's loader does (ECMA-335 II.6.2.1.3):
    /// SHA-1 over the headers and section data with the checksum, the certificate-table entry and the signature
    /// blob left out, verified with the assembly's own public key. .NET (Core) no longer validates signatures,
    /// so without this a broken re-sign would go unnoticed until a .NET Framework user loaded the assembly.
    /// </summary>
    internal static class StrongNameVerifier
    {
        public static bool HasValidSignature(string path)
        {
            byte[] image = File.ReadAllBytes(path);
            using var pe = new PEReader(new MemoryStream(image));
            var headers = pe.PEHeaders;
            var cor = headers.CorHeader!;
            if (cor.StrongNameSignatureDirectory.Size == 0) return false;
            var metadata = pe.GetMetadataReader();
            byte[] publicKey = metadata.GetBlobBytes(metadata.GetAssemblyDefinition().PublicKey);
            if (publicKey.Length < 12 + 20) return false;

            byte[] copy = (byte[])image.Clone();
            int optionalHeader = headers.PEHeaderStartOffset;
            Array.Clear(copy, optionalHeader + 64, 4); // CheckSum
            int directories = optionalHeader + (headers.PEHeader!.Magic == PEMagic.PE32Plus ? 112 : 96);
            Array.Clear(copy, directories + 4 * 8, 8); // Certificate Table entry

            if (!headers.TryGetDirectoryOffset(cor.StrongNameSignatureDirectory, out int sigOffset)) return false;
            int sigSize = cor.StrongNameSignatureDirectory.Size;
            byte[] signature = image.Skip(sigOffset).Take(sigSize).Reverse().ToArray();

            using var sha = SHA1.Create();
            using var data = new MemoryStream();
            // Headers count up to the end of the section table, without their alignment padding.
            int headerSize = optionalHeader + headers.CoffHeader.SizeOfOptionalHeader + 40 * headers.CoffHeader.NumberOfSections;
            data.Write(copy, 0, headerSize);
            foreach (var section in headers.SectionHeaders)
            {
                int start = section.PointerToRawData, end = start + section.SizeOfRawData;
                if (sigOffset >= start && sigOffset < end)
                {
                    data.Write(copy, start, sigOffset - start);
                    data.Write(copy, sigOffset + sigSize, end - sigOffset - sigSize);
                }
                else data.Write(copy, start, section.SizeOfRawData);
            }
            byte[] hash = sha.ComputeHash(data.ToArray());

            using var rsa = RSA.Create();
            rsa.ImportParameters(FromCapiPublicKey(publicKey.AsSpan(12)));
            return rsa.VerifyHash(hash, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
        }

        /// <summary>PUBLICKEYBLOB: BLOBHEADER(8) RSAPUBKEY("RSA1", bitlen, pubexp) modulus (little-endian).</summary>
        private static RSAParameters FromCapiPublicKey(ReadOnlySpan<byte> blob)
        {
            int bitLength = BitConverter.ToInt32(blob.Slice(12, 4));
            uint exponent = BitConverter.ToUInt32(blob.Slice(16, 4));
            byte[] modulus = blob.Slice(20, bitLength / 8).ToArray();
            Array.Reverse(modulus);
            byte[] exp = BitConverter.GetBytes(exponent).Reverse().SkipWhile(b => b == 0).ToArray();
            return new RSAParameters { Modulus = modulus, Exponent = exp };
        }
    }
}

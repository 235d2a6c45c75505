using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using StsTools.Engine.Errors;
using StsTools.Engine.RolesAnywhere.Keys;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>Reads certificates from PEM (one or a bundle) or DER files, with errors that say which file and why.</summary>
    public static class CertificateFiles
    {
        /// <summary>The first certificate of a PEM or DER file.</summary>
        public static X509Certificate2 ReadCertificate(string path) => ReadAll(path, "certificate").First();

        /// <summary>Every certificate of each PEM bundle (or DER file), in order: the intermediates to send.</summary>
        public static IReadOnlyList<X509Certificate2> ReadBundle(IEnumerable<string> paths) =>
            paths.SelectMany(p => ReadAll(p, "intermediate certificate")).ToList();

        private static IReadOnlyList<X509Certificate2> ReadAll(string path, string what)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                var missing = e is FileNotFoundException || e is DirectoryNotFoundException;
                throw new StsToolsException(missing ? "CertificateFileNotFound" : "CertificateFileUnreadable",
                    missing ? ErrorKind.ObjectNotFound : ErrorKind.ReadError, $"Cannot read the {what} file '{path}': {e.Message}") { Target = path };
            }

            var certificates = new List<X509Certificate2>();
            try
            {
                var text = Encoding.ASCII.GetString(bytes);
                if (text.IndexOf("-----BEGIN", StringComparison.Ordinal) >= 0)
                {
                    foreach (var block in PemBlock.ReadAll(text).Where(b => b.Label == "CERTIFICATE" || b.Label == "TRUSTED CERTIFICATE"))
                    {
                        certificates.Add(new X509Certificate2(block.Der));
                    }
                }
                else if (bytes.Length > 0 && bytes[0] == DerReader.Sequence)
                {
                    certificates.Add(new X509Certificate2(bytes));
                }
            }
            catch (CryptographicException)
            {
                certificates.Clear();
            }

            if (certificates.Count == 0)
            {
                throw new StsToolsException("InvalidCertificateFile", ErrorKind.InvalidData,
                    $"'{path}' is not an X.509 certificate file (expected PEM with BEGIN CERTIFICATE, or DER).")
                { Target = path };
            }

            return certificates;
        }
    }
}

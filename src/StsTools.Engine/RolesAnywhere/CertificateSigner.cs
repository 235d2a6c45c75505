using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using StsTools.Engine.Errors;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>An X509Certificate2 that carries its private key: from a certificate store (Windows CurrentUser or
    /// LocalMachine; the key may be non-exportable, it is only asked to sign), a PKCS#12 file, or the pipeline.</summary>
    public sealed class CertificateSigner : KeySigner
    {
        // X509KeyStorageFlags.EphemeralKeySet (not in netstandard2.0's enum): keep a PKCS#12 key in memory instead of
        // the user's key store, so the decrypted key is never written to disk.
        private const X509KeyStorageFlags EphemeralKeySet = (X509KeyStorageFlags)32;

        private CertificateSigner(X509Certificate2 certificate, AsymmetricAlgorithm key, IReadOnlyList<X509Certificate2> intermediates, string keySource)
            : base(certificate, key, intermediates, keySource)
        {
        }

        public static CertificateSigner FromCertificate(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> intermediates, string? keySource = null)
        {
            CertificateChecks.CheckKeyType(certificate);
            var source = keySource ?? $"certificate {certificate.Thumbprint}";
            if (!certificate.HasPrivateKey)
            {
                throw new StsToolsException("CertificateHasNoPrivateKey", ErrorKind.InvalidArgument,
                    $"The certificate {certificate.Subject} ({certificate.Thumbprint}) has no private key attached: Roles Anywhere needs the key to sign.")
                {
                    Target = certificate.Thumbprint,
                    Remedy = "Use a certificate from a store or PKCS#12 file that holds its key, or give -CertificatePath with -PrivateKeyPath.",
                };
            }

            AsymmetricAlgorithm? key;
            try
            {
                key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey();
            }
            catch (CryptographicException e)
            {
                throw new StsToolsException("PrivateKeyUnavailable", ErrorKind.PermissionDenied,
                    $"The private key of {certificate.Subject} ({certificate.Thumbprint}) cannot be opened: {e.Message}")
                { Target = certificate.Thumbprint, Remedy = "Check that this account may use the key (certificate store permissions)." };
            }

            if (key == null)
            {
                throw new StsToolsException("UnsupportedKeyAlgorithm", ErrorKind.InvalidData,
                    $"The private key of {certificate.Subject} is neither RSA nor ECDSA.") { Target = certificate.Thumbprint };
            }

            var signer = new CertificateSigner(certificate, key, intermediates, source);
            CertificateChecks.CheckKeyMatches(signer, source);
            return signer;
        }

        /// <summary>A PKCS#12 (.p12/.pfx) file with a password (or none): the certificate that has a key signs, the
        /// other CA certificates of the file (not self-signed roots) become the chain, followed by <paramref name="extraIntermediates"/>.</summary>
        public static CertificateSigner FromPkcs12(string path, SecureString? password, IReadOnlyList<X509Certificate2> extraIntermediates)
        {
            byte[] bytes;
            try
            {
                bytes = System.IO.File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                var missing = e is System.IO.FileNotFoundException || e is System.IO.DirectoryNotFoundException;
                throw new StsToolsException(missing ? "Pkcs12FileNotFound" : "Pkcs12FileUnreadable", missing ? ErrorKind.ObjectNotFound : ErrorKind.ReadError,
                    $"Cannot read the PKCS#12 file '{path}': {e.Message}") { Target = path };
            }

            X509ContentType type;
            try
            {
                type = X509Certificate2.GetCertContentType(bytes);
            }
            catch (CryptographicException)
            {
                type = X509ContentType.Unknown;
            }

            if (type != X509ContentType.Pkcs12)
            {
                throw new StsToolsException("InvalidPkcs12File", ErrorKind.InvalidData,
                    $"'{path}' is not a PKCS#12 (.p12/.pfx) file.") { Target = path };
            }

            var collection = new X509Certificate2Collection();
            // The collection API takes the password as a string only; it lives as briefly as this call.
            var text = password == null ? null : new System.Net.NetworkCredential(string.Empty, password).Password;
            try
            {
                try
                {
                    collection.Import(bytes, text, EphemeralKeySet);
                }
                catch (Exception e) when (e is PlatformNotSupportedException || e is ArgumentException)
                {
                    // macOS cannot keep keys ephemeral, and .NET Framework before 4.7.2 does not know the flag: fall back to
                    // the default import (on Windows a temporary key container, removed when the certificate is disposed).
                    collection.Import(bytes, text, X509KeyStorageFlags.DefaultKeySet);
                }
            }
            catch (CryptographicException)
            {
                throw new StsToolsException("WrongPkcs12Password", ErrorKind.AuthenticationError,
                    $"The password does not open the PKCS#12 file '{path}'.")
                { Target = path, Remedy = "Give the file's password with -Password (as a SecureString: Read-Host -AsSecureString)." };
            }

            var leaf = collection.Cast<X509Certificate2>().FirstOrDefault(c => c.HasPrivateKey);
            if (leaf == null)
            {
                throw new StsToolsException("CertificateHasNoPrivateKey", ErrorKind.InvalidData,
                    $"The PKCS#12 file '{path}' holds no certificate with its private key.") { Target = path };
            }

            var chain = collection.Cast<X509Certificate2>()
                .Where(c => !ReferenceEquals(c, leaf) && !c.SubjectName.RawData.SequenceEqual(c.IssuerName.RawData))
                .Concat(extraIntermediates)
                .ToList();
            return FromCertificate(leaf, chain, path);
        }

        /// <summary>A certificate with its key from a store, by SHA-1 thumbprint (spaces and colons ignored).</summary>
        public static CertificateSigner FromStore(string thumbprint, StoreLocation location, string storeName, IReadOnlyList<X509Certificate2> intermediates)
        {
            var normalized = new string(thumbprint.Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '\u200E').ToArray()).ToUpperInvariant();
            if (normalized.Length != 40 || !normalized.All(Uri.IsHexDigit))
            {
                throw new StsToolsException("InvalidThumbprint", ErrorKind.InvalidArgument,
                    $"'{thumbprint}' is not a certificate thumbprint (40 hexadecimal digits, the SHA-1 of the certificate).") { Target = thumbprint };
            }

            X509Certificate2? found;
            try
            {
                using (var store = new X509Store(storeName, location))
                {
                    store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                    found = store.Certificates.Find(X509FindType.FindByThumbprint, normalized, validOnly: false).Cast<X509Certificate2>().FirstOrDefault();
                }
            }
            catch (CryptographicException)
            {
                // A store that does not exist (OpenExistingOnly) or that this platform does not have holds no such certificate.
                found = null;
            }
            catch (PlatformNotSupportedException)
            {
                found = null;
            }

            if (found == null)
            {
                throw new StsToolsException("CertificateNotInStore", ErrorKind.ObjectNotFound,
                    $"No certificate with thumbprint {normalized} is in the {location}\\{storeName} store.")
                {
                    Target = normalized,
                    Remedy = $"List the store's certificates: Get-ChildItem Cert:\\{location}\\{storeName} (Windows), or give -Pkcs12Path / -CertificatePath.",
                };
            }

            return FromCertificate(found, intermediates, $"{location}\\{storeName}\\{normalized}");
        }
    }
}

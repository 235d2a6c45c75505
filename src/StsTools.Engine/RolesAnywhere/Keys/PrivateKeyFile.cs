using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using StsTools.Engine.Errors;

namespace StsTools.Engine.RolesAnywhere.Keys
{
    /// <summary>
    /// Reads a PEM private key: PKCS#1 (<c>RSA PRIVATE KEY</c>), SEC1 (<c>EC PRIVATE KEY</c>), PKCS#8
    /// (<c>PRIVATE KEY</c>) and encrypted PKCS#8 (<c>ENCRYPTED PRIVATE KEY</c>), into an RSA or ECDsa object held in
    /// memory only. Every buffer that held key material is cleared before returning. Error messages name the file
    /// and what was wrong with it, never its contents.
    /// </summary>
    internal static class PrivateKeyFile
    {
        internal static AsymmetricAlgorithm Read(string path, SecureString? password)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new StsToolsException(e is FileNotFoundException || e is DirectoryNotFoundException ? "PrivateKeyFileNotFound" : "PrivateKeyFileUnreadable",
                    e is FileNotFoundException || e is DirectoryNotFoundException ? ErrorKind.ObjectNotFound : ErrorKind.ReadError,
                    $"Cannot read the private key file '{path}': {e.Message}") { Target = path };
            }

            var block = PemBlock.ReadAll(text).FirstOrDefault(b => b.Label.EndsWith("PRIVATE KEY", StringComparison.Ordinal));
            if (block == null)
            {
                throw new StsToolsException("InvalidPrivateKeyFile", ErrorKind.InvalidData,
                    $"'{path}' holds no PEM private key (expected BEGIN PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY).")
                { Target = path };
            }

            var der = block.Der;
            try
            {
                if (block.HasEncryptionHeaders)
                {
                    throw new StsToolsException("UnsupportedPrivateKeyEncryption", ErrorKind.InvalidData,
                        $"The private key in '{path}' uses OpenSSL's legacy PEM encryption (Proc-Type/DEK-Info).")
                    {
                        Target = path,
                        Remedy = $"Convert it to encrypted PKCS#8: openssl pkcs8 -topk8 -v2 aes-256-cbc -in '{path}' -out key-pkcs8.pem",
                    };
                }

                switch (block.Label)
                {
                    case "RSA PRIVATE KEY":
                        return Rsa(der, path);
                    case "EC PRIVATE KEY":
                        return Ec(der, null, path);
                    case "PRIVATE KEY":
                        return Pkcs8(der, path);
                    case "ENCRYPTED PRIVATE KEY":
                        if (password == null)
                        {
                            throw new StsToolsException("PrivateKeyPasswordRequired", ErrorKind.InvalidArgument,
                                $"The private key in '{path}' is encrypted: give its password with -PrivateKeyPassword.")
                            { Target = path };
                        }

                        var secret = PasswordBytes(password);
                        byte[]? plain = null;
                        try
                        {
                            plain = EncryptedPkcs8.Decrypt(der, secret, path);
                            try
                            {
                                return Pkcs8(plain, path);
                            }
                            catch (StsToolsException e) when (e.ErrorId == "InvalidPrivateKeyFile")
                            {
                                // Garbage that happened to end in valid padding: still the wrong password.
                                throw EncryptedPkcs8.WrongPassword(path);
                            }
                        }
                        finally
                        {
                            Array.Clear(secret, 0, secret.Length);
                            if (plain != null)
                            {
                                Array.Clear(plain, 0, plain.Length);
                            }
                        }

                    case "DSA PRIVATE KEY":
                        throw UnsupportedAlgorithm("DSA", path);
                    default:
                        throw new StsToolsException("InvalidPrivateKeyFile", ErrorKind.InvalidData,
                            $"'{path}' holds a '{block.Label}' block, not a private key this module reads.") { Target = path };
                }
            }
            finally
            {
                Array.Clear(der, 0, der.Length);
            }
        }

        internal static StsToolsException UnsupportedAlgorithm(string what, string? target) =>
            new StsToolsException("UnsupportedKeyAlgorithm", ErrorKind.InvalidData,
                $"The key is {what}: IAM Roles Anywhere signs with RSA (2048 bits or more) or EC P-256/P-384 keys only.")
            { Target = target, Remedy = "Issue the certificate for an RSA-2048+ or EC P-256/P-384 key." };

        /// <summary>The password as UTF-8 bytes (what OpenSSL derives keys from); the caller clears them.</summary>
        internal static byte[] PasswordBytes(SecureString password)
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(password);
            var chars = new char[password.Length];
            try
            {
                Marshal.Copy(pointer, chars, 0, chars.Length);
                return Encoding.UTF8.GetBytes(chars);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        private static AsymmetricAlgorithm Pkcs8(byte[] der, string path)
        {
            string algorithm;
            string? curve = null;
            byte[] inner;
            try
            {
                var info = new DerReader(der).ReadConstructed();
                info.ReadSmallInteger();
                var id = info.ReadConstructed();
                algorithm = id.ReadOid();
                if (id.HasData && id.PeekTag() == DerReader.ObjectIdentifier)
                {
                    curve = id.ReadOid();
                }

                inner = info.ReadBytes(DerReader.OctetString);
            }
            catch (FormatException)
            {
                throw Malformed(path);
            }

            try
            {
                switch (algorithm)
                {
                    case KeyAlgorithms.Rsa:
                        return Rsa(inner, path);
                    case KeyAlgorithms.Ec:
                        return Ec(inner, curve, path);
                    default:
                        throw UnsupportedAlgorithm(KeyAlgorithms.Describe(algorithm), path);
                }
            }
            finally
            {
                Array.Clear(inner, 0, inner.Length);
            }
        }

        private static RSA Rsa(byte[] der, string path)
        {
            RSAParameters p;
            try
            {
                var key = new DerReader(der).ReadConstructed();
                key.ReadSmallInteger();
                var modulus = key.ReadUnsignedInteger();
                var exponent = key.ReadUnsignedInteger();
                var half = (modulus.Length + 1) / 2;
                p = new RSAParameters
                {
                    Modulus = modulus,
                    Exponent = exponent,
                    // The platform wants D as long as the modulus and the CRT values half as long: DER drops leading zeros.
                    D = Pad(key.ReadUnsignedInteger(), modulus.Length),
                    P = Pad(key.ReadUnsignedInteger(), half),
                    Q = Pad(key.ReadUnsignedInteger(), half),
                    DP = Pad(key.ReadUnsignedInteger(), half),
                    DQ = Pad(key.ReadUnsignedInteger(), half),
                    InverseQ = Pad(key.ReadUnsignedInteger(), half),
                };
            }
            catch (FormatException)
            {
                throw Malformed(path);
            }

            var rsa = RSA.Create();
            try
            {
                rsa.ImportParameters(p);
                return rsa;
            }
            catch (CryptographicException)
            {
                rsa.Dispose();
                throw Malformed(path);
            }
            finally
            {
                Clear(p.D, p.P, p.Q, p.DP, p.DQ, p.InverseQ);
            }
        }

        private static ECDsa Ec(byte[] der, string? curveFromPkcs8, string path)
        {
            byte[] d;
            string? curve = curveFromPkcs8;
            byte[]? publicPoint = null;
            try
            {
                var key = new DerReader(der).ReadConstructed();
                key.ReadSmallInteger();
                d = key.ReadBytes(DerReader.OctetString);
                while (key.HasData)
                {
                    var tag = key.PeekTag();
                    if (tag == 0xA0)
                    {
                        curve = key.ReadConstructed(0xA0).ReadOid();
                    }
                    else if (tag == 0xA1)
                    {
                        publicPoint = key.ReadConstructed(0xA1).ReadBitString();
                    }
                    else
                    {
                        key.Skip();
                    }
                }
            }
            catch (FormatException)
            {
                throw Malformed(path);
            }

            if (curve == null)
            {
                throw Malformed(path);
            }

            var size = KeyAlgorithms.CurveSize(curve);
            if (size == 0)
            {
                Array.Clear(d, 0, d.Length);
                throw UnsupportedAlgorithm("EC " + KeyAlgorithms.Describe(curve), path);
            }

            var parameters = new ECParameters
            {
                Curve = curve == KeyAlgorithms.P256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384,
                D = Pad(d, size),
            };
            if (publicPoint != null && publicPoint.Length == 1 + (2 * size) && publicPoint[0] == 0x04)
            {
                parameters.Q = new ECPoint
                {
                    X = publicPoint.Skip(1).Take(size).ToArray(),
                    Y = publicPoint.Skip(1 + size).Take(size).ToArray(),
                };
            }

            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportParameters(parameters);
                return ecdsa;
            }
            catch (CryptographicException)
            {
                ecdsa.Dispose();
                throw Malformed(path);
            }
            finally
            {
                Clear(d, parameters.D);
            }
        }

        private static byte[] Pad(byte[] value, int length)
        {
            if (value.Length >= length)
            {
                return value;
            }

            var padded = new byte[length];
            Buffer.BlockCopy(value, 0, padded, length - value.Length, value.Length);
            Array.Clear(value, 0, value.Length);
            return padded;
        }

        private static void Clear(params byte[]?[] buffers)
        {
            foreach (var b in buffers)
            {
                if (b != null)
                {
                    Array.Clear(b, 0, b.Length);
                }
            }
        }

        private static StsToolsException Malformed(string path) =>
            new StsToolsException("InvalidPrivateKeyFile", ErrorKind.InvalidData, $"The private key in '{path}' is malformed.") { Target = path };
    }
}

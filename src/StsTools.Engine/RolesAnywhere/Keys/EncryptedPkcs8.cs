using System;
using System.Security.Cryptography;
using StsTools.Engine.Errors;

namespace StsTools.Engine.RolesAnywhere.Keys
{
    /// <summary>
    /// Decrypts an EncryptedPrivateKeyInfo (RFC 5958) protected with PBES2 (RFC 8018: PBKDF2 with HMAC-SHA1/256/384/512,
    /// AES-CBC or 3DES-CBC), what <c>openssl pkcs8 -topk8</c> and <c>openssl genpkey -aes256</c> write. Needed because
    /// netstandard2.0 lacks ImportEncryptedPkcs8PrivateKey. The plaintext only ever lives in memory; the caller
    /// clears it after import.
    /// </summary>
    internal static class EncryptedPkcs8
    {
        private const string Pbes2 = "1.2.840.113549.1.5.13";
        private const string Pbkdf2Oid = "1.2.840.113549.1.5.12";

        internal static byte[] Decrypt(byte[] der, byte[] password, string path)
        {
            string kdfPrf;
            byte[] salt;
            int iterations;
            int? keyLength;
            string cipher;
            byte[] iv;
            byte[] encrypted;
            try
            {
                var info = new DerReader(der).ReadConstructed();
                var algorithm = info.ReadConstructed();
                var scheme = algorithm.ReadOid();
                if (scheme != Pbes2)
                {
                    throw Unsupported(path, $"password-based scheme {scheme} (only PBES2 is supported; re-encrypt with `openssl pkcs8 -topk8 -v2 aes-256-cbc`)");
                }

                var parameters = algorithm.ReadConstructed();
                var kdf = parameters.ReadConstructed();
                var kdfOid = kdf.ReadOid();
                if (kdfOid != Pbkdf2Oid)
                {
                    throw Unsupported(path, $"key derivation {kdfOid} (only PBKDF2 is supported)");
                }

                var kdfParams = kdf.ReadConstructed();
                salt = kdfParams.ReadBytes(DerReader.OctetString);
                iterations = kdfParams.ReadSmallInteger();
                keyLength = kdfParams.HasData && kdfParams.PeekTag() == DerReader.Integer ? kdfParams.ReadSmallInteger() : (int?)null;
                kdfPrf = "1.2.840.113549.2.7";
                if (kdfParams.HasData)
                {
                    kdfPrf = kdfParams.ReadConstructed().ReadOid();
                }

                var encryption = parameters.ReadConstructed();
                cipher = encryption.ReadOid();
                iv = encryption.ReadBytes(DerReader.OctetString);
                encrypted = info.ReadBytes(DerReader.OctetString);
            }
            catch (FormatException)
            {
                throw new StsToolsException("InvalidPrivateKeyFile", ErrorKind.InvalidData,
                    $"The encrypted private key in '{path}' is malformed.") { Target = path };
            }

            var hash = PrfHash(kdfPrf, path);
            var (createCipher, cipherKeySize) = Cipher(cipher, path);
            byte[] derived;
            using (var kdf = Pbkdf2(password, salt, iterations, hash, path))
            {
                derived = kdf.GetBytes(keyLength ?? cipherKeySize);
            }

            try
            {
                using (var algorithm = createCipher())
                {
                    algorithm.Mode = CipherMode.CBC;
                    algorithm.Padding = PaddingMode.PKCS7;
                    using (var decryptor = algorithm.CreateDecryptor(derived, iv))
                    {
                        return decryptor.TransformFinalBlock(encrypted, 0, encrypted.Length);
                    }
                }
            }
            catch (CryptographicException)
            {
                // Bad padding after decryption is what a wrong password looks like.
                throw WrongPassword(path);
            }
            finally
            {
                Array.Clear(derived, 0, derived.Length);
            }
        }

        internal static StsToolsException WrongPassword(string path) =>
            new StsToolsException("WrongPrivateKeyPassword", ErrorKind.AuthenticationError,
                $"The password does not decrypt the private key in '{path}'.")
            { Target = path, Remedy = "Give the password the key was encrypted with in -PrivateKeyPassword." };

        /// <summary>The platform's PBKDF2. netstandard2.0 only exposes the HMAC-SHA1 constructor; the one taking a hash
        /// (every .NET Core and .NET Framework 4.7.2+) is found at run time.</summary>
        private static DeriveBytes Pbkdf2(byte[] password, byte[] salt, int iterations, HashAlgorithmName hash, string path)
        {
            if (hash == HashAlgorithmName.SHA1)
            {
                return new Rfc2898DeriveBytes(password, salt, iterations);
            }

            var constructor = typeof(Rfc2898DeriveBytes).GetConstructor(new[] { typeof(byte[]), typeof(byte[]), typeof(int), typeof(HashAlgorithmName) });
            if (constructor == null)
            {
                throw Unsupported(path, $"PBKDF2 with {hash.Name} on this .NET runtime (needs .NET Framework 4.7.2 or PowerShell 7)");
            }

            return (DeriveBytes)constructor.Invoke(new object[] { password, salt, iterations, hash });
        }

        private static HashAlgorithmName PrfHash(string oid, string path)
        {
            switch (oid)
            {
                case "1.2.840.113549.2.7": return HashAlgorithmName.SHA1;
                case "1.2.840.113549.2.9": return HashAlgorithmName.SHA256;
                case "1.2.840.113549.2.10": return HashAlgorithmName.SHA384;
                case "1.2.840.113549.2.11": return HashAlgorithmName.SHA512;
                default: throw Unsupported(path, $"PBKDF2 pseudo-random function {oid}");
            }
        }

        private static (Func<SymmetricAlgorithm> Create, int KeySize) Cipher(string oid, string path)
        {
            switch (oid)
            {
                case "2.16.840.1.101.3.4.1.2": return (Aes.Create, 16);
                case "2.16.840.1.101.3.4.1.22": return (Aes.Create, 24);
                case "2.16.840.1.101.3.4.1.42": return (Aes.Create, 32);
                case "1.2.840.113549.3.7": return (TripleDES.Create, 24);
                default: throw Unsupported(path, $"cipher {oid} (AES-CBC and 3DES-CBC are supported)");
            }
        }

        private static StsToolsException Unsupported(string path, string what) =>
            new StsToolsException("UnsupportedPrivateKeyEncryption", ErrorKind.InvalidData,
                $"The private key in '{path}' is encrypted with an unsupported {what}.")
            { Target = path };
    }
}

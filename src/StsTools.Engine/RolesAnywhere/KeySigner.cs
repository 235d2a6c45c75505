using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>What every key source shares: an RSA or ECDsa private key and the signature format Roles Anywhere wants.</summary>
    public abstract class KeySigner : IX509RequestSigner
    {
        public const string RsaAlgorithm = "AWS4-X509-RSA-SHA256";
        public const string EcdsaAlgorithm = "AWS4-X509-ECDSA-SHA256";

        private readonly AsymmetricAlgorithm _key;

        private protected KeySigner(X509Certificate2 certificate, AsymmetricAlgorithm key, IReadOnlyList<X509Certificate2> intermediates, string keySource)
        {
            Certificate = certificate;
            _key = key;
            Intermediates = intermediates;
            KeySource = keySource;
            Algorithm = key is ECDsa ? EcdsaAlgorithm : RsaAlgorithm;
        }

        public X509Certificate2 Certificate { get; }

        public IReadOnlyList<X509Certificate2> Intermediates { get; }

        public string Algorithm { get; }

        public string KeySource { get; }

        public byte[] Sign(byte[] data)
        {
            if (_key is ECDsa ecdsa)
            {
                // netstandard2.0's ECDsa gives IEEE P1363 (r‖s); Roles Anywhere wants the DER SEQUENCE of two INTEGERs.
                return EcdsaSignature.ToDer(ecdsa.SignData(data, HashAlgorithmName.SHA256));
            }

            return ((RSA)_key).SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        /// <summary>True when the key is the certificate's: a signature made with it verifies with the certificate's public key.</summary>
        internal bool KeyMatchesCertificate()
        {
            var challenge = new byte[32];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(challenge);
            }

            try
            {
                if (_key is ECDsa ecdsa)
                {
                    using (var publicKey = Certificate.GetECDsaPublicKey())
                    {
                        return publicKey != null && publicKey.VerifyData(challenge, ecdsa.SignData(challenge, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256);
                    }
                }

                using (var rsaPublic = Certificate.GetRSAPublicKey())
                {
                    return rsaPublic != null && rsaPublic.VerifyData(challenge, ((RSA)_key).SignData(challenge, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }
            }
            catch (CryptographicException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                _key.Dispose();
            }
        }
    }
}

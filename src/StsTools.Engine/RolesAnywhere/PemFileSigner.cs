using System.Collections.Generic;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using StsTools.Engine.RolesAnywhere.Keys;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>A certificate file and a separate PEM private key file (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8).</summary>
    public sealed class PemFileSigner : KeySigner
    {
        private PemFileSigner(X509Certificate2 certificate, System.Security.Cryptography.AsymmetricAlgorithm key, IReadOnlyList<X509Certificate2> intermediates, string keyPath)
            : base(certificate, key, intermediates, keyPath)
        {
        }

        /// <summary>Reads the certificate, checks it can sign, then reads the key (decrypting it in memory with
        /// <paramref name="password"/> when it is encrypted) and checks it belongs to the certificate.</summary>
        public static PemFileSigner Load(string certificatePath, string privateKeyPath, SecureString? password, IReadOnlyList<X509Certificate2> intermediates)
        {
            var certificate = CertificateFiles.ReadCertificate(certificatePath);
            CertificateChecks.CheckKeyType(certificate);
            var key = PrivateKeyFile.Read(privateKeyPath, password);
            var signer = new PemFileSigner(certificate, key, intermediates, privateKeyPath);
            CertificateChecks.CheckKeyMatches(signer, privateKeyPath);
            return signer;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>
    /// Signs Roles Anywhere requests with a certificate's private key. One implementation per place the key comes
    /// from (a PEM key file, an X509Certificate2 that carries its key: a store, a PKCS#12 file, the pipeline); the
    /// request itself is canonicalized once, in <see cref="X509SigV4"/>. The key is read once, when the signer is made.
    /// </summary>
    public interface IX509RequestSigner : IDisposable
    {
        /// <summary>The end-entity certificate (sent as X-Amz-X509).</summary>
        X509Certificate2 Certificate { get; }

        /// <summary>Intermediate CA certificates, leaf side first (sent as X-Amz-X509-Chain when not empty).</summary>
        IReadOnlyList<X509Certificate2> Intermediates { get; }

        /// <summary><c>AWS4-X509-RSA-SHA256</c> or <c>AWS4-X509-ECDSA-SHA256</c>.</summary>
        string Algorithm { get; }

        /// <summary>Where the key came from, for verbose messages (a path, a store and thumbprint; never key material).</summary>
        string KeySource { get; }

        /// <summary>Signs <paramref name="data"/> with SHA-256: RSA PKCS#1 v1.5, or ECDSA with the signature DER-encoded.</summary>
        byte[] Sign(byte[] data);
    }
}

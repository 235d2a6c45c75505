using System;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using StsTools.Engine.Errors;
using StsTools.Engine.RolesAnywhere.Keys;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>What is checked about a certificate before anything is sent, each failure with its own error id.</summary>
    public static class CertificateChecks
    {
        public const int MinimumRsaBits = 2048;

        /// <summary>RSA of 2048 bits or more, or EC on P-256 / P-384: the keys Roles Anywhere signs with.</summary>
        public static void CheckKeyType(X509Certificate2 certificate)
        {
            var oid = certificate.PublicKey.Oid.Value;
            switch (oid)
            {
                case KeyAlgorithms.Rsa:
                    using (var rsa = certificate.GetRSAPublicKey())
                    {
                        if (rsa.KeySize < MinimumRsaBits)
                        {
                            throw new StsToolsException("RsaKeyTooSmall", ErrorKind.InvalidData,
                                $"The certificate {certificate.Subject} has an RSA-{rsa.KeySize} key: Roles Anywhere needs RSA keys of at least {MinimumRsaBits} bits.")
                            { Target = certificate.Subject, Remedy = "Issue a certificate for an RSA-2048 (or larger) or EC P-256/P-384 key." };
                        }
                    }

                    return;
                case KeyAlgorithms.Ec:
                    var parameters = certificate.PublicKey.EncodedParameters.RawData;
                    string curve;
                    try
                    {
                        curve = new DerReader(parameters).ReadOid();
                    }
                    catch (FormatException)
                    {
                        curve = "explicit parameters";
                    }

                    if (KeyAlgorithms.CurveSize(curve) == 0)
                    {
                        throw PrivateKeyFile.UnsupportedAlgorithm("EC " + KeyAlgorithms.Describe(curve), certificate.Subject);
                    }

                    return;
                default:
                    throw PrivateKeyFile.UnsupportedAlgorithm(KeyAlgorithms.Describe(oid), certificate.Subject);
            }
        }

        /// <summary>Refuses a certificate outside its validity period at <paramref name="utcNow"/>.</summary>
        public static void CheckValidity(X509Certificate2 certificate, DateTime utcNow)
        {
            var notBefore = certificate.NotBefore.ToUniversalTime();
            var notAfter = certificate.NotAfter.ToUniversalTime();
            if (utcNow > notAfter)
            {
                throw new StsToolsException("CertificateExpired", ErrorKind.InvalidData,
                    $"The certificate {certificate.Subject} expired on {Format(notAfter)}.")
                { Target = certificate.Subject, Remedy = "Renew the certificate with your CA and use the new one." };
            }

            if (utcNow < notBefore)
            {
                throw new StsToolsException("CertificateNotYetValid", ErrorKind.InvalidData,
                    $"The certificate {certificate.Subject} is not valid before {Format(notBefore)}.")
                { Target = certificate.Subject, Remedy = "Check this machine's clock, or wait until the certificate's validity starts." };
            }
        }

        /// <summary>A warning text when the certificate expires within <paramref name="days"/> days, else null.</summary>
        public static string? ExpiryWarning(X509Certificate2 certificate, DateTime utcNow, int days)
        {
            var notAfter = certificate.NotAfter.ToUniversalTime();
            var left = notAfter - utcNow;
            return days > 0 && left < TimeSpan.FromDays(days)
                ? $"The certificate {certificate.Subject} expires on {Format(notAfter)}, in {Math.Max(0, (int)left.TotalDays)} day(s): renew it before Roles Anywhere refuses it."
                : null;
        }

        internal static void CheckKeyMatches(KeySigner signer, string keySource)
        {
            if (!signer.KeyMatchesCertificate())
            {
                signer.Dispose();
                throw new StsToolsException("PrivateKeyMismatch", ErrorKind.InvalidData,
                    $"The private key ({keySource}) does not belong to the certificate {signer.Certificate.Subject}: its signatures do not verify with the certificate's public key.")
                { Target = keySource, Remedy = "Give the key file that was used to request this certificate." };
            }
        }

        private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}

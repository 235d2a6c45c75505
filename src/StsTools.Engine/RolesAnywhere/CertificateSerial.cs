using System;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>The certificate serial as Roles Anywhere wants it in the Credential: a positive decimal integer.</summary>
    public static class CertificateSerial
    {
        public static string Decimal(X509Certificate2 certificate)
        {
            // GetSerialNumber() is little-endian. BigInteger reads two's complement, so a serial whose top bit is set
            // (and whose DER sign byte a platform may have dropped) would come out negative: append a zero byte.
            var littleEndian = certificate.GetSerialNumber();
            var unsigned = new byte[littleEndian.Length + 1];
            Buffer.BlockCopy(littleEndian, 0, unsigned, 0, littleEndian.Length);
            return new BigInteger(unsigned).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

namespace StsTools.Engine.RolesAnywhere.Keys
{
    /// <summary>The object identifiers of the key and curve types a certificate or key file may carry.</summary>
    internal static class KeyAlgorithms
    {
        internal const string Rsa = "1.2.840.113549.1.1.1";
        internal const string RsaPss = "1.2.840.113549.1.1.10";
        internal const string Ec = "1.2.840.10045.2.1";
        internal const string Dsa = "1.2.840.10040.4.1";
        internal const string Ed25519 = "1.3.101.112";
        internal const string Ed448 = "1.3.101.113";
        internal const string P256 = "1.2.840.10045.3.1.7";
        internal const string P384 = "1.3.132.0.34";
        internal const string P521 = "1.3.132.0.35";

        /// <summary>A name a user recognises for a key or curve OID.</summary>
        internal static string Describe(string oid)
        {
            switch (oid)
            {
                case Rsa: return "RSA";
                case RsaPss: return "RSASSA-PSS";
                case Ec: return "EC";
                case Dsa: return "DSA";
                case Ed25519: return "Ed25519";
                case Ed448: return "Ed448";
                case P256: return "P-256";
                case P384: return "P-384";
                case P521: return "P-521";
                default: return "OID " + oid;
            }
        }

        /// <summary>Bytes in a coordinate / private scalar of a supported curve; 0 for curves Roles Anywhere cannot use.</summary>
        internal static int CurveSize(string curveOid) => curveOid == P256 ? 32 : curveOid == P384 ? 48 : 0;
    }
}

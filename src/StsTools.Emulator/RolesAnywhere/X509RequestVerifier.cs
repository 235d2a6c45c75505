using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using StsTools.Emulator.Auth;
using StsTools.Emulator.Clock;
using StsTools.Emulator.Protocol;

namespace StsTools.Emulator.RolesAnywhere;

/// <summary>
/// Verifies a Roles Anywhere CreateSession signature as FACTS §5 describes: SigV4 with the certificate's key instead
/// of an HMAC key. Algorithm AWS4-X509-RSA-SHA256 (PKCS#1 v1.5) or AWS4-X509-ECDSA-SHA256 (DER-encoded signature),
/// the end-entity certificate in X-Amz-X509, intermediates in X-Amz-X509-Chain, the certificate's serial in
/// decimal as the credential id.
/// </summary>
public static class X509RequestVerifier
{
    public const string RsaAlgorithm = "AWS4-X509-RSA-SHA256";
    public const string EcdsaAlgorithm = "AWS4-X509-ECDSA-SHA256";

    public sealed record Result(X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Chain);

    public static Result Verify(EmulatorRequest request, int skewWindowSeconds)
    {
        var headers = request.Http.Request.Headers;
        var auth = request.Authorization ?? throw Denied("Missing Authorization header: the request must be signed with the certificate's key.");
        if (auth.Algorithm is not (RsaAlgorithm or EcdsaAlgorithm))
        {
            throw Denied($"Unsupported signing algorithm '{auth.Algorithm}': use {RsaAlgorithm} or {EcdsaAlgorithm}.");
        }

        var x509 = headers["X-Amz-X509"].ToString();
        if (x509.Length == 0)
        {
            throw Denied("Missing X-Amz-X509 header (the base64 DER end-entity certificate).");
        }

        var certificate = ParseDer(x509, "X-Amz-X509");
        var chainHeader = headers["X-Amz-X509-Chain"].ToString();
        var chain = chainHeader.Length == 0 ? new List<X509Certificate2>()
            : chainHeader.Split(',').Select(c => ParseDer(c.Trim(), "X-Amz-X509-Chain")).ToList();

        // The serial as a positive decimal integer: DER serials are big-endian two's complement, and a serial whose top
        // bit is set carries a leading zero byte, so reading it unsigned is the faithful value.
        var serial = new BigInteger(certificate.GetSerialNumber(), isUnsigned: true, isBigEndian: false);
        if (auth.CredentialId != serial.ToString())
        {
            throw Denied($"The credential '{auth.CredentialId}' is not the certificate's serial number in decimal.");
        }

        if (auth.ScopeService != "rolesanywhere" || auth.ScopeRegion != request.Region)
        {
            throw Denied($"Credential should be scoped to rolesanywhere in {request.Region}.");
        }

        foreach (var required in new[] { "host", "x-amz-date", "x-amz-x509" })
        {
            if (!auth.SignedHeaders.Contains(required))
            {
                throw Denied($"The header {required} must be signed.");
            }
        }

        if (chain.Count > 0 && !auth.SignedHeaders.Contains("x-amz-x509-chain"))
        {
            throw Denied("The header x-amz-x509-chain must be signed.");
        }

        var amzDate = headers["X-Amz-Date"].ToString();
        var time = SigV4Authorization.ParseRequestTime(amzDate, null) ?? throw Denied("Missing or malformed X-Amz-Date.");
        if (time.ToString("yyyyMMdd") != auth.ScopeDate)
        {
            throw Denied("The credential scope's date is not the X-Amz-Date's.");
        }

        var now = EmulatorClock.WallNow.AddSeconds(request.Fault.SkewSeconds);
        if (Math.Abs((time - now).TotalSeconds) > skewWindowSeconds)
        {
            throw Denied($"Signature expired: {amzDate} is outside the {skewWindowSeconds / 60}-minute window around {now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.");
        }

        var canonical = CanonicalRequest.Build(request.Http.Request.Method, request.RawPath, request.RawQuery, name => headers[name], auth.SignedHeaders, request.Body);
        var stringToSign = Encoding.UTF8.GetBytes(CanonicalRequest.StringToSign(auth.Algorithm, amzDate, auth.Scope, canonical));
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(auth.Signature);
        }
        catch (FormatException)
        {
            throw Denied("The signature is not hex.");
        }

        var ok = auth.Algorithm == RsaAlgorithm
            ? certificate.GetRSAPublicKey()?.VerifyData(stringToSign, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : certificate.GetECDsaPublicKey()?.VerifyData(stringToSign, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (ok == null)
        {
            throw Denied($"The certificate's key does not fit {auth.Algorithm}.");
        }

        if (ok == false)
        {
            throw Denied("Signature validation failed: the signature does not verify with the certificate's public key.");
        }

        request.Log.SignatureVerified = true;
        return new Result(certificate, chain);
    }

    private static X509Certificate2 ParseDer(string base64, string header)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new AwsErrorException("ValidationException", $"{header} is not a base64 DER certificate.", 400);
        }
    }

    private static AwsErrorException Denied(string message) => new("AccessDeniedException", message, 403);
}

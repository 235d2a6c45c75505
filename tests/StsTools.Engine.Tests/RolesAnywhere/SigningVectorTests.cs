using System.Security.Cryptography;
using System.Text;
using StsTools.Engine.RolesAnywhere;
using StsTools.Testing.Emulator;

namespace StsTools.Engine.Tests.RolesAnywhere;

/// <summary>
/// Must-show 1: for a fixed certificate, key, time, region, ARNs and body, the canonical request, the string to sign
/// and the Authorization header are exactly the expected text; the RSA signature is byte-for-byte what
/// `openssl dgst -sha256 -sign` makes of the same string to sign, and an ECDSA signature verifies with
/// `openssl dgst -sha256 -verify`. The certificate's base64 is taken from openssl at test time (the PKI may be
/// regenerated); the serials are fixed by generate.sh.
/// </summary>
public sealed class SigningVectorTests
{
    private static readonly DateTime s_time = new(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
    private static readonly Uri s_url = new("https://rolesanywhere.us-east-1.amazonaws.com/sessions");

    private static readonly KeyValuePair<string, string>[] s_query =
    {
        new("roleArn", DefaultWorld.RolesAnywhereRoleArn),
        new("trustAnchorArn", DefaultWorld.TrustAnchorArn),
        new("profileArn", DefaultWorld.ProfileArn),
    };

    private static readonly byte[] s_body = Encoding.UTF8.GetBytes("{\"durationSeconds\":3600,\"roleSessionName\":\"vector\"}");

    /// <summary>The certificate's DER, base64, as openssl (not .NET) reads it from the PEM file.</summary>
    private static string OpenSslBase64Der(string pem)
    {
        var (exit, der, err) = Pki.OpenSsl("x509", "-in", Pki.File(pem), "-outform", "DER");
        Assert.True(exit == 0, err);
        return Convert.ToBase64String(der);
    }

    private static string ExpectedCanonicalRequest(string x509Base64, string? chainBase64) =>
        "POST\n" +
        "/sessions\n" +
        "profileArn=arn%3Aaws%3Arolesanywhere%3Aus-east-1%3A222222222222%3Aprofile%2F0a1b2c3d-0000-4000-8000-000000000002" +
        "&roleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FRolesAnywhereRole" +
        "&trustAnchorArn=arn%3Aaws%3Arolesanywhere%3Aus-east-1%3A222222222222%3Atrust-anchor%2F0a1b2c3d-0000-4000-8000-000000000001\n" +
        "content-type:application/json\n" +
        "host:rolesanywhere.us-east-1.amazonaws.com\n" +
        "x-amz-date:20260304T050607Z\n" +
        "x-amz-x509:" + x509Base64 + "\n" +
        (chainBase64 == null ? "" : "x-amz-x509-chain:" + chainBase64 + "\n") +
        "\n" +
        "content-type;host;x-amz-date;x-amz-x509" + (chainBase64 == null ? "" : ";x-amz-x509-chain") + "\n" +
        // sha256 of {"durationSeconds":3600,"roleSessionName":"vector"}
        Convert.ToHexStringLower(SHA256.HashData(s_body));

    private static string ExpectedStringToSign(string algorithm, string canonical) =>
        algorithm + "\n20260304T050607Z\n20260304/us-east-1/rolesanywhere/aws4_request\n" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    [Fact]
    public void RSA_top_bit_serial_vector_matches_the_expected_text_and_OpenSSL_signature()
    {
        using var signer = PemFileSigner.Load(Pki.File("leaf-topbit-serial.pem"), Pki.File("leaf-topbit-serial.key"), null, Array.Empty<System.Security.Cryptography.X509Certificates.X509Certificate2>());
        var signed = X509SigV4.SignPost(signer, s_url, s_query, s_body, "us-east-1", s_time);

        var canonical = ExpectedCanonicalRequest(OpenSslBase64Der("leaf-topbit-serial.pem"), null);
        Assert.Equal(canonical, signed.CanonicalRequest);
        var stringToSign = ExpectedStringToSign("AWS4-X509-RSA-SHA256", canonical);
        Assert.Equal(stringToSign, signed.StringToSign);

        // The serial 0x80F1E2D3C4B5A69788796A5B4C3D2E1F has its top bit set: it must come out positive.
        const string serial = "171397127605967505183916598691410816543";
        var prefix = $"AWS4-X509-RSA-SHA256 Credential={serial}/20260304/us-east-1/rolesanywhere/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-x509, Signature=";
        Assert.StartsWith(prefix, signed.Authorization);
        var signatureHex = signed.Authorization[prefix.Length..];

        // PKCS#1 v1.5 is deterministic: OpenSSL must produce the very same bytes.
        var dir = Directory.CreateTempSubdirectory("ststools-vector-");
        try
        {
            var input = Path.Combine(dir.FullName, "sts.txt");
            File.WriteAllText(input, stringToSign);
            var (exit, openSslSignature, err) = Pki.OpenSsl("dgst", "-sha256", "-sign", Pki.File("leaf-topbit-serial.key"), input);
            Assert.True(exit == 0, err);
            Assert.Equal(Convert.ToHexStringLower(openSslSignature), signatureHex);
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        Assert.Equal(
            new[] { "content-type", "host", "x-amz-date", "x-amz-x509", "authorization" },
            signed.Headers.Select(h => h.Key));
        Assert.Equal("https://rolesanywhere.us-east-1.amazonaws.com/sessions?" + canonical.Split('\n')[2], signed.Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("leaf-p256", "2002")]
    [InlineData("leaf-p384", "2003")]
    public void ECDSA_signature_is_DER_and_verifies_with_OpenSSL(string leaf, string serialHex)
    {
        using var signer = PemFileSigner.Load(Pki.File(leaf + ".pem"), Pki.File(leaf + ".key"), null, Array.Empty<System.Security.Cryptography.X509Certificates.X509Certificate2>());
        var signed = X509SigV4.SignPost(signer, s_url, s_query, s_body, "us-east-1", s_time);
        var canonical = ExpectedCanonicalRequest(OpenSslBase64Der(leaf + ".pem"), null);
        Assert.Equal(canonical, signed.CanonicalRequest);
        Assert.Equal(ExpectedStringToSign("AWS4-X509-ECDSA-SHA256", canonical), signed.StringToSign);
        var prefix = $"AWS4-X509-ECDSA-SHA256 Credential={Convert.ToInt64(serialHex, 16)}/20260304/us-east-1/rolesanywhere/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-x509, Signature=";
        Assert.StartsWith(prefix, signed.Authorization);
        var signature = Convert.FromHexString(signed.Authorization[prefix.Length..]);
        Assert.Equal(0x30, signature[0]); // DER SEQUENCE, not raw r‖s

        var dir = Directory.CreateTempSubdirectory("ststools-vector-");
        try
        {
            var input = Path.Combine(dir.FullName, "sts.txt");
            var sig = Path.Combine(dir.FullName, "sig.der");
            var pub = Path.Combine(dir.FullName, "pub.pem");
            File.WriteAllText(input, signed.StringToSign);
            File.WriteAllBytes(sig, signature);
            var (pexit, pubKey, perr) = Pki.OpenSsl("x509", "-in", Pki.File(leaf + ".pem"), "-pubkey", "-noout");
            Assert.True(pexit == 0, perr);
            File.WriteAllBytes(pub, pubKey);
            var (exit, output, err) = Pki.OpenSsl("dgst", "-sha256", "-verify", pub, "-signature", sig, input);
            Assert.True(exit == 0, Encoding.UTF8.GetString(output) + err);
            Assert.Contains("Verified OK", Encoding.UTF8.GetString(output));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Intermediates_go_in_X_Amz_X509_Chain_and_are_signed()
    {
        var chain = CertificateFiles.ReadBundle(new[] { Pki.File("intermediate-ca.pem") });
        using var signer = PemFileSigner.Load(Pki.File("leaf-via-intermediate.pem"), Pki.File("leaf-via-intermediate.key"), null, chain);
        var signed = X509SigV4.SignPost(signer, s_url, s_query, s_body, "us-east-1", s_time);
        Assert.Equal(ExpectedCanonicalRequest(OpenSslBase64Der("leaf-via-intermediate.pem"), OpenSslBase64Der("intermediate-ca.pem")), signed.CanonicalRequest);
        Assert.Contains(signed.Headers, h => h.Key == "x-amz-x509-chain" && !h.Value.Contains('\n'));
    }

    [Fact]
    public void A_custom_endpoint_path_and_port_are_canonicalized_as_sent()
    {
        using var signer = PemFileSigner.Load(Pki.File("leaf-p256.pem"), Pki.File("leaf-p256.key"), null, Array.Empty<System.Security.Cryptography.X509Certificates.X509Certificate2>());
        var url = CreateSessionClient.SessionsUrl(Engine.Endpoints.EndpointResolver.Resolve("rolesanywhere", "eu-west-1", "http://127.0.0.1:4566/{region}", _ => null));
        Assert.Equal("http://127.0.0.1:4566/eu-west-1/sessions", url.ToString());
        var signed = X509SigV4.SignPost(signer, url, s_query, s_body, "eu-west-1", s_time);
        Assert.StartsWith("POST\n/eu-west-1/sessions\n", signed.CanonicalRequest);
        Assert.Contains("\nhost:127.0.0.1:4566\n", signed.CanonicalRequest);
    }

    [Fact]
    public void Serials_are_positive_decimal()
    {
        var topBit = CertificateFiles.ReadCertificate(Pki.File("leaf-topbit-serial.pem"));
        Assert.Equal("171397127605967505183916598691410816543", CertificateSerial.Decimal(topBit));
        Assert.Equal("8193", CertificateSerial.Decimal(CertificateFiles.ReadCertificate(Pki.File("leaf-rsa2048.pem"))));
    }

    [Fact]
    public void P1363_to_DER_keeps_integers_positive_and_minimal()
    {
        var raw = new byte[64];
        raw[0] = 0x80; // r with its top bit set → needs a 0x00 sign byte
        raw[32] = 0x00; raw[33] = 0x00; raw[34] = 0x7F; // s with leading zeros → trimmed
        var der = EcdsaSignature.ToDer(raw);
        Assert.Equal(0x30, der[0]);
        Assert.Equal(new byte[] { 0x02, 33, 0x00, 0x80 }, der[2..6]);
        var sStart = 2 + 2 + 33;
        Assert.Equal(new byte[] { 0x02, 30, 0x7F }, der[sStart..(sStart + 3)]);
    }
}

using System.Security.Cryptography.X509Certificates;
using StsTools.Engine.Errors;
using StsTools.Engine.RolesAnywhere;

namespace StsTools.Engine.Tests.RolesAnywhere;

/// <summary>Every key source reads the test PKI's keys; each broken input fails with its own error id.</summary>
public sealed class KeySourceTests
{
    private static readonly X509Certificate2[] s_none = Array.Empty<X509Certificate2>();

    [Theory]
    [InlineData("leaf-rsa2048", "leaf-rsa2048.key", KeySigner.RsaAlgorithm)]          // PKCS#1
    [InlineData("leaf-p256", "leaf-p256.key", KeySigner.EcdsaAlgorithm)]              // SEC1
    [InlineData("leaf-p384", "leaf-p384.key", KeySigner.EcdsaAlgorithm)]              // PKCS#8 EC
    [InlineData("leaf-via-intermediate", "leaf-via-intermediate.key", KeySigner.RsaAlgorithm)] // PKCS#8 RSA
    [InlineData("leaf-rsa2048", "leaf-rsa2048-encrypted.key", KeySigner.RsaAlgorithm)] // encrypted PKCS#8
    public void PEM_keys_of_every_encoding_sign(string leaf, string key, string algorithm)
    {
        using var signer = PemFileSigner.Load(Pki.File(leaf + ".pem"), Pki.File(key), Pki.Secure(Pki.Password), s_none);
        Assert.Equal(algorithm, signer.Algorithm);
        Assert.NotEmpty(signer.Sign(new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public void PKCS12_with_a_password_gives_the_leaf_and_its_intermediate()
    {
        using var signer = CertificateSigner.FromPkcs12(Pki.File("leaf-via-intermediate.p12"), Pki.Secure(Pki.Password), s_none);
        Assert.Contains("test-leaf-via-intermediate", signer.Certificate.Subject);
        Assert.Single(signer.Intermediates);
        Assert.Contains("Intermediate", signer.Intermediates[0].Subject);
    }

    [Fact]
    public void A_certificate_object_with_its_key_signs()
    {
        using var pfx = CertificateSigner.FromPkcs12(Pki.File("leaf-rsa2048.p12"), Pki.Secure(Pki.Password), s_none);
        using var signer = CertificateSigner.FromCertificate(pfx.Certificate, s_none);
        Assert.Equal(KeySigner.RsaAlgorithm, signer.Algorithm);
    }

    public static TheoryData<string, Action> BadInputs => new()
    {
        { "PrivateKeyMismatch", () => PemFileSigner.Load(Pki.File("leaf-rsa2048.pem"), Pki.File("leaf-via-intermediate.key"), null, s_none) },
        { "PrivateKeyMismatch", () => PemFileSigner.Load(Pki.File("leaf-p256.pem"), Pki.File("leaf-p384.key"), null, s_none) },
        { "WrongPrivateKeyPassword", () => PemFileSigner.Load(Pki.File("leaf-rsa2048.pem"), Pki.File("leaf-rsa2048-encrypted.key"), Pki.Secure("wrong"), s_none) },
        { "PrivateKeyPasswordRequired", () => PemFileSigner.Load(Pki.File("leaf-rsa2048.pem"), Pki.File("leaf-rsa2048-encrypted.key"), null, s_none) },
        { "WrongPkcs12Password", () => CertificateSigner.FromPkcs12(Pki.File("leaf-rsa2048.p12"), Pki.Secure("wrong"), s_none) },
        { "InvalidPkcs12File", () => CertificateSigner.FromPkcs12(Pki.File("leaf-rsa2048.pem"), Pki.Secure(Pki.Password), s_none) },
        { "InvalidCertificateFile", () => PemFileSigner.Load(Pki.File("leaf-rsa2048.key"), Pki.File("leaf-rsa2048.key"), null, s_none) },
        { "InvalidCertificateFile", () => PemFileSigner.Load(Pki.File("README.txt"), Pki.File("leaf-rsa2048.key"), null, s_none) },
        { "InvalidPrivateKeyFile", () => PemFileSigner.Load(Pki.File("leaf-rsa2048.pem"), Pki.File("leaf-rsa2048.pem"), null, s_none) },
        { "CertificateFileNotFound", () => PemFileSigner.Load(Pki.File("no-such.pem"), Pki.File("leaf-rsa2048.key"), null, s_none) },
        { "PrivateKeyFileNotFound", () => PemFileSigner.Load(Pki.File("leaf-rsa2048.pem"), Pki.File("no-such.key"), null, s_none) },
        { "RsaKeyTooSmall", () => PemFileSigner.Load(Pki.File("leaf-rsa1024.pem"), Pki.File("leaf-rsa1024.key"), null, s_none) },
        { "UnsupportedKeyAlgorithm", () => PemFileSigner.Load(Pki.File("leaf-dsa.pem"), Pki.File("dsa.key"), null, s_none) },
        { "InvalidThumbprint", () => CertificateSigner.FromStore("not-a-thumbprint", StoreLocation.CurrentUser, "My", s_none) },
        { "CertificateNotInStore", () => CertificateSigner.FromStore("00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00 11 22 33", StoreLocation.CurrentUser, "My", s_none) },
        { "CertificateHasNoPrivateKey", () => CertificateSigner.FromCertificate(CertificateFiles.ReadCertificate(Pki.File("leaf-rsa2048.pem")), s_none) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_key_material_is_refused_with_its_own_error_id(string errorId, Action load)
    {
        var e = Assert.Throws<StsToolsException>(load);
        Assert.Equal(errorId, e.ErrorId);
        Assert.DoesNotContain("-----BEGIN", e.Message);
        Assert.DoesNotContain("MII", e.Message); // no base64 DER of any key or certificate
    }

    [Fact]
    public void A_DSA_key_file_is_named_as_DSA()
    {
        // The certificate is refused first; the key file on its own says what it is, too.
        var e = Assert.Throws<StsToolsException>(() => PemFileSigner.Load(Pki.File("leaf-rsa2048.pem"), Pki.File("dsa.key"), null, s_none));
        Assert.Equal("UnsupportedKeyAlgorithm", e.ErrorId);
        Assert.Contains("DSA", e.Message);
    }

    [Theory]
    [InlineData("leaf-expired", "CertificateExpired")]
    [InlineData("leaf-not-yet-valid", "CertificateNotYetValid")]
    public void Certificates_outside_their_validity_are_refused(string leaf, string errorId)
    {
        var e = Assert.Throws<StsToolsException>(() => CertificateChecks.CheckValidity(CertificateFiles.ReadCertificate(Pki.File(leaf + ".pem")), DateTime.UtcNow));
        Assert.Equal(errorId, e.ErrorId);
    }

    [Fact]
    public void Expiry_warning_comes_within_the_window_only()
    {
        var cert = CertificateFiles.ReadCertificate(Pki.File("leaf-rsa2048.pem"));
        var notAfter = cert.NotAfter.ToUniversalTime();
        Assert.NotNull(CertificateChecks.ExpiryWarning(cert, notAfter.AddDays(-10), 30));
        Assert.Null(CertificateChecks.ExpiryWarning(cert, notAfter.AddDays(-40), 30));
        Assert.Null(CertificateChecks.ExpiryWarning(cert, notAfter.AddDays(-10), 0));
    }

    [Theory]
    [InlineData("arn:aws:rolesanywhere:us-east-1:222222222222:profile/0a1b2c3d-0000-4000-8000-000000000002", null, "InvalidTrustAnchorArn")]
    [InlineData("arn:aws:rolesanywhere:eu-west-1:222222222222:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001", null, "RolesAnywhereRegionMismatch")]
    [InlineData("arn:aws:rolesanywhere:us-east-1:222222222222:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001", "eu-west-1", "RolesAnywhereRegionMismatch")]
    public void ARNs_and_regions_are_checked(string anchor, string? region, string errorId)
    {
        var e = Assert.Throws<StsToolsException>(() => RolesAnywhereArns.Parse(anchor, Testing.Emulator.DefaultWorld.ProfileArn, Testing.Emulator.DefaultWorld.RolesAnywhereRoleArn, region));
        Assert.Equal(errorId, e.ErrorId);
    }

    [Fact]
    public void The_region_is_the_trust_anchors()
    {
        var arns = RolesAnywhereArns.Parse(Testing.Emulator.DefaultWorld.TrustAnchorArn, Testing.Emulator.DefaultWorld.ProfileArn, Testing.Emulator.DefaultWorld.RolesAnywhereRoleArn, null);
        Assert.Equal("us-east-1", arns.Region);
    }
}

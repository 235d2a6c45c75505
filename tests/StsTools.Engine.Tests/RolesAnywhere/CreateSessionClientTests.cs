using System.Security.Cryptography.X509Certificates;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.RolesAnywhere;
using StsTools.Testing.Emulator;

namespace StsTools.Engine.Tests.RolesAnywhere;

/// <summary>The engine's CreateSession client against the emulator, which verifies the X.509 signature.</summary>
public sealed class CreateSessionClientTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public CreateSessionClientTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    private TemporaryCredentials Create(IX509RequestSigner signer, string? sessionName = null, string roleArn = DefaultWorld.RolesAnywhereRoleArn)
    {
        var arns = RolesAnywhereArns.Parse(DefaultWorld.TrustAnchorArn, DefaultWorld.ProfileArn, roleArn, null);
        return new RolesAnywhereSessionProvider().CreateSession(signer, new CreateSessionRequest(arns, 900, sessionName), _emulator.EndpointTemplate, CancellationToken.None, Engine.Caching.CacheMode.Bypass);
    }

    [Theory]
    [InlineData("leaf-rsa2048", "leaf-rsa2048.key")]
    [InlineData("leaf-p256", "leaf-p256.key")]
    [InlineData("leaf-p384", "leaf-p384.key")]
    [InlineData("leaf-topbit-serial", "leaf-topbit-serial.key")]
    public void The_emulator_accepts_the_signature(string leaf, string key)
    {
        using var signer = PemFileSigner.Load(Pki.File(leaf + ".pem"), Pki.File(key), null, Array.Empty<X509Certificate2>());
        var c = Create(signer, "engine-test");
        Assert.Equal(CredentialSource.RolesAnywhere, c.Source);
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/RolesAnywhereRole/engine-test", c.Arn);
        Assert.Equal("222222222222", c.AccountId);
        Assert.Equal("us-east-1", c.Region);
        Assert.StartsWith("arn:aws:rolesanywhere:us-east-1:222222222222:subject/", c.SubjectArn);
        Assert.Equal("CN=test-" + leaf, c.SourceIdentity);
        Assert.True(c.Expiration > DateTime.UtcNow.AddMinutes(10));
    }

    [Fact]
    public void AWS_errors_keep_their_code_and_request_id()
    {
        using var signer = PemFileSigner.Load(Pki.File("leaf-rsa2048.pem"), Pki.File("leaf-rsa2048.key"), null, Array.Empty<X509Certificate2>());
        var e = Assert.Throws<StsToolsException>(() => Create(signer, roleArn: DefaultWorld.ReadOnlyRoleArn));
        Assert.Equal("AwsAccessDeniedException", e.ErrorId);
        Assert.Equal("AccessDeniedException", e.AwsErrorCode);
        Assert.False(string.IsNullOrEmpty(e.RequestId));
        Assert.NotNull(e.Cause);

        using var other = PemFileSigner.Load(Pki.File("leaf-other-ca.pem"), Pki.File("leaf-other-ca.key"), null, Array.Empty<X509Certificate2>());
        Assert.Equal("AwsAccessDeniedException", Assert.Throws<StsToolsException>(() => Create(other)).ErrorId);
    }
}

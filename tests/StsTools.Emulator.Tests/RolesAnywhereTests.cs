using System.Numerics;
using System.Text.Json;
using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>Roles Anywhere CreateSession signed as FACTS §5 says, by a signer written in the test: accepted for
/// RSA and ECDSA keys, with and without an intermediate; each broken condition refused with its error.</summary>
public sealed class RolesAnywhereTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public RolesAnywhereTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    private (int Status, string Body, string? ErrorType) Create(RolesAnywhereTestSigner signer, string roleArn = DefaultWorld.RolesAnywhereRoleArn) =>
        signer.CreateSession(_emulator.EndpointUrl("us-east-1"), "us-east-1", roleArn);

    [Theory]
    [InlineData("leaf-rsa2048")]
    [InlineData("leaf-p256")]
    [InlineData("leaf-p384")]
    [InlineData("leaf-topbit-serial")]
    public void A_certificate_of_the_trust_anchor_gets_credentials_for_the_role(string leaf)
    {
        var (status, body, _) = Create(RolesAnywhereTestSigner.FromPki(leaf));
        Assert.True(status == 201, $"{status}: {body}");
        var set = JsonDocument.Parse(body).RootElement.GetProperty("credentialSet")[0];
        Assert.Equal(DefaultWorld.RolesAnywhereRoleArn, set.GetProperty("roleArn").GetString());
        Assert.StartsWith("arn:aws:sts::222222222222:assumed-role/RolesAnywhereRole/", set.GetProperty("assumedRoleUser").GetProperty("arn").GetString());
        Assert.Equal("CN=test-" + leaf, set.GetProperty("sourceIdentity").GetString());
        var credentials = set.GetProperty("credentials");

        // The credentials work at STS.
        var sts = new SignedClient
        {
            EndpointUrl = _emulator.EndpointUrl("us-east-1"),
            Region = "us-east-1",
            AccessKeyId = credentials.GetProperty("accessKeyId").GetString(),
            SecretAccessKey = credentials.GetProperty("secretAccessKey").GetString(),
            SessionToken = credentials.GetProperty("sessionToken").GetString(),
        };
        var who = sts.Query("GetCallerIdentity");
        Assert.True(who.Ok, who.ToString());
        Assert.Equal("222222222222", who.Value("Account"));
    }

    [Fact]
    public void A_certificate_issued_by_the_intermediate_needs_the_chain_header()
    {
        var (status, body, _) = Create(RolesAnywhereTestSigner.FromPki("leaf-via-intermediate", "intermediate-ca"));
        Assert.True(status == 201, $"{status}: {body}");

        var withoutChain = Create(RolesAnywhereTestSigner.FromPki("leaf-via-intermediate"));
        Assert.Equal((403, "AccessDeniedException"), (withoutChain.Status, withoutChain.ErrorType));
    }

    [Fact]
    public void A_wrong_signature_is_refused()
    {
        var signer = RolesAnywhereTestSigner.FromPki("leaf-rsa2048");
        var r = Create(new RolesAnywhereTestSigner { Certificate = signer.Certificate, Key = signer.Key, CorruptSignature = true });
        Assert.Equal((403, "AccessDeniedException"), (r.Status, r.ErrorType));
        Assert.Contains("Signature validation failed", JsonDocument.Parse(r.Body).RootElement.GetProperty("message").GetString());

        // The key of another certificate.
        var other = RolesAnywhereTestSigner.FromPki("leaf-p256");
        var mismatched = Create(new RolesAnywhereTestSigner { Certificate = RolesAnywhereTestSigner.FromPki("leaf-p384").Certificate, Key = other.Key });
        Assert.Equal((403, "AccessDeniedException"), (mismatched.Status, mismatched.ErrorType));
    }

    [Fact]
    public void A_certificate_from_another_CA_or_an_expired_one_is_refused()
    {
        var otherCa = Create(RolesAnywhereTestSigner.FromPki("leaf-other-ca"));
        Assert.Equal((403, "AccessDeniedException"), (otherCa.Status, otherCa.ErrorType));
        Assert.Contains("trust anchor", otherCa.Body);

        var expired = Create(RolesAnywhereTestSigner.FromPki("leaf-expired"));
        Assert.Equal((403, "AccessDeniedException"), (expired.Status, expired.ErrorType));
        Assert.Contains("not valid", expired.Body);
    }

    [Fact]
    public void The_serial_in_Credential_must_be_the_positive_decimal_one()
    {
        var signer = RolesAnywhereTestSigner.FromPki("leaf-topbit-serial");
        var bytes = signer.Certificate.GetSerialNumber();
        // What a signer gets when it reads the DER serial as two's complement without the leading zero byte.
        var negative = new BigInteger(bytes.Take(bytes.Length - (bytes[^1] == 0 ? 1 : 0)).ToArray());
        Assert.True(negative < 0);
        var r = Create(new RolesAnywhereTestSigner { Certificate = signer.Certificate, Key = signer.Key, CredentialOverride = negative.ToString() });
        Assert.Equal((403, "AccessDeniedException"), (r.Status, r.ErrorType));

        var hex = Create(new RolesAnywhereTestSigner { Certificate = signer.Certificate, Key = signer.Key, CredentialOverride = signer.Certificate.SerialNumber });
        Assert.Equal((403, "AccessDeniedException"), (hex.Status, hex.ErrorType));
    }

    [Fact]
    public void A_role_the_profile_does_not_list_or_an_unknown_trust_anchor_is_refused()
    {
        var notInProfile = Create(RolesAnywhereTestSigner.FromPki("leaf-rsa2048"), DefaultWorld.ReadOnlyRoleArn);
        Assert.Equal((403, "AccessDeniedException"), (notInProfile.Status, notInProfile.ErrorType));
        Assert.Contains("profile", notInProfile.Body);

        var unknownAnchor = RolesAnywhereTestSigner.FromPki("leaf-rsa2048").CreateSession(_emulator.EndpointUrl("us-east-1"), "us-east-1",
            trustAnchorArn: "arn:aws:rolesanywhere:us-east-1:222222222222:trust-anchor/00000000-0000-0000-0000-000000000000");
        Assert.Equal((404, "ResourceNotFoundException"), (unknownAnchor.Status, unknownAnchor.ErrorType));

        var otherRegion = RolesAnywhereTestSigner.FromPki("leaf-rsa2048").CreateSession(_emulator.EndpointUrl("eu-west-1"), "eu-west-1");
        Assert.Equal((404, "ResourceNotFoundException"), (otherRegion.Status, otherRegion.ErrorType));

        var tooLong = RolesAnywhereTestSigner.FromPki("leaf-rsa2048").CreateSession(_emulator.EndpointUrl("us-east-1"), "us-east-1", durationSeconds: 43201);
        Assert.Equal((400, "ValidationException"), (tooLong.Status, tooLong.ErrorType));
    }

    [Fact]
    public void Certificates_expire_with_the_world_clock()
    {
        using var emulator = EmulatorProcess.Start();
        emulator.AdvanceClock(TimeSpan.FromDays(365 * 25));
        var r = RolesAnywhereTestSigner.FromPki("leaf-rsa2048").CreateSession(emulator.EndpointUrl("us-east-1"), "us-east-1");
        Assert.Equal((403, "AccessDeniedException"), (r.Status, r.ErrorType));
    }
}

using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>Role trust policies (principals, sts:ExternalId, aws:MultiFactorAuthPresent) and MFA by TOTP.</summary>
public sealed class TrustPolicyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public TrustPolicyTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    private SignedClient Alice => SignedClient.Alice(_emulator.EndpointUrl("us-east-1"), "us-east-1");

    private static KeyValuePair<string, string>[] P(params string[] kv) =>
        Enumerable.Range(0, kv.Length / 2).Select(i => new KeyValuePair<string, string>(kv[2 * i], kv[2 * i + 1])).ToArray();

    [Fact]
    public void Deploy_needs_its_external_id()
    {
        var none = Alice.Query("AssumeRole", P("RoleArn", DefaultWorld.DeployRoleArn, "RoleSessionName", "deploy"));
        Assert.Equal((403, "AccessDenied"), (none.Status, none.ErrorCode));
        Assert.Contains("is not authorized to perform: sts:AssumeRole on resource: " + DefaultWorld.DeployRoleArn, none.ErrorMessage);

        var wrong = Alice.Query("AssumeRole", P("RoleArn", DefaultWorld.DeployRoleArn, "RoleSessionName", "deploy", "ExternalId", "ext-0000"));
        Assert.Equal("AccessDenied", wrong.ErrorCode);

        var right = Alice.Query("AssumeRole", P("RoleArn", DefaultWorld.DeployRoleArn, "RoleSessionName", "deploy", "ExternalId", DefaultWorld.DeployExternalId));
        Assert.True(right.Ok, right.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Deploy/deploy", right.Value("Arn"));
    }

    [Fact]
    public void Admin_needs_MFA_which_GetSessionToken_proves_with_a_TOTP_code()
    {
        var noMfa = Alice.Query("AssumeRole", P("RoleArn", DefaultWorld.AdminRoleArn, "RoleSessionName", "admin"));
        Assert.Equal("AccessDenied", noMfa.ErrorCode);

        // The code is computed here (RFC 6238), from the emulator's clock.
        var code = Totp.Code(DefaultWorld.AliceTotpSeed, _emulator.Now());
        var wrongCode = ((int.Parse(code) + 500_000) % 1_000_000).ToString("D6");
        var rejected = Alice.Query("GetSessionToken", P("SerialNumber", DefaultWorld.AliceMfaSerial, "TokenCode", wrongCode));
        Assert.Equal((403, "AccessDenied"), (rejected.Status, rejected.ErrorCode));

        var mfaSession = Alice.Query("GetSessionToken", P("SerialNumber", DefaultWorld.AliceMfaSerial, "TokenCode", code, "DurationSeconds", "3600"));
        Assert.True(mfaSession.Ok, mfaSession.ToString());
        var withMfa = Alice.WithCredentials(mfaSession.Credentials);
        Assert.Equal(DefaultWorld.AliceArn, withMfa.Query("GetCallerIdentity").Value("Arn"));

        var admin = withMfa.Query("AssumeRole", P("RoleArn", DefaultWorld.AdminRoleArn, "RoleSessionName", "admin"));
        Assert.True(admin.Ok, admin.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Admin/admin", admin.Value("Arn"));

        // A session without MFA says aws:MultiFactorAuthPresent=false: still denied.
        var plain = Alice.WithCredentials(Alice.Query("GetSessionToken").Credentials);
        Assert.Equal("AccessDenied", plain.Query("AssumeRole", P("RoleArn", DefaultWorld.AdminRoleArn, "RoleSessionName", "admin")).ErrorCode);

        // Session credentials cannot call GetSessionToken.
        var again = withMfa.Query("GetSessionToken");
        Assert.Equal("AccessDenied", again.ErrorCode);
        Assert.Contains("session credentials", again.ErrorMessage);
    }

    [Fact]
    public void Admin_can_be_assumed_with_the_MFA_code_in_the_AssumeRole_call()
    {
        var code = Totp.Code(DefaultWorld.AliceTotpSeed, _emulator.Now());
        var admin = Alice.Query("AssumeRole", P("RoleArn", DefaultWorld.AdminRoleArn, "RoleSessionName", "admin", "SerialNumber", DefaultWorld.AliceMfaSerial, "TokenCode", code));
        Assert.True(admin.Ok, admin.ToString());

        var otherDevice = Alice.Query("AssumeRole", P("RoleArn", DefaultWorld.AdminRoleArn, "RoleSessionName", "admin", "SerialNumber", "arn:aws:iam::111111111111:mfa/bob", "TokenCode", code));
        Assert.Equal("AccessDenied", otherDevice.ErrorCode);
    }

    [Fact]
    public void A_role_that_does_not_exist_or_does_not_trust_the_caller_is_AccessDenied()
    {
        Assert.Equal("AccessDenied", Alice.Query("AssumeRole", P("RoleArn", "arn:aws:iam::222222222222:role/Nope", "RoleSessionName", "x1")).ErrorCode);
        // GitHubDeploy trusts only the OIDC provider.
        Assert.Equal("AccessDenied", Alice.Query("AssumeRole", P("RoleArn", DefaultWorld.GitHubDeployRoleArn, "RoleSessionName", "x1")).ErrorCode);
        // Deploy allows tagging but not setting a source identity.
        var si = Alice.Query("AssumeRole", P("RoleArn", DefaultWorld.DeployRoleArn, "RoleSessionName", "x1", "ExternalId", DefaultWorld.DeployExternalId, "SourceIdentity", "alice"));
        Assert.Equal("AccessDenied", si.ErrorCode);
    }

    [Fact]
    public void GetFederationToken_gives_a_federated_user_that_cannot_assume_roles()
    {
        var fed = Alice.Query("GetFederationToken", P("Name", "contractor"));
        Assert.True(fed.Ok, fed.ToString());
        Assert.Equal("arn:aws:sts::111111111111:federated-user/contractor", fed.Value("Arn"));
        var asFed = Alice.WithCredentials(fed.Credentials);
        Assert.Equal("111111111111:contractor", asFed.Query("GetCallerIdentity").Value("UserId"));
        Assert.Equal("AccessDenied", asFed.Query("AssumeRole", P("RoleArn", DefaultWorld.ReadOnlyRoleArn, "RoleSessionName", "x1")).ErrorCode);
    }
}

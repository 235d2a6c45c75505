using System.Text.Json;
using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>Per-principal deny lists (the world's stand-in for identity policies): each protocol's AccessDenied.</summary>
public sealed class DenyListTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public DenyListTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    private static KeyValuePair<string, string>[] P(params string[] kv) =>
        Enumerable.Range(0, kv.Length / 2).Select(i => new KeyValuePair<string, string>(kv[2 * i], kv[2 * i + 1])).ToArray();

    private SignedClient Bob(string service = "sts") => new()
    {
        EndpointUrl = _emulator.EndpointUrl("us-east-1"),
        Region = "us-east-1",
        Service = service,
        AccessKeyId = DefaultWorld.BobAccessKeyId,
        SecretAccessKey = DefaultWorld.BobSecretAccessKey,
    };

    private StsCredentials AssumeAsBob(string roleArn)
    {
        var r = Bob().Query("AssumeRole", P("RoleArn", roleArn, "RoleSessionName", "deny-test"));
        Assert.True(r.Ok, r.ToString());
        return r.Credentials;
    }

    private static (int Status, string? ErrorType, string Body) ListRegions(SignedClient client)
    {
        using var response = client.Send("POST", "listRegions", "{}", "application/json");
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return ((int)response.StatusCode, response.Headers.TryGetValues("X-Amzn-ErrorType", out var t) ? t.First() : null, body);
    }

    [Fact]
    public void Bob_answers_to_his_key_and_alice_may_not_assume_bobs_roles()
    {
        var me = Bob().Query("GetCallerIdentity");
        Assert.Equal(DefaultWorld.BobArn, me.Value("Arn"));

        var alice = SignedClient.Alice(_emulator.EndpointUrl("us-east-1"), "us-east-1")
            .Query("AssumeRole", P("RoleArn", DefaultWorld.RestrictedRoleArn, "RoleSessionName", "denied"));
        Assert.Equal((403, "AccessDenied"), (alice.Status, alice.ErrorCode));
    }

    [Fact]
    public void Restricted_sessions_are_denied_the_account_api_as_AccessDeniedException_but_may_read_ec2_and_iam()
    {
        var creds = AssumeAsBob(DefaultWorld.RestrictedRoleArn);
        var account = ListRegions(Bob("account").WithCredentials(creds));
        Assert.Equal((403, "AccessDeniedException"), (account.Status, account.ErrorType));
        var message = JsonDocument.Parse(account.Body).RootElement.GetProperty("message").GetString();
        Assert.Equal("User: arn:aws:sts::222222222222:assumed-role/Restricted/deny-test is not authorized to perform: account:ListRegions on resource: * with an explicit deny in an identity-based policy", message);

        var ec2 = Bob("ec2").WithCredentials(creds).Query("DescribeRegions", P("AllRegions", "true"));
        Assert.True(ec2.Ok, ec2.ToString());
        var iam = Bob("iam").WithCredentials(creds).Query("GetAccountSummary");
        Assert.True(iam.Ok, iam.ToString());
        var whoami = Bob().WithCredentials(creds).Query("GetCallerIdentity");
        Assert.True(whoami.Ok, whoami.ToString());
    }

    [Fact]
    public void NoRegionRead_sessions_get_each_protocols_denial()
    {
        var creds = AssumeAsBob(DefaultWorld.NoRegionReadRoleArn);

        var ec2 = Bob("ec2").WithCredentials(creds).Query("DescribeRegions", P("AllRegions", "true"));
        Assert.Equal((403, "UnauthorizedOperation"), (ec2.Status, ec2.ErrorCode));
        Assert.StartsWith("You are not authorized to perform this operation.", ec2.ErrorMessage);
        Assert.Contains("ec2:DescribeRegions", ec2.ErrorMessage);
        Assert.Equal("Response", ec2.Xml.Root!.Name.LocalName);

        var summary = Bob("iam").WithCredentials(creds).Query("GetAccountSummary");
        Assert.Equal((403, "AccessDenied"), (summary.Status, summary.ErrorCode));
        Assert.Equal("ErrorResponse", summary.Xml.Root!.Name.LocalName);
        Assert.Contains("iam:GetAccountSummary", summary.ErrorMessage);

        var prefs = Bob("iam").WithCredentials(creds).Query("SetSecurityTokenServicePreferences", P("GlobalEndpointTokenVersion", "v2Token"));
        Assert.Equal((403, "AccessDenied"), (prefs.Status, prefs.ErrorCode));

        var account = ListRegions(Bob("account").WithCredentials(creds));
        Assert.Equal((403, "AccessDeniedException"), (account.Status, account.ErrorType));

        // The denial shows in the request log with the caller.
        var entry = _emulator.RequestLog("us-east-1").Last(e => e.Operation == "ListRegions");
        Assert.Equal(("AccessDeniedException", 403), (entry.Outcome, entry.Status));
        Assert.EndsWith("assumed-role/NoRegionRead/deny-test", entry.Caller);
    }

    [Fact]
    public void Deny_lists_can_be_set_through_the_admin_api_with_wildcards_and_GetCallerIdentity_is_never_denied()
    {
        try
        {
            _emulator.SetDenyList(DefaultWorld.BobArn, "sts:Assume*", "*:GetCallerIdentity");
            var assume = Bob().Query("AssumeRole", P("RoleArn", DefaultWorld.RestrictedRoleArn, "RoleSessionName", "denied"));
            Assert.Equal((403, "AccessDenied"), (assume.Status, assume.ErrorCode));
            Assert.Contains($"sts:AssumeRole on resource: {DefaultWorld.RestrictedRoleArn} with an explicit deny", assume.ErrorMessage);
            Assert.True(Bob().Query("GetCallerIdentity").Ok);

            // GetSessionToken is never denied, and the user's list follows its session.
            _emulator.SetDenyList(DefaultWorld.BobArn, "iam:GetAccountSummary");
            var session = Bob().Query("GetSessionToken");
            Assert.True(session.Ok, session.ToString());
            var summary = Bob("iam").WithCredentials(session.Credentials).Query("GetAccountSummary");
            Assert.Equal((403, "AccessDenied"), (summary.Status, summary.ErrorCode));
            Assert.Contains($"User: {DefaultWorld.BobArn} is not authorized to perform: iam:GetAccountSummary", summary.ErrorMessage);

            _emulator.SetDenyList(DefaultWorld.BobArn);
            Assert.True(Bob().Query("AssumeRole", P("RoleArn", DefaultWorld.RestrictedRoleArn, "RoleSessionName", "denied")).Ok);
            Assert.True(Bob("iam").WithCredentials(session.Credentials).Query("GetAccountSummary").Ok);
        }
        finally
        {
            _emulator.SetDenyList(DefaultWorld.BobArn);
        }
    }
}

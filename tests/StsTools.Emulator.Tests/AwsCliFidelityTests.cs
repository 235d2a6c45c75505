using System.Net.Http.Headers;
using System.Text.Json;
using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>
/// Must-show 1: clients nobody here wrote — the AWS CLI v1 and boto3 — pointed at the emulator by --endpoint-url /
/// endpoint_url, with credentials from the environment only. Each asserts the parsed answer, not just an exit code.
/// </summary>
public sealed class AwsCliFidelityTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private static readonly HttpClient s_http = new();
    private readonly EmulatorProcess _emulator;
    private readonly AwsCli _cli = new();

    public AwsCliFidelityTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    public void Dispose() => _cli.Dispose();

    private string UsEast1 => _emulator.EndpointUrl("us-east-1");

    private CliResult Aws(IReadOnlyDictionary<string, string?> credentials, params string[] args) =>
        _cli.Run(credentials, "us-east-1", args.Concat(new[] { "--endpoint-url", UsEast1 }).ToArray());

    private static void AssertError(CliResult r, string code)
    {
        Assert.False(r.Ok, r.ToString());
        Assert.Equal(code, r.ErrorCode);
    }

    /// <summary>A six-digit code the device does not show in the ±1 step window.</summary>
    private string WrongCode()
    {
        var now = _emulator.Now();
        var valid = new[] { -30, 0, 30 }.Select(s => Totp.Code(DefaultWorld.AliceTotpSeed, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !valid.Contains(c));
    }

    /// <summary>What a GitHub Actions step does to get its ID token (the emulator's GitHub endpoint).</summary>
    private string GitHubIdToken(string audience)
    {
        var url = _emulator.GitHubActionsEnvironment()["ACTIONS_ID_TOKEN_REQUEST_URL"] + "&audience=" + Uri.EscapeDataString(audience);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DefaultWorld.GitHubRequestToken);
        using var response = s_http.Send(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(response.Content.ReadAsStream()).RootElement.GetProperty("value").GetString()!;
    }

    [Fact]
    public void Cli_get_caller_identity_and_assume_role_with_and_without_the_external_id()
    {
        var me = Aws(AwsCli.Alice, "sts", "get-caller-identity");
        Assert.True(me.Ok, me.ToString());
        Assert.Equal(DefaultWorld.AliceArn, me.Json.GetProperty("Arn").GetString());
        Assert.Equal(DefaultWorld.CallerAccount, me.Json.GetProperty("Account").GetString());

        var readOnly = Aws(AwsCli.Alice, "sts", "assume-role", "--role-arn", DefaultWorld.ReadOnlyRoleArn, "--role-session-name", "cli");
        Assert.True(readOnly.Ok, readOnly.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/cli", readOnly.Json.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString());
        Assert.StartsWith("ASIA", readOnly.Credentials.AccessKeyId);
        Assert.StartsWith("IQoJb3JpZ2lu", readOnly.Credentials.SessionToken);
        var expires = DateTimeOffset.Parse(readOnly.Credentials.Expiration);
        Assert.InRange(expires - _emulator.Now(), TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));

        var deploy = Aws(AwsCli.Alice, "sts", "assume-role", "--role-arn", DefaultWorld.DeployRoleArn, "--role-session-name", "cli",
            "--external-id", DefaultWorld.DeployExternalId);
        Assert.True(deploy.Ok, deploy.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Deploy/cli", deploy.Json.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString());

        var wrong = Aws(AwsCli.Alice, "sts", "assume-role", "--role-arn", DefaultWorld.DeployRoleArn, "--role-session-name", "cli",
            "--external-id", "ext-0000");
        AssertError(wrong, "AccessDenied");
        Assert.Contains("is not authorized to perform: sts:AssumeRole on resource: " + DefaultWorld.DeployRoleArn, wrong.Stderr);
    }

    [Fact]
    public void Cli_get_session_token_with_a_totp_code_then_assume_admin_with_the_mfa_session()
    {
        var code = Totp.Code(DefaultWorld.AliceTotpSeed, _emulator.Now());
        var session = Aws(AwsCli.Alice, "sts", "get-session-token", "--serial-number", DefaultWorld.AliceMfaSerial, "--token-code", code);
        Assert.True(session.Ok, session.ToString());
        Assert.StartsWith("ASIA", session.Credentials.AccessKeyId);

        var wrong = Aws(AwsCli.Alice, "sts", "get-session-token", "--serial-number", DefaultWorld.AliceMfaSerial, "--token-code", WrongCode());
        AssertError(wrong, "AccessDenied");
        Assert.Contains("MultiFactorAuthentication failed", wrong.Stderr);

        var admin = Aws(AwsCli.Keys(session.Credentials), "sts", "assume-role", "--role-arn", DefaultWorld.AdminRoleArn, "--role-session-name", "mfa");
        Assert.True(admin.Ok, admin.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Admin/mfa", admin.Json.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString());

        var withoutMfa = Aws(AwsCli.Alice, "sts", "assume-role", "--role-arn", DefaultWorld.AdminRoleArn, "--role-session-name", "nomfa");
        AssertError(withoutMfa, "AccessDenied");
    }

    [Fact]
    public void Cli_assume_role_with_web_identity_takes_a_token_from_the_github_endpoint_and_refuses_a_wrong_audience()
    {
        var none = new Dictionary<string, string?>();
        var ok = Aws(none, "sts", "assume-role-with-web-identity", "--role-arn", DefaultWorld.GitHubDeployRoleArn,
            "--role-session-name", "gha", "--web-identity-token", GitHubIdToken(DefaultWorld.GitHubAudience));
        Assert.True(ok.Ok, ok.ToString());
        Assert.Equal(DefaultWorld.GitHubSubject, ok.Json.GetProperty("SubjectFromWebIdentityToken").GetString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/GitHubDeploy/gha", ok.Json.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString());
        Assert.StartsWith("ASIA", ok.Credentials.AccessKeyId);

        var wrong = Aws(none, "sts", "assume-role-with-web-identity", "--role-arn", DefaultWorld.GitHubDeployRoleArn,
            "--role-session-name", "gha", "--web-identity-token", GitHubIdToken("https://github.com/example-org"));
        AssertError(wrong, "InvalidIdentityToken");
    }

    [Fact]
    public void Cli_iam_reads_and_sets_the_global_endpoint_token_version()
    {
        var summary = Aws(AwsCli.Alice, "iam", "get-account-summary");
        Assert.True(summary.Ok, summary.ToString());
        Assert.Equal(1, summary.Json.GetProperty("SummaryMap").GetProperty("GlobalEndpointTokenVersion").GetInt32());

        var set = Aws(AwsCli.Alice, "iam", "set-security-token-service-preferences", "--global-endpoint-token-version", "v2Token");
        try
        {
            Assert.True(set.Ok, set.ToString());
            Assert.Equal("", set.Stdout.Trim());
            var after = SignedClient.Alice(UsEast1, "us-east-1", "iam").Query("GetAccountSummary");
            Assert.Contains("<key>GlobalEndpointTokenVersion</key><value>2</value>", after.Body);
        }
        finally
        {
            var back = SignedClient.Alice(UsEast1, "us-east-1", "iam").Query("SetSecurityTokenServicePreferences",
                new KeyValuePair<string, string>[] { new("GlobalEndpointTokenVersion", "v1Token") });
            Assert.True(back.Ok, back.ToString());
        }
    }

    [Fact]
    public void Cli_ec2_describe_regions_all_regions_and_account_list_regions_report_opt_in_status()
    {
        var ec2 = Aws(AwsCli.Alice, "ec2", "describe-regions", "--all-regions");
        Assert.True(ec2.Ok, ec2.ToString());
        var status = ec2.Json.GetProperty("Regions").EnumerateArray()
            .ToDictionary(r => r.GetProperty("RegionName").GetString()!, r => r.GetProperty("OptInStatus").GetString());
        Assert.Equal("opt-in-not-required", status["us-east-1"]);
        Assert.Equal("opted-in", status["me-south-1"]);
        Assert.Equal("opted-in", status["ap-east-1"]);
        Assert.Equal("not-opted-in", status["af-south-1"]);

        var account = Aws(AwsCli.Alice, "account", "list-regions");
        Assert.True(account.Ok, account.ToString());
        var regions = account.Json.GetProperty("Regions").EnumerateArray()
            .ToDictionary(r => r.GetProperty("RegionName").GetString()!, r => r.GetProperty("RegionOptStatus").GetString());
        Assert.Equal(status.Count, regions.Count); // the CLI followed NextToken through every page
        Assert.Equal("ENABLED_BY_DEFAULT", regions["us-east-1"]);
        Assert.Equal("ENABLED", regions["me-south-1"]);
        Assert.Equal("DISABLED", regions["af-south-1"]);
    }

    [Fact]
    public void Boto3_does_the_same_calls_in_one_script()
    {
        var code = Totp.Code(DefaultWorld.AliceTotpSeed, _emulator.Now());
        var r = _cli.Python(Boto3Script, AwsCli.Alice, "us-east-1", UsEast1, code, WrongCode(),
            GitHubIdToken(DefaultWorld.GitHubAudience), GitHubIdToken("wrong-audience"));
        Assert.True(r.Ok, r.ToString());
        var o = JsonDocument.Parse(r.Stdout).RootElement;
        string S(string name) => o.GetProperty(name).GetString()!;

        Assert.Equal(DefaultWorld.AliceArn, S("identity"));
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/boto3", S("readOnly"));
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Deploy/boto3", S("deploy"));
        Assert.Equal("AccessDenied", S("deployWrongExternalId"));
        Assert.Equal("AccessDenied", S("deployWithoutExternalId"));
        Assert.StartsWith("ASIA", S("sessionKey"));
        Assert.Equal("AccessDenied", S("sessionWrongCode"));
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Admin/boto3", S("adminWithMfa"));
        Assert.Equal("AccessDenied", S("adminWithoutMfa"));
        Assert.Equal("arn:aws:sts::111111111111:federated-user/boto3fed", S("federatedUser"));
        Assert.Equal(S("federatedUser"), S("federatedIdentity"));
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/GitHubDeploy/boto3", S("webIdentity"));
        Assert.Equal("InvalidIdentityToken", S("webIdentityWrongAudience"));
        Assert.Equal(1, o.GetProperty("tokenVersionBefore").GetInt32());
        Assert.Equal(2, o.GetProperty("tokenVersionAfter").GetInt32());
        Assert.Equal("not-opted-in", S("ec2AfSouth1"));
        Assert.Equal("ENABLED", S("accountMeSouth1"));
        Assert.Equal("DISABLED", S("accountAfSouth1Status"));
    }

    private const string Boto3Script = """
        import json, sys
        import boto3
        from botocore.exceptions import ClientError

        endpoint, code, wrong_code, good_jwt, bad_jwt = sys.argv[1:6]
        out = {}
        def client(service, **kw):
            return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1", **kw)
        def error(call):
            try:
                call()
                return "no error"
            except ClientError as e:
                return e.response["Error"]["Code"]

        sts = client("sts")
        out["identity"] = sts.get_caller_identity()["Arn"]
        out["readOnly"] = sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/ReadOnly", RoleSessionName="boto3")["AssumedRoleUser"]["Arn"]
        out["deploy"] = sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/Deploy", RoleSessionName="boto3", ExternalId="ext-4242")["AssumedRoleUser"]["Arn"]
        out["deployWrongExternalId"] = error(lambda: sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/Deploy", RoleSessionName="boto3", ExternalId="ext-0000"))
        out["deployWithoutExternalId"] = error(lambda: sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/Deploy", RoleSessionName="boto3"))

        mfa = "arn:aws:iam::111111111111:mfa/alice"
        c = sts.get_session_token(SerialNumber=mfa, TokenCode=code)["Credentials"]
        out["sessionKey"] = c["AccessKeyId"]
        out["sessionWrongCode"] = error(lambda: sts.get_session_token(SerialNumber=mfa, TokenCode=wrong_code))
        mfa_sts = client("sts", aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"])
        out["adminWithMfa"] = mfa_sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/Admin", RoleSessionName="boto3")["AssumedRoleUser"]["Arn"]
        out["adminWithoutMfa"] = error(lambda: sts.assume_role(RoleArn="arn:aws:iam::222222222222:role/Admin", RoleSessionName="boto3"))

        fed = sts.get_federation_token(Name="boto3fed", DurationSeconds=900)
        out["federatedUser"] = fed["FederatedUser"]["Arn"]
        fed_sts = client("sts", aws_access_key_id=fed["Credentials"]["AccessKeyId"], aws_secret_access_key=fed["Credentials"]["SecretAccessKey"], aws_session_token=fed["Credentials"]["SessionToken"])
        out["federatedIdentity"] = fed_sts.get_caller_identity()["Arn"]

        out["webIdentity"] = sts.assume_role_with_web_identity(RoleArn="arn:aws:iam::222222222222:role/GitHubDeploy", RoleSessionName="boto3", WebIdentityToken=good_jwt)["AssumedRoleUser"]["Arn"]
        out["webIdentityWrongAudience"] = error(lambda: sts.assume_role_with_web_identity(RoleArn="arn:aws:iam::222222222222:role/GitHubDeploy", RoleSessionName="boto3", WebIdentityToken=bad_jwt))

        iam = client("iam")
        out["tokenVersionBefore"] = iam.get_account_summary()["SummaryMap"]["GlobalEndpointTokenVersion"]
        iam.set_security_token_service_preferences(GlobalEndpointTokenVersion="v2Token")
        out["tokenVersionAfter"] = iam.get_account_summary()["SummaryMap"]["GlobalEndpointTokenVersion"]
        iam.set_security_token_service_preferences(GlobalEndpointTokenVersion="v1Token")

        regions = client("ec2").describe_regions(AllRegions=True)["Regions"]
        out["ec2AfSouth1"] = [r["OptInStatus"] for r in regions if r["RegionName"] == "af-south-1"][0]
        account = client("account")
        listed = [r for page in account.get_paginator("list_regions").paginate() for r in page["Regions"]]
        out["accountMeSouth1"] = [r["RegionOptStatus"] for r in listed if r["RegionName"] == "me-south-1"][0]
        out["accountAfSouth1Status"] = account.get_region_opt_status(RegionName="af-south-1")["RegionOptStatus"]
        print(json.dumps(out))
        """;
}

using System.Management.Automation;
using StsTools.Testing.Emulator;
using StsTools.Tests.AssumeRole;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Regions;

/// <summary>
/// Where the caller cmdlets (Get-/Set-StsTokenVersion, Get-StsRegion -Live, Test-StsRegionCompatibility) get the
/// credentials for their own calls: -ProfileName (keys, or a role profile as Invoke-StsAssumeRole resolves it, MFA
/// prompt included), AWS_PROFILE and [default] without it, and nothing sent for bad names or -WhatIf. Profiles live in
/// an <see cref="AwsSandbox"/> (HOME, config, credentials and caches in a temp directory): process-wide, so serial.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class CallerProfileTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorProcess _emulator;
    private readonly AwsSandbox _sandbox;

    public CallerProfileTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
        _sandbox = new AwsSandbox(_emulator);
        File.WriteAllText(_sandbox.ConfigFile, $"""
            [profile alice]
            region = us-east-1

            [profile ro]
            role_arn = {DefaultWorld.ReadOnlyRoleArn}
            source_profile = alice
            role_session_name = caller-ro
            region = eu-west-1

            [profile admin]
            role_arn = {DefaultWorld.AdminRoleArn}
            source_profile = alice
            mfa_serial = {DefaultWorld.AliceMfaSerial}
            """);
        File.WriteAllText(_sandbox.CredentialsFile, $"""
            [alice]
            aws_access_key_id = {DefaultWorld.AliceAccessKeyId}
            aws_secret_access_key = {DefaultWorld.AliceSecretAccessKey}
            """);
    }

    public void Dispose() => _sandbox.Dispose();

    private string Url => _emulator.EndpointTemplate;

    private static object? P(PSObject o, string name) => o.Properties[name].Value;

    private List<EmulatorRequestLogEntry> Requests(string operation) => _emulator.RequestLog().Where(e => e.Operation == operation).ToList();

    [Fact]
    public void A_profile_with_keys_signs_each_of_the_four_cmdlets()
    {
        using var session = new ModuleSession();
        var r = session.Run("""
            param($ep)
            $common = @{ EndpointUrl = $ep; Verbose = $true; Debug = $true }
            Get-StsTokenVersion -ProfileName alice @common
            Set-StsTokenVersion V2Token -ProfileName alice -Confirm:$false -PassThru -EndpointUrl $ep -Verbose # -Debug would ask "Continue?" of this host
            Get-StsRegion -Live -OptIn -ProfileName alice @common
            Test-StsRegionCompatibility -ProfileName alice -Region us-east-1 @common
            """, Url);
        r.ThrowIfErrors();
        Assert.Contains(r.Verbose, v => v.Contains("profile 'alice' AKIA…CE01"));
        Assert.DoesNotContain(DefaultWorld.AliceSecretAccessKey, r.EverythingVisible());
        var read = r.Output[0];
        Assert.Equal(DefaultWorld.CallerAccount, P(read, "AccountId"));
        Assert.Equal("V1Token", P(read, "GlobalEndpointTokenVersion")!.ToString());
        var set = r.Output[1];
        Assert.Equal("V1Token", P(set, "PreviousVersion")!.ToString());
        Assert.Equal("V2Token", P(set, "GlobalEndpointTokenVersion")!.ToString());
        var regions = r.Output.Where(o => o.BaseObject.GetType().Name == "StsRegion").ToList();
        Assert.Contains(regions, o => (string)P(o, "Region")! == "me-south-1" && P(o, "Status")!.ToString() == "Enabled" && P(o, "StatusSource")!.ToString() == "AccountApi");
        var test = r.Output.Last();
        Assert.Equal("us-east-1", P(test, "Region"));
        Assert.Equal(true, P(test, "Compatible"));

        // Every call signed with the profile's keys; no role assumed.
        var log = _emulator.RequestLog();
        Assert.NotEmpty(log);
        Assert.All(log, e => Assert.Equal(DefaultWorld.AliceAccessKeyId, e.AccessKeyId));
        Assert.Contains(log, e => e.Operation == "SetSecurityTokenServicePreferences");
        Assert.Empty(Requests("AssumeRole"));
    }

    [Fact]
    public void A_role_profile_is_assumed_once_and_its_cached_session_reused_by_the_next_cmdlet()
    {
        using var session = new ModuleSession();
        var r = session.Run("""
            param($ep)
            Get-StsTokenVersion -ProfileName ro -EndpointUrl $ep -Verbose
            Test-StsRegionCompatibility -ProfileName ro -Region me-south-1 -EndpointUrl $ep
            """, Url);
        r.ThrowIfErrors();
        Assert.Equal(DefaultWorld.RoleAccount, P(r.Output[0], "AccountId"));
        var bahrain = r.Output[1];
        Assert.Equal(true, P(bahrain, "Compatible"));
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/caller-ro", P(bahrain, "Arn"));
        Assert.Contains(r.Verbose, v => v.Contains("profile 'ro'") && v.Contains(DefaultWorld.ReadOnlyRoleArn));

        // One AssumeRole, at the profile region's endpoint, signed with the source profile's keys; the session went to
        // the AWS CLI's cache, where the second cmdlet found it.
        var assume = Assert.Single(Requests("AssumeRole"));
        Assert.Equal("eu-west-1", assume.Endpoint);
        Assert.Equal(DefaultWorld.AliceAccessKeyId, assume.AccessKeyId);
        Assert.Single(Directory.GetFiles(_sandbox.CliCache, "*.json"));
        Assert.All(_emulator.RequestLog().Where(e => e.Operation != "AssumeRole"), e => Assert.StartsWith("ASIA", e.AccessKeyId));

        // -Offline calls nothing: it tests the cached session, and says so when there is none.
        _emulator.ClearRequestLog();
        var offline = session.Run("Test-StsRegionCompatibility -ProfileName ro -Region me-south-1 -Offline", Url);
        offline.ThrowIfErrors();
        Assert.Equal(true, P(Assert.Single(offline.Output), "Compatible"));
        foreach (var file in Directory.GetFiles(_sandbox.CliCache)) File.Delete(file);
        Assert.StartsWith("OfflineNeedsCredential,", session.Run("Test-StsRegionCompatibility -ProfileName ro -Region me-south-1 -Offline").FirstErrorId);
        Assert.Empty(_emulator.RequestLog());
    }

    [Fact]
    public void A_role_profile_with_mfa_serial_prompts_on_the_pipeline_thread_or_says_TokenCodeRequired_and_shows_no_secret()
    {
        using (var batch = new ModuleSession())
        {
            var refused = batch.Run("Get-StsTokenVersion -ProfileName admin -EndpointUrl $args[0]", Url);
            Assert.StartsWith("TokenCodeRequired,", refused.FirstErrorId);
            Assert.Contains("Invoke-StsAssumeRole -ProfileName admin -TokenCode", refused.AllErrors.First().ErrorDetails?.RecommendedAction);
            Assert.Empty(_emulator.RequestLog());
        }

        using var interactive = new ModuleSession(interactive: true);
        var code = _emulator.TotpCode();
        interactive.Host.TestUI.Answers.Enqueue(code);
        var r = interactive.Run("""
            param($ep)
            $read = Get-StsTokenVersion -ProfileName admin -EndpointUrl $ep -Verbose -Debug
            $tested = Test-StsRegionCompatibility -ProfileName admin -Region me-south-1, us-east-1 -EndpointUrl $ep -Verbose -Debug
            $read; $tested
            $read, $tested | Out-Default
            """, Url);
        Assert.Empty(r.AllErrors);
        Assert.Equal(new[] { "TokenCode" }, interactive.Host.TestUI.Prompts); // asked once: the second cmdlet reused the cached session
        Assert.Equal(DefaultWorld.RoleAccount, P(r.Output[0], "AccountId"));
        Assert.Equal(2, r.Output.Count - 1);
        Assert.All(r.Output.Skip(1), o => Assert.StartsWith("arn:aws:sts::222222222222:assumed-role/Admin/", (string)P(o, "Arn")!));
        Assert.All(r.Output.Skip(1), o => Assert.Equal(true, P(o, "Compatible")));
        Assert.Contains("Admin", r.Screen);
        var assume = Assert.Single(Requests("AssumeRole"));
        Assert.Equal("OK", assume.Outcome);

        var cached = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(_sandbox.CliCache, "*.json")))).RootElement.GetProperty("Credentials");
        var session = new[] { cached.GetProperty("SecretAccessKey").GetString()!, cached.GetProperty("SessionToken").GetString()! };
        var visible = r.EverythingVisible();
        foreach (var secret in session.Append(DefaultWorld.AliceSecretAccessKey).Append(DefaultWorld.AliceTotpSeed).Append(code))
        {
            Assert.DoesNotContain(secret, visible);
        }
    }

    [Fact]
    public void Without_credential_or_profile_name_AWS_PROFILE_then_default_then_NoCallerCredentials()
    {
        using var session = new ModuleSession();
        File.AppendAllText(_sandbox.CredentialsFile, $"\n[default]\naws_access_key_id = {DefaultWorld.BobAccessKeyId}\naws_secret_access_key = {DefaultWorld.BobSecretAccessKey}\n");
        var byDefault = session.Run("Get-StsTokenVersion -EndpointUrl $args[0]", Url);
        byDefault.ThrowIfErrors();
        Assert.All(_emulator.RequestLog(), e => Assert.Equal(DefaultWorld.BobAccessKeyId, e.AccessKeyId));

        Environment.SetEnvironmentVariable("AWS_PROFILE", "ro");
        var named = session.Run("Get-StsTokenVersion -EndpointUrl $args[0]", Url);
        named.ThrowIfErrors();
        Assert.Equal(DefaultWorld.RoleAccount, P(Assert.Single(named.Output), "AccountId"));

        // The AWS_* keys still win over AWS_PROFILE (as in the AWS CLI).
        _sandbox.UseAliceKeys();
        _emulator.ClearRequestLog();
        session.Run("Get-StsTokenVersion -EndpointUrl $args[0]", Url).ThrowIfErrors();
        Assert.All(_emulator.RequestLog(), e => Assert.Equal(DefaultWorld.AliceAccessKeyId, e.AccessKeyId));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);

        _emulator.ClearRequestLog();
        Environment.SetEnvironmentVariable("AWS_PROFILE", "missing");
        Assert.StartsWith("ProfileNotFound,", session.Run("Get-StsTokenVersion -EndpointUrl $args[0]", Url).FirstErrorId);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);

        // Nothing at all (no keys, no profile with any, the SDK's chain finds nothing): the same id as before, naming -ProfileName.
        // A [default] with only a region is no credential: it is left to the SDK's chain, as the SDK would.
        File.WriteAllText(_sandbox.CredentialsFile, "");
        File.WriteAllText(_sandbox.ConfigFile, "[default]\nregion = us-east-1\n");
        foreach (var script in new[] { "Get-StsTokenVersion -EndpointUrl $args[0]", "Test-StsRegionCompatibility -Region me-south-1 -EndpointUrl $args[0]" })
        {
            var none = session.Run(script, Url);
            Assert.StartsWith("NoCallerCredentials,", none.FirstErrorId);
            Assert.Contains("-ProfileName", none.AllErrors.First().ToString());
        }

        Assert.Empty(_emulator.RequestLog());
    }

    [Fact]
    public void WhatIf_with_a_role_profile_sends_nothing_and_writes_no_cache()
    {
        using var session = new ModuleSession();
        var r = session.Display("Set-StsTokenVersion V2Token -ProfileName ro -EndpointUrl $args[0] -WhatIf; Set-StsTokenVersion V2Token -ProfileName admin -EndpointUrl $args[0] -WhatIf", Url);
        Assert.Empty(r.AllErrors);
        Assert.Contains("What if", r.Screen);
        Assert.Contains("account 222222222222", r.Screen);
        Assert.Empty(_emulator.RequestLog());
        Assert.False(Directory.Exists(_sandbox.CliCache) && Directory.EnumerateFiles(_sandbox.CliCache).Any());

        // The same without -WhatIf: the read and the change go out with the role session.
        var real = session.Run("Set-StsTokenVersion V2Token -ProfileName ro -EndpointUrl $args[0] -Confirm:$false -PassThru", Url);
        real.ThrowIfErrors();
        Assert.Equal(DefaultWorld.RoleAccount, P(Assert.Single(real.Output), "AccountId"));
        Assert.Single(Requests("SetSecurityTokenServicePreferences"));
    }
}

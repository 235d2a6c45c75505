using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>Secret hygiene (issue 4, must-show 8): every scenario with -Verbose -Debug, all streams, errors, progress and
/// the default formatting captured; no secret key, session token, TOTP seed or code, or web identity token anywhere.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class SecretHygieneTests : IClassFixture<AssumeRoleFixture>, IDisposable
{
    private readonly EmulatorProcess _emulator;
    private readonly AwsSandbox _sandbox;

    public SecretHygieneTests(AssumeRoleFixture fixture)
    {
        _emulator = fixture.Emulator;
        _sandbox = fixture.Begin();
    }

    public void Dispose()
    {
        _emulator.ClearFaults();
        _sandbox.Dispose();
    }

    [Fact]
    public void No_secret_in_any_stream_error_progress_or_default_view()
    {
        _sandbox.UseAliceKeys();
        foreach (var (k, v) in _emulator.GitHubActionsEnvironment()) Environment.SetEnvironmentVariable(k, v);
        foreach (var (k, v) in _emulator.AzureDevOpsEnvironment()) Environment.SetEnvironmentVariable(k, v);
        File.WriteAllText(_sandbox.ConfigFile, $"[profile mfauser]\nmfa_serial = {DefaultWorld.AliceMfaSerial}\nrole_arn = {DefaultWorld.AdminRoleArn}\nsource_profile = alice\n");
        File.WriteAllText(_sandbox.CredentialsFile, $"[alice]\naws_access_key_id = {DefaultWorld.AliceAccessKeyId}\naws_secret_access_key = {DefaultWorld.AliceSecretAccessKey}\n");
        var jwt = _emulator.MintOidcToken("github", audience: DefaultWorld.GitHubAudience);
        var saml = _emulator.SamlResponse();
        _emulator.SetFault("eu-west-1", EmulatorFault.Refusing());

        using var session = new ModuleSession(interactive: true);
        var code1 = _emulator.TotpCode();
        session.Host.TestUI.Answers.Enqueue(code1);
        var shown = session.Display("""
            param($mfa, $admin, $deploy, $ext, $gh, $az, $conn, $samlRole, $saml, $idp, $jwt, $readOnly)
            $common = @{ Verbose = $true; Debug = $true; ErrorAction = 'Continue' }
            $global:all = @()
            $global:all += $m = Get-StsMfaSession -SerialNumber $mfa @common
            $global:all += $m | Invoke-StsAssumeRole -RoleArn $admin @common
            $global:all += Invoke-StsAssumeRole -RoleArn $deploy -ExternalId $ext @common
            Invoke-StsAssumeRole -RoleArn $deploy -ExternalId wrong-id @common
            $global:all += Invoke-StsAssumeRole -FromGitHubActions -RoleArn $gh @common
            Invoke-StsAssumeRole -FromGitHubActions -Audience wrong -RoleArn $gh @common
            $global:all += Invoke-StsAssumeRole -FromAzureDevOps -ServiceConnectionId $conn -RoleArn $az @common
            $global:all += Invoke-StsAssumeRole -WebIdentityToken $jwt -RoleArn $gh @common
            Invoke-StsAssumeRole -WebIdentityToken $jwt -RoleArn $az @common
            $global:all += Invoke-StsAssumeRole -SamlAssertion $saml -PrincipalArn $idp -RoleArn $samlRole @common
            $global:all += Invoke-StsAssumeRole -RoleArn $readOnly -Region eu-west-1 -FallbackRegion us-east-1 -NoCache @common
            $global:all += 1..3 | ForEach-Object { [pscustomobject]@{ RoleArn = $readOnly; RoleSessionName = "s$_" } } | Invoke-StsAssumeRole -ThrottleLimit 2 @common
            $global:all += Invoke-StsAssumeRole -ProfileName mfauser -TokenCode 000000 @common
            $global:all | Format-List
            $global:all
            "$global:all"
            """,
            DefaultWorld.AliceMfaSerial, DefaultWorld.AdminRoleArn, DefaultWorld.DeployRoleArn, DefaultWorld.DeployExternalId,
            DefaultWorld.GitHubDeployRoleArn, DefaultWorld.AzureDeployRoleArn, DefaultWorld.AzureDevOpsServiceConnectionId,
            DefaultWorld.SamlUserRoleArn, saml, DefaultWorld.SamlProviderArn, jwt, DefaultWorld.ReadOnlyRoleArn);
        Assert.Null(shown.Terminating);
        Assert.NotEmpty(shown.Verbose);

        var secrets = session.Run("$global:all | ForEach-Object { $_.SecretAccessKey; $_.SessionToken }").Output.Select(o => o.ToString()).ToList();
        Assert.True(secrets.Count >= 20, $"only {secrets.Count} secrets obtained: {string.Join(" | ", shown.AllErrors.Select(PowerShellResult.Describe))}");
        secrets.AddRange(new[]
        {
            DefaultWorld.AliceSecretAccessKey, DefaultWorld.AliceTotpSeed, code1, jwt, DefaultWorld.GitHubRequestToken,
            DefaultWorld.AzureDevOpsAccessToken,
        });

        var visible = shown.EverythingVisible();
        foreach (var secret in secrets.Distinct())
        {
            Assert.False(string.IsNullOrEmpty(secret));
            Assert.DoesNotContain(secret, visible);
            Assert.DoesNotContain(secret, shown.Verbose.Concat(shown.Debug).Concat(shown.Warnings).Concat(shown.Information).Aggregate("", (a, b) => a + "\n" + b));
            Assert.DoesNotContain(secret, string.Join("\n", shown.AllErrors.Select(e => e + "\n" + e.ErrorDetails?.Message + "\n" + e.ErrorDetails?.RecommendedAction + "\n" + e.Exception)));
            Assert.DoesNotContain(secret, string.Join("\n", shown.Progress.Select(p => p.Activity + p.StatusDescription + p.CurrentOperation)));
        }
    }
}

using System.Management.Automation;
using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    /// <summary>
    /// QUALITY.md "secret hygiene": a representative scenario per cmdlet (successes and failures), run with -Verbose
    /// -Debug; every stream, every error record (ToString, exception, ErrorDetails, InvocationInfo, script stack trace),
    /// progress, warnings and the default formatting of every output: no secret key, session token, TOTP seed, OIDC
    /// token, private-key PEM body or password appears. Secrets reach the scripts through $args, so the command lines
    /// an error record quotes hold none of them themselves. (Set-StsEnvironment -Target Script and the GitHub mask
    /// lines print secrets on purpose and are not scenarios here.)
    /// </summary>
    [Fact]
    public void No_secret_appears_in_any_stream_error_record_or_default_formatting_of_any_cmdlet()
    {
        const string vd = " -Verbose -Debug";
        var oidcToken = _emulator.MintOidcToken();
        var pemBody = File.ReadAllLines(Path.Combine(DefaultWorld.PkiDirectory, "leaf-rsa2048-encrypted.key")).Concat(File.ReadAllLines(Path.Combine(DefaultWorld.PkiDirectory, "leaf-rsa2048.key")))
            .Where(l => !l.StartsWith("-----", StringComparison.Ordinal) && l.Length >= 40).ToList();
        var secrets = new List<string> { DefaultWorld.AliceSecretAccessKey, DefaultWorld.BobSecretAccessKey, DefaultWorld.AliceTotpSeed, oidcToken, "test-only-password", "not-the-password" };
        secrets.AddRange(pemBody);
        Environment.SetEnvironmentVariable("GITHUB_ENV", null);

        var scenarios = new (string Name, string Script, object?[] Args)[]
        {
            ("ConvertTo-StsCredential", "$global:alice = ConvertTo-StsCredential -AccessKeyId $args[0] -SecretAccessKey $args[1]" + vd + "; $alice", new object?[] { DefaultWorld.AliceAccessKeyId, DefaultWorld.AliceSecretAccessKey }),
            ("Get-StsMfaSession", "$global:mfa = Get-StsMfaSession -SerialNumber $args[0] -TokenCode $args[1] -NoCache -EndpointUrl $ep" + vd + "; $mfa", new object?[] { DefaultWorld.AliceMfaSerial, _emulator.TotpCode() }),
            ("Invoke-StsAssumeRole (MFA role chained from the MFA session)", "$global:admin = $mfa | Invoke-StsAssumeRole -RoleArn $args[0] -RoleSessionName rel -NoCache -EndpointUrl $ep" + vd + "; $admin", new object?[] { DefaultWorld.AdminRoleArn }),
            ("Invoke-StsAssumeRole (web identity)", "Invoke-StsAssumeRole -RoleArn $args[0] -WebIdentityToken $args[1] -NoCache -EndpointUrl $ep" + vd, new object?[] { DefaultWorld.GitHubDeployRoleArn, oidcToken }),
            ("Invoke-StsAssumeRole (wrong external id)", "$alice | Invoke-StsAssumeRole -RoleArn $args[0] -ExternalId wrong-id -NoCache -EndpointUrl $ep" + vd, new object?[] { DefaultWorld.DeployRoleArn }),
            ("Invoke-StsAssumeRole (bad token code)", "Invoke-StsAssumeRole -RoleArn $args[0] -SerialNumber $args[1] -TokenCode 000000 -NoCache -EndpointUrl $ep" + vd, new object?[] { DefaultWorld.AdminRoleArn, DefaultWorld.AliceMfaSerial }),
            ("New-RolesAnywhereSession (encrypted key)", "$global:rac = New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa2048.pem -PrivateKeyPath $pki/leaf-rsa2048-encrypted.key -PrivateKeyPassword $pw @ra" + vd + "; $rac", Array.Empty<object?>()),
            ("New-RolesAnywhereSession (wrong password)", "New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa2048.pem -PrivateKeyPath $pki/leaf-rsa2048-encrypted.key -PrivateKeyPassword $badpw @ra" + vd, Array.Empty<object?>()),
            ("New-RolesAnywhereSession (PKCS#12)", "New-RolesAnywhereSession -Pkcs12Path $pki/leaf-rsa2048.p12 -Password $pw @ra" + vd, Array.Empty<object?>()),
            ("Set-StsEnvironment (Process)", "$admin | Set-StsEnvironment -PassThru" + vd, Array.Empty<object?>()),
            ("Set-StsEnvironment (Profile)", "$admin | Set-StsEnvironment -Target Profile -ProfileName rel" + vd, Array.Empty<object?>()),
            ("Set-StsEnvironment (expired)", "$x | Set-StsEnvironment" + vd, Array.Empty<object?>()),
            ("Use-StsCredential", "Use-StsCredential -Credential $rac -ScriptBlock { 'inside' }" + vd, Array.Empty<object?>()),
            ("Clear-StsEnvironment", "Clear-StsEnvironment" + vd + "; Clear-StsEnvironment -Target Profile -ProfileName rel" + vd, Array.Empty<object?>()),
            ("Get-StsRegion", "Get-StsRegion -Live -Credential $admin -EndpointUrl $ep" + vd, Array.Empty<object?>()),
            ("Get-StsTokenVersion", "Get-StsTokenVersion -Credential $admin -EndpointUrl $ep" + vd, Array.Empty<object?>()),
            ("Set-StsTokenVersion", "Set-StsTokenVersion -Version V2Token -Credential $admin -EndpointUrl $ep -WhatIf" + vd, Array.Empty<object?>()),
            ("Test-StsRegionCompatibility", "$admin, $mfa | Test-StsRegionCompatibility -Region me-south-1, af-south-1 -EndpointUrl $ep" + vd, Array.Empty<object?>()),
            ("Test-StsRegionCompatibility (unknown key)", "ConvertTo-StsCredential -AccessKeyId AKIAIOSFODNN7NOBODY1 -SecretAccessKey $args[0] | Test-StsRegionCompatibility -Region us-east-1 -EndpointUrl $ep" + vd, new object?[] { "wJalrXUtnFEMI/K7MDENG/bPxRfiCYNOBODYKEY" }),
        };

        var texts = new List<(string Scenario, string Text)>();
        foreach (var (name, script, args) in scenarios)
        {
            var r = _session.Run(script, args);
            foreach (var o in r.Output)
            {
                foreach (var property in new[] { "SecretAccessKey", "SessionToken" })
                    if (o.Properties[property]?.Value is string { Length: > 8 } secret) secrets.Add(secret);
            }

            texts.Add((name, r.EverythingVisible()));
            foreach (var e in r.AllErrors)
            {
                texts.Add((name, e.ToString()));
                texts.Add((name, e.Exception.ToString()));
                texts.Add((name, e.ErrorDetails?.Message ?? ""));
                texts.Add((name, e.ErrorDetails?.RecommendedAction ?? ""));
                texts.Add((name, e.InvocationInfo?.PositionMessage ?? ""));
                texts.Add((name, e.InvocationInfo?.Line ?? ""));
                texts.Add((name, e.ScriptStackTrace ?? ""));
                texts.Add((name, e.CategoryInfo.ToString()));
            }

            texts.AddRange(r.Verbose.Concat(r.Debug).Concat(r.Warnings).Concat(r.Information).Select(t => (name, t)));
            texts.AddRange(r.Progress.Select(p => (name, p.ToString())));
            // Default formatting of what came out, as a user's console shows it.
            if (r.Output.Count > 0) texts.Add((name + " (default view)", _session.Display("$args[0]", new object?[] { r.Output.ToArray() }).Screen));
        }

        // The files the scenarios wrote are allowed to hold secrets (that is their job); the module's own caches and the
        // environment are not scanned. The credentials were issued: the list is long.
        Assert.True(secrets.Count > 15, "too few secrets were collected: " + secrets.Count);
        var leaks = (from t in texts from s in secrets.Distinct() where t.Text.Contains(s, StringComparison.Ordinal)
                     select $"{t.Scenario}: a secret ({s[..4]}…) in: {t.Text[..Math.Min(t.Text.Length, 300)]}").Distinct().ToList();
        Report($"secrets scanned: {texts.Count} strings ({texts.Sum(t => t.Text.Length)} characters) for {secrets.Distinct().Count()} secrets over {scenarios.Length} scenarios");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }
}

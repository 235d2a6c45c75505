using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>Seeds 001 and 002 as a user types them (issue 4, must-show 1 and 2), against the emulator and the AWS CLI.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class MfaAndExternalIdFlowTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public MfaAndExternalIdFlowTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
    }

    // Seed 002's flow, as the user types it.
    private const string Seed002 = """
        param($serial, $adminArn)
        $denied = Invoke-StsAssumeRole -RoleArn $adminArn -NoCache -ErrorAction SilentlyContinue -ErrorVariable noMfa
        $mfa = Get-StsMfaSession -SerialNumber $serial
        $admin = $mfa | Invoke-StsAssumeRole -RoleArn $adminArn
        $admin | Set-StsEnvironment
        [pscustomobject]@{ Denied = $noMfa[0].FullyQualifiedErrorId; Mfa = $mfa; Admin = $admin }
        """;

    [Fact]
    public void Seed002_MFA_session_then_Admin_then_the_AWS_CLI_and_a_second_run_asks_nothing()
    {
        using var sandbox = new AwsSandbox(_emulator);
        using var session = new ModuleSession(interactive: true);
        _emulator.ClearRequestLog();

        sandbox.UseAliceKeys();
        session.Host.TestUI.Answers.Enqueue(_emulator.TotpCode());
        var first = session.Run(Seed002, DefaultWorld.AliceMfaSerial, DefaultWorld.AdminRoleArn);
        Assert.Null(first.Terminating);
        var result = Assert.Single(first.Output);
        Assert.StartsWith("AwsAccessDenied,", (string)result.Properties["Denied"].Value);
        var admin = result.Properties["Admin"].Value;
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Admin/" + P(admin, "SessionName"), P(admin, "Arn"));
        Assert.Equal(true, P(admin, "MfaAuthenticated"));
        Assert.Equal("MfaSession", P(result.Properties["Mfa"].Value, "Source")!.ToString());
        Assert.Single(session.Host.TestUI.Prompts);

        var cli = sandbox.Aws(null, null, "sts", "get-caller-identity", "--output", "json");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("assumed-role/Admin/", cli.StdOut);

        // Second run in the session's lifetime, from long-term keys again: no prompt, no GetSessionToken.
        sandbox.UseAliceKeys();
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        _emulator.ClearRequestLog();
        var second = session.Run(Seed002, DefaultWorld.AliceMfaSerial, DefaultWorld.AdminRoleArn);
        Assert.Null(second.Terminating);
        Assert.Single(second.Output);
        Assert.Single(session.Host.TestUI.Prompts);
        Assert.DoesNotContain(_emulator.RequestLog(), e => e.Operation == "GetSessionToken");
    }

    internal static object? P(object? o, string name) => System.Management.Automation.PSObject.AsPSObject(o!).Properties[name]?.Value;

    [Fact]
    public void Seed001_external_id_right_and_wrong_result_written_as_a_profile_the_AWS_CLI_uses()
    {
        using var sandbox = new AwsSandbox(_emulator);
        using var session = new ModuleSession();
        sandbox.UseAliceKeys();

        var wrong = session.Run("Invoke-StsAssumeRole -RoleArn $args[0] -ExternalId 'ext-wrong' -RoleSessionName deploy", DefaultWorld.DeployRoleArn);
        Assert.Empty(wrong.Output);
        Assert.StartsWith("AwsAccessDenied,", wrong.FirstErrorId);
        Assert.Contains("external id", wrong.AllErrors.First().ErrorDetails.Message, StringComparison.OrdinalIgnoreCase);

        var right = session.Run("""
            Invoke-StsAssumeRole -RoleArn $args[0] -ExternalId $args[1] -RoleSessionName deploy | Set-StsEnvironment -Target Profile -ProfileName deploy -PassThru
            """, DefaultWorld.DeployRoleArn, DefaultWorld.DeployExternalId);
        right.ThrowIfErrors();
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Deploy/deploy", right.Output.Single().Properties["Arn"].Value);

        var cli = sandbox.Aws(new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null },
            null, "sts", "get-caller-identity", "--profile", "deploy", "--output", "json");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("arn:aws:sts::222222222222:assumed-role/Deploy/deploy", cli.StdOut);
    }
}

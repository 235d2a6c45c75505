using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

/// <summary>Use-StsCredential and Clear-StsEnvironment (Process target) as a user runs them.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class UseAndClearStsEnvironmentTests : IDisposable
{
    private readonly EnvironmentScope _environment = new();
    private readonly ModuleSession _session = new();

    private PowerShellResult Run(string script) =>
        _session.Run(SetStsEnvironmentTests.MakeCredential + script, SetStsEnvironmentTests.Secret, SetStsEnvironmentTests.Token);

    [Fact]
    public void Use_runs_the_block_with_the_credential_and_restores_the_environment()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAOUTSIDE00000");
        Environment.SetEnvironmentVariable("AWS_PROFILE", "dev");
        var before = EnvironmentScope.Current();
        var r = Run("$c | Use-StsCredential { $env:AWS_ACCESS_KEY_ID; $env:AWS_SESSION_TOKEN; \"profile=[$env:AWS_PROFILE]\"; $env:AWS_REGION }");
        r.ThrowIfErrors();
        Assert.Equal(new object[] { SetStsEnvironmentTests.KeyId, SetStsEnvironmentTests.Token, "profile=[]", "eu-west-1" }, r.Output.Select(o => o.BaseObject));
        Assert.Equal(before, EnvironmentScope.Current());
    }

    [Fact]
    public void Use_restores_the_environment_when_the_block_throws()
    {
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "mine");
        var before = EnvironmentScope.Current();
        var r = Run("Use-StsCredential -Credential $c -ScriptBlock { 'started'; throw 'the block failed' }");
        Assert.Contains("the block failed", r.Terminating?.Message ?? string.Join(" ", r.AllErrors.Select(PowerShellResult.Describe)));
        Assert.Equal(before, EnvironmentScope.Current());

        var caught = Run("try { Use-StsCredential -Credential $c -ScriptBlock { throw 'x' } } catch { 'caught' }; $env:AWS_SESSION_TOKEN");
        Assert.Equal(new object[] { "caught", "mine" }, caught.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Use_refuses_an_expired_credential_before_running_the_block()
    {
        var r = Run("$c.Expiration = [datetime]::UtcNow.AddMinutes(-5); $c | Use-StsCredential { 'ran' }");
        Assert.StartsWith("ExpiredCredential,", r.FirstErrorId);
        Assert.Empty(r.Output);
        Assert.Null(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
    }

    [Fact]
    public void Clear_removes_what_Set_wrote_and_WhatIf_keeps_it()
    {
        Environment.SetEnvironmentVariable("AWS_PROFILE", "dev"); // not ours: stays
        Run("$c | Set-StsEnvironment").ThrowIfErrors();
        var whatIf = _session.Run("Clear-StsEnvironment -WhatIf");
        whatIf.ThrowIfErrors();
        Assert.Equal(SetStsEnvironmentTests.KeyId, Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));

        var r = _session.Run("Clear-StsEnvironment -Verbose");
        r.ThrowIfErrors();
        Assert.Contains(r.Verbose, v => v.StartsWith("Removed AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN"));
        var expected = EnvironmentScope.AwsVariables.ToDictionary(n => n, _ => (string?)null);
        expected["AWS_PROFILE"] = "dev";
        Assert.Equal(expected, EnvironmentScope.Current());
    }

    [Theory]
    [InlineData("Clear-StsEnvironment -Target Profile", "MissingProfileName")]
    [InlineData("Clear-StsEnvironment -ProfileName 'a b'", "InvalidProfileName")]
    [InlineData("Clear-StsEnvironment -Target Process -ProfileName ci", "ProfileNameRequiresProfileTarget")]
    [InlineData("Clear-StsEnvironment -Target Script", "ParameterArgumentValidationError")]
    public void Clear_bad_input_has_its_own_error_id(string script, string errorId)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAOUTSIDE00000");
        var r = _session.Run(script);
        Assert.StartsWith(errorId + ",", r.FirstErrorId);
        Assert.Equal("AKIAOUTSIDE00000", Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
    }

    [Fact]
    public void Use_and_Clear_show_no_secret_with_Verbose_and_Debug()
    {
        var r = _session.Display(SetStsEnvironmentTests.MakeCredential +
            "$c | Use-StsCredential { 'inside' } -Verbose -Debug; $c | Set-StsEnvironment; Clear-StsEnvironment -Verbose -Debug; " +
            "$c.Expiration = [datetime]::UtcNow.AddMinutes(-1); $c | Use-StsCredential { 'never' } -Verbose -Debug",
            SetStsEnvironmentTests.Secret, SetStsEnvironmentTests.Token);
        Assert.Contains("inside", r.Screen);
        Assert.Contains(r.Verbose, v => v.Contains("ASIA…MPLE"));
        Assert.StartsWith("ExpiredCredential,", r.FirstErrorId);
        var visible = r.EverythingVisible();
        Assert.DoesNotContain(SetStsEnvironmentTests.Secret, visible);
        Assert.DoesNotContain(SetStsEnvironmentTests.Token, visible);
    }

    [Fact]
    public void ProfileName_completes_from_the_credentials_and_config_files()
    {
        var dir = Directory.CreateTempSubdirectory("ststools-complete-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "credentials"), "[ci-deploy]\nk=v\n[default]\n");
            File.WriteAllText(Path.Combine(dir, "config"), "[profile ci-admin]\nrole_arn=x\n[profile prod]\n[sso-session corp]\n");
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(dir, "credentials"));
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(dir, "config"));
            foreach (var command in new[] { "Set-StsEnvironment -ProfileName ci", "Clear-StsEnvironment -ProfileName ci" })
            {
                var r = _session.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", command);
                r.ThrowIfErrors();
                Assert.Equal(new object[] { "ci-admin", "ci-deploy" }, r.Output.Select(o => o.BaseObject));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _environment.Dispose();
    }
}

using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

/// <summary>The Script target's text, run by the shell it is for, sets exactly the values (quotes, $, backticks and
/// all). Only the generated text is used here; nothing in this process changes.</summary>
public sealed class ScriptFormatsRunInTheirShellTests : IDisposable
{
    private static readonly string[] Names = { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CREDENTIAL_EXPIRATION", "AWS_REGION", "AWS_DEFAULT_REGION" };
    private static readonly string[] Expected =
    {
        SetStsEnvironmentTests.KeyId, SetStsEnvironmentTests.Secret, SetStsEnvironmentTests.Token, SetStsEnvironmentTests.Expiration, "eu-west-1", "eu-west-1",
    };

    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("ststools-scripts-").FullName;

    private string Render(string format)
    {
        var r = _session.Run(SetStsEnvironmentTests.MakeCredential + "$c | Set-StsEnvironment -Format " + format, SetStsEnvironmentTests.Secret, SetStsEnvironmentTests.Token);
        r.ThrowIfErrors();
        return (string)r.Output.Single().BaseObject;
    }

    // printenv is a separate program: it sees only what the shell exported.
    private const string PrintExported = "for n in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_CREDENTIAL_EXPIRATION AWS_REGION AWS_DEFAULT_REGION AWS_SECURITY_TOKEN; do printf '%s\\0' \"$(printenv $n || echo '<unset>')\"; done";

    private static string[] Values(ProcessRunner.Result r)
    {
        Assert.True(r.ExitCode == 0, r.ToString());
        return r.StdOut.Split('\0')[..^1];
    }

    [Fact]
    public void Bash_output_sourced_by_bash_exports_the_values_and_unsets_a_stale_token()
    {
        var file = Path.Combine(_dir, "aws.sh");
        File.WriteAllText(file, Render("Bash"));
        var stale = new Dictionary<string, string?> { ["AWS_SECURITY_TOKEN"] = "keep-me-when-a-token-is-set" };
        Assert.Equal(Expected.Append("keep-me-when-a-token-is-set"), Values(ProcessRunner.Run("bash", new[] { "-c", ". \"$1\"; " + PrintExported, "bash", file }, stale)));

        var longTerm = _session.Run("ConvertTo-StsCredential -AccessKeyId AKIAIOSFODNN7EXAMPLE -SecretAccessKey s | Set-StsEnvironment -Format Bash").Output.Single().ToString();
        File.WriteAllText(file, longTerm);
        var env = new Dictionary<string, string?> { ["AWS_SESSION_TOKEN"] = "stale", ["AWS_SECURITY_TOKEN"] = "stale", ["AWS_CREDENTIAL_EXPIRATION"] = "2000-01-01T00:00:00Z", ["AWS_REGION"] = "us-west-2", ["AWS_DEFAULT_REGION"] = "us-west-2" };
        Assert.Equal(new[] { "AKIAIOSFODNN7EXAMPLE", "s", "<unset>", "<unset>", "us-west-2", "us-west-2", "<unset>" },
            Values(ProcessRunner.Run("bash", new[] { "-c", ". \"$1\"; " + PrintExported, "bash", file }, env)));
    }

    [Fact]
    public void Dotenv_output_read_by_a_shell_with_allexport_sets_the_values()
    {
        var file = Path.Combine(_dir, ".env");
        File.WriteAllText(file, Render("Dotenv"));
        Assert.Equal(Expected.Append("<unset>"), Values(ProcessRunner.Run("bash", new[] { "-c", "set -a; . \"$1\"; set +a; " + PrintExported, "bash", file },
            new Dictionary<string, string?> { ["AWS_SECURITY_TOKEN"] = null })));
    }

    [Fact]
    public void Pwsh_output_run_by_a_fresh_PowerShell_process_sets_the_values()
    {
        var file = Path.Combine(_dir, "aws.ps1");
        File.WriteAllText(file, Render("Pwsh"));
        var r = ProcessRunner.RunScriptHost(". $args[0]; foreach ($n in $args[1..6]) { [Environment]::GetEnvironmentVariable($n) + [char]0 }",
            new Dictionary<string, string?> { ["AWS_SECURITY_TOKEN"] = null }, new[] { file }.Concat(Names).ToArray());
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(Expected, r.StdOut.Replace("\r\n", "\n").Split("\0\n")[..^1]);
    }

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}

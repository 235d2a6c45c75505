using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>Seed 002's config file through -ProfileName, and the AWS CLI's cache shared both ways (issue 4, must-show 3).</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class ProfileAndCliCacheTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public ProfileAndCliCacheTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Reset();
    }

    private static void WriteSeed002Config(AwsSandbox sandbox)
    {
        File.WriteAllText(sandbox.ConfigFile, $"""
            [profile mfauser]
            region = us-east-1
            output = json
            mfa_serial = {DefaultWorld.AliceMfaSerial}
            role_arn = {DefaultWorld.AdminRoleArn}
            source_profile = alice
            """);
        File.WriteAllText(sandbox.CredentialsFile, $"""
            [alice]
            aws_access_key_id = {DefaultWorld.AliceAccessKeyId}
            aws_secret_access_key = {DefaultWorld.AliceSecretAccessKey}
            """);
    }

    /// <summary>The CLI asks for the MFA code with getpass, which reads /dev/tty when there is one: setsid takes it away so stdin answers.</summary>
    private static ProcessRunner.Result CliWithCode(AwsSandbox sandbox, string? code, params string[] args)
    {
        if (ProcessRunner.OnPath("setsid"))
        {
            var environment = new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL_STS"] = sandbox.Emulator.EndpointUrl("us-east-1"),
                ["AWS_PAGER"] = "",
            };
            return ProcessRunner.Run("setsid", new[] { "aws" }.Concat(args), environment, stdin: code == null ? "" : code + "\n");
        }

        return sandbox.Aws(null, code == null ? "" : code + "\n", args);
    }

    [Fact]
    public void A_cache_file_the_CLI_wrote_is_reused_with_no_request_and_one_the_module_wrote_is_reused_by_the_CLI()
    {
        if (!ProcessRunner.OnPath("aws"))
        {
            Console.WriteLine("SKIPPED: the AWS CLI (aws) is not on PATH; the CLI cache interop cannot be shown here.");
            return;
        }

        using var sandbox = new AwsSandbox(_emulator);
        WriteSeed002Config(sandbox);

        // 1. The CLI assumes the role (asking for the MFA code) and writes its cache.
        var cli = CliWithCode(sandbox, _emulator.TotpCode(), "sts", "get-caller-identity", "--profile", "mfauser", "--output", "json");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        var cliFile = Assert.Single(Directory.GetFiles(sandbox.CliCache, "*.json"));
        Assert.Equal("e45d2e0a4d29c3cf39f3ba43fbe11f420ab48580.json", Path.GetFileName(cliFile));

        // 2. The module, in a session that could not even prompt, reuses it: not one request.
        _emulator.ClearRequestLog();
        using (var session = new ModuleSession())
        {
            var r = session.Run("Invoke-StsAssumeRole -ProfileName mfauser -Verbose");
            r.ThrowIfErrors();
            var c = Assert.Single(r.Output);
            Assert.Contains((string)c.Properties["AccessKeyId"].Value, File.ReadAllText(cliFile));
            Assert.Contains(r.Verbose, v => v.StartsWith("Cache hit:") && v.Contains(cliFile));
        }

        Assert.Empty(_emulator.RequestLog());

        // 3. The module writes the cache (asking for the code once); the CLI then reuses it.
        File.Delete(cliFile);
        string moduleKeyId;
        using (var session = new ModuleSession(interactive: true))
        {
            session.Host.TestUI.Answers.Enqueue(_emulator.TotpCode());
            var r = session.Run("Invoke-StsAssumeRole -ProfileName mfauser");
            r.ThrowIfErrors();
            var c = Assert.Single(r.Output);
            moduleKeyId = (string)c.Properties["AccessKeyId"].Value;
            Assert.Single(session.Host.TestUI.Prompts);
        }

        var written = Assert.Single(Directory.GetFiles(sandbox.CliCache, "*.json"));
        Assert.Equal(cliFile, written);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(written));
        }

        _emulator.ClearRequestLog();
        var reuse = CliWithCode(sandbox, null, "sts", "get-caller-identity", "--profile", "mfauser", "--output", "json");
        Assert.True(reuse.ExitCode == 0, reuse.ToString());
        Assert.Contains("assumed-role/Admin/", reuse.StdOut);
        var log = _emulator.RequestLog();
        Assert.DoesNotContain(log, e => e.Operation == "AssumeRole");
        Assert.Contains(log, e => e.Operation == "GetCallerIdentity" && e.AccessKeyId == moduleKeyId);
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

/// <summary>The Profile target: the shared credentials file edited in place, private, safe with concurrent
/// writers, and read back by botocore (the AWS CLI's library) — also as a credential_process.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class SetStsEnvironmentProfileTests : IDisposable
{
    // Comments of both kinds, CRLF and LF, tabs, `key: value`, a continuation line, an existing 'ci' profile
    // with a key we do not write, and no newline at the end.
    private const string OddFile =
        "# my keys\r\n[default]\r\naws_access_key_id=AKIADEFAULT0000000\r\naws_secret_access_key :  s3cr3t\t\r\n\r\n" +
        "; ci profile\n[ci]\nregion\t=\teu-west-1\naws_access_key_id = ASIAOLD000000000\naws_session_token = old\n    continued\n" +
        "# about prod\n[prod]  \naws_access_key_id=AKIAPROD00000000\naws_secret_access_key=prod";

    private readonly EnvironmentScope _environment = new();
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("ststools-profile-").FullName;
    private readonly string _credentials;

    public SetStsEnvironmentProfileTests()
    {
        _credentials = Path.Combine(_dir, "credentials");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", _credentials);
    }

    [Fact]
    public void Writes_the_profile_and_keeps_every_other_byte_of_an_odd_file()
    {
        File.WriteAllText(_credentials, OddFile);
        var r = _session.Run(SetStsEnvironmentTests.MakeCredential + "$c | Set-StsEnvironment -Target Profile -ProfileName ci; $c | Set-StsEnvironment -ProfileName new-one",
            SetStsEnvironmentTests.Secret, SetStsEnvironmentTests.Token);
        r.ThrowIfErrors();
        var expected = OddFile
            .Replace("aws_access_key_id = ASIAOLD000000000\naws_session_token = old\n    continued\n",
                $"aws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_session_token = {SetStsEnvironmentTests.Token}\naws_secret_access_key = {SetStsEnvironmentTests.Secret}\nx_security_token_expires = 2099-01-02T03:04:05Z\n")
            + $"\n\n[new-one]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = {SetStsEnvironmentTests.Secret}\naws_session_token = {SetStsEnvironmentTests.Token}\nx_security_token_expires = 2099-01-02T03:04:05Z\n";
        Assert.Equal(expected, File.ReadAllText(_credentials));
        AssertPrivate(_credentials);
        Assert.Equal(new[] { _credentials, _credentials + ".lock" }, Directory.GetFiles(_dir).Order()); // no temporary file left

        var whatIf = _session.Run(SetStsEnvironmentTests.MakeCredential + "$c | Set-StsEnvironment -ProfileName third -WhatIf", SetStsEnvironmentTests.Secret, SetStsEnvironmentTests.Token);
        whatIf.ThrowIfErrors();
        Assert.Equal(expected, File.ReadAllText(_credentials));
    }

    [Fact]
    public void Creates_the_folder_and_file_private_and_Clear_takes_the_profile_out_again()
    {
        var nested = Path.Combine(_dir, "home", ".aws", "credentials");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", nested);
        var r = _session.Run(SetStsEnvironmentTests.MakeCredential + "$c | Set-StsEnvironment -ProfileName ci; Clear-StsEnvironment -ProfileName ci -WhatIf",
            SetStsEnvironmentTests.Secret, SetStsEnvironmentTests.Token);
        r.ThrowIfErrors();
        AssertPrivate(nested);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(nested)!));
        }

        Assert.Contains("[ci]", File.ReadAllText(nested)); // -WhatIf left it

        File.WriteAllText(nested, "# keep me\n[ci]\nregion = x\naws_access_key_id = A\naws_secret_access_key = B\n[other]\nk = v\n");
        _session.Run("Clear-StsEnvironment -Target Profile -ProfileName ci").ThrowIfErrors();
        Assert.Equal("# keep me\n[ci]\nregion = x\n[other]\nk = v\n", File.ReadAllText(nested));
    }

    [Fact]
    public void Thirty_two_concurrent_writer_processes_all_land_and_botocore_reads_every_profile()
    {
        Assert.True(ProcessRunner.OnPath("python3"), "python3 with botocore is needed: it is the independent reader of the file (.ci/run installs it).");

        File.WriteAllText(_credentials, OddFile);
        const int writers = 32;
        var watch = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, writers).Select(i => StartWriter(i)).ToList();
        foreach (var (process, output) in processes)
        {
            Assert.True(process.WaitForExit(300_000), "a writer did not finish in 5 minutes");
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"writer failed: {output}");
            process.Dispose();
        }

        var text = File.ReadAllText(_credentials);
        Assert.StartsWith(OddFile, text); // the existing content is untouched, byte for byte
        AssertPrivate(_credentials);

        // A config profile whose credential_process is the module's CredentialProcess output.
        var config = Path.Combine(_dir, "config");
        var script = $"Import-Module '{RepoPaths.Module}'; ConvertTo-StsCredential -AccessKeyId ASIAPROCESS00000 -SecretAccessKey 'process/secret+1' -SessionToken 'IQoJprocesstoken' -Expiration '2099-01-02T03:04:05Z' | Set-StsEnvironment -Format CredentialProcess";
        File.WriteAllText(config, $"[profile via-process]\ncredential_process = dotnet \"{RepoPaths.ScriptHostDll}\" -c \"{script}\"\n");

        var profiles = Enumerable.Range(0, writers).Select(i => $"writer-{i}").Append("default").Append("via-process").ToList();
        var read = ProcessRunner.Run("python3", new[] { "-c", BotocoreReader }.Concat(profiles),
            new Dictionary<string, string?> { ["AWS_SHARED_CREDENTIALS_FILE"] = _credentials, ["AWS_CONFIG_FILE"] = config, ["AWS_PROFILE"] = null });
        Assert.True(read.ExitCode == 0, read.ToString());
        var seen = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(read.StdOut)!;
        for (var i = 0; i < writers; i++)
        {
            Assert.Equal(new[] { $"ASIAWRITER{i:000000}", $"secret/{i}+x", $"IQoJtoken{i}" }, seen[$"writer-{i}"]);
        }

        Assert.Equal(new[] { "AKIADEFAULT0000000", "s3cr3t", null }, seen["default"]);
        Assert.Equal(new[] { "ASIAPROCESS00000", "process/secret+1", "IQoJprocesstoken" }, seen["via-process"]);
        Console.WriteLine($"32 concurrent writers + botocore read-back: {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private const string BotocoreReader = """
        import botocore.session, json, sys
        out = {}
        for name in sys.argv[1:]:
            c = botocore.session.Session(profile=name).get_credentials().get_frozen_credentials()
            out[name] = [c.access_key, c.secret_key, c.token]
        print(json.dumps(out))
        """;

    // Every writer is its own process, all started at once. Four are fresh PowerShell processes running the module's
    // cmdlet (tests/StsTools.ScriptHost, ~1.5 s of CPU each); the rest run the same engine calls in a tiny console
    // (tests/StsTools.ProfileWriter), so the test stays fast on two cores.
    private (Process, StringBuilder) StartWriter(int i)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var (keyId, secret, token, expiration) = ($"ASIAWRITER{i:000000}", $"secret/{i}+x", $"IQoJtoken{i}", "2099-01-01T00:00:00Z");
        if (i % 8 == 0)
        {
            start.ArgumentList.Add(RepoPaths.ScriptHostDll);
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"Import-Module $args[0]; ConvertTo-StsCredential -AccessKeyId {keyId} -SecretAccessKey '{secret}' -SessionToken {token} -Expiration '{expiration}' | Set-StsEnvironment -ProfileName writer-{i} -ErrorAction Stop");
            start.ArgumentList.Add(RepoPaths.Module);
        }
        else
        {
            foreach (var a in new[] { RepoPaths.ProfileWriterDll, _credentials, $"writer-{i}", keyId, secret, token, expiration }) start.ArgumentList.Add(a);
        }

        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = _credentials;
        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static void AssertPrivate(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _environment.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}

using System.Text.Json;
using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

/// <summary>
/// Must-show 4: aws_signing_helper replaced. The AWS CLI runs a profile's credential_process, a small script that
/// prints `New-RolesAnywhereSession … | Set-StsEnvironment -Target Script -Format CredentialProcess` from a fresh
/// PowerShell process, and gets the RolesAnywhereRole identity from the emulator. The second AWS command is served
/// from the module's cache: CreateSession is called once. Everything goes through the children's environment, so
/// this class changes nothing process-wide.
/// </summary>
[Collection(RolesAnywhereCollection.Name)]
public sealed class RolesAnywhereCredentialProcessTests : IDisposable
{
    private readonly EmulatorProcess _emulator;
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("ststools-ra-cp-");

    public RolesAnywhereCredentialProcessTests(RolesAnywhereFixture fixture) => _emulator = fixture.Emulator;

    public void Dispose() => _home.Delete(recursive: true);

    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

    [Fact]
    public void The_AWS_CLI_gets_the_RolesAnywhereRole_identity_through_credential_process()
    {
        if (OperatingSystem.IsWindows())
        {
            Console.WriteLine("SKIPPED: the credential_process script of this test is a bash script.");
            return;
        }

        var pki = DefaultWorld.PkiDirectory;
        var command =
            $"Import-Module {Quote(RepoPaths.Module)}; " +
            $"New-RolesAnywhereSession -CertificatePath {Quote(Path.Combine(pki, "leaf-p256.pem"))} -PrivateKeyPath {Quote(Path.Combine(pki, "leaf-p256.key"))} " +
            $"-TrustAnchorArn {DefaultWorld.TrustAnchorArn} -ProfileArn {DefaultWorld.ProfileArn} -RoleArn {DefaultWorld.RolesAnywhereRoleArn} " +
            $"-EndpointUrl {Quote(_emulator.EndpointTemplate)} | Set-StsEnvironment -Target Script -Format CredentialProcess";
        // What a user puts in place of aws_signing_helper (pwsh -NoProfile -Command "…" where pwsh exists).
        var script = Path.Combine(_home.FullName, "ra-credentials.sh");
        File.WriteAllText(script, "#!/usr/bin/env bash\nexec dotnet " + Shell(RepoPaths.ScriptHostDll) + " -c " + Shell(command) + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var config = Path.Combine(_home.FullName, "config");
        File.WriteAllText(config, $"[profile roles-anywhere]\nregion = us-east-1\ncredential_process = {script}\n");

        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = _home.FullName,
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home.FullName, "credentials"),
            ["STSTOOLS_CACHE_DIR"] = Path.Combine(_home.FullName, "ststools-cache"),
            ["AWS_ENDPOINT_URL_STS"] = _emulator.EndpointUrl("us-east-1"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_PAGER"] = "",
            ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["AWS_SESSION_TOKEN"] = null, ["AWS_PROFILE"] = null,
            ["AWS_REGION"] = null, ["AWS_DEFAULT_REGION"] = null, ["AWS_ENDPOINT_URL"] = null, ["AWS_ENDPOINT_URL_ROLESANYWHERE"] = null,
        };
        _emulator.ClearRequestLog();

        // The script's own output is the credential_process JSON (FACTS §6), nothing else, and stderr holds no secret.
        var direct = ProcessRunner.Run(script, Array.Empty<string>(), environment);
        Assert.True(direct.ExitCode == 0, direct.ToString());
        using (var json = JsonDocument.Parse(direct.StdOut))
        {
            var root = json.RootElement;
            Assert.Equal(1, root.GetProperty("Version").GetInt32());
            Assert.StartsWith("ASIA", root.GetProperty("AccessKeyId").GetString());
            Assert.False(string.IsNullOrEmpty(root.GetProperty("SecretAccessKey").GetString()));
            Assert.DoesNotContain(root.GetProperty("SecretAccessKey").GetString()!, direct.StdErr);
        }

        var identity = ProcessRunner.Run("aws", new[] { "sts", "get-caller-identity", "--profile", "roles-anywhere", "--output", "json" }, environment);
        Assert.True(identity.ExitCode == 0, identity.ToString());
        using (var json = JsonDocument.Parse(identity.StdOut))
        {
            Assert.StartsWith("arn:aws:sts::222222222222:assumed-role/RolesAnywhereRole/", json.RootElement.GetProperty("Arn").GetString());
            Assert.Equal("222222222222", json.RootElement.GetProperty("Account").GetString());
        }

        var log = _emulator.RequestLog();
        Assert.Equal(1, log.Count(e => e.Operation == "CreateSession" && e.SignatureVerified));
        Assert.Contains(log, e => e.Operation == "GetCallerIdentity" && e.SignatureVerified && e.Caller!.Contains("RolesAnywhereRole"));
    }

    /// <summary>Single-quoted for bash.</summary>
    private static string Shell(string s) => "'" + s.Replace("'", "'\\''") + "'";
}

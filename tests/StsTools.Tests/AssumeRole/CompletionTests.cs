using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>Tab completion of -RoleArn (the config's role_arn values), -ProfileName and -Region on Invoke-StsAssumeRole.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class CompletionTests
{
    [Fact]
    public void RoleArn_ProfileName_and_Region_complete_from_the_config_file_and_the_region_table()
    {
        using var emulatorless = new AwsSandboxWithoutEmulator();
        File.WriteAllText(emulatorless.ConfigFile, """
            [profile mfauser]
            role_arn = arn:aws:iam::222222222222:role/Admin
            source_profile = alice
            [profile deploy]
            role_arn = arn:aws:iam::222222222222:role/Deploy
            source_profile = alice
            """);
        File.WriteAllText(emulatorless.CredentialsFile, "[alice]\naws_access_key_id = AKIAIOSFODNN7ALICE01\naws_secret_access_key = x\n");
        using var session = new ModuleSession();
        List<string> Complete(string line) => session.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", line)
            .Output.Select(o => o.ToString()).ToList();

        Assert.Equal(new[] { "arn:aws:iam::222222222222:role/Admin", "arn:aws:iam::222222222222:role/Deploy" }, Complete("Invoke-StsAssumeRole -RoleArn arn:aws:iam::2"));
        Assert.Equal(new[] { "arn:aws:iam::222222222222:role/Deploy" }, Complete("Invoke-StsAssumeRole -RoleArn Dep"));
        Assert.Equal(new[] { "mfauser" }, Complete("Invoke-StsAssumeRole -ProfileName mf"));
        Assert.Contains("alice", Complete("Get-StsMfaSession -ProfileName "));
        Assert.Contains("eu-central-1", Complete("Invoke-StsAssumeRole -Region eu-c"));
        Assert.Contains("eu-central-1", Complete("Invoke-StsAssumeRole -FallbackRegion eu-c"));
    }

    /// <summary>The sandbox's files and variables, without starting an emulator (completion makes no call).</summary>
    private sealed class AwsSandboxWithoutEmulator : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("ststools-complete-").FullName;
        private readonly string? _config = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE");
        private readonly string? _credentials = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");

        public AwsSandboxWithoutEmulator()
        {
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        }

        public string ConfigFile => Path.Combine(_root, "config");
        public string CredentialsFile => Path.Combine(_root, "credentials");

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", _config);
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", _credentials);
            Directory.Delete(_root, recursive: true);
        }
    }
}

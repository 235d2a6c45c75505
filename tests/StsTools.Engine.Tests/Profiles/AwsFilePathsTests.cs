using StsTools.Engine.Profiles;

namespace StsTools.Engine.Tests.Profiles;

/// <summary>Changes process environment variables: runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}

[Collection(EnvironmentCollection.Name)]
public sealed class AwsFilePathsTests : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new[] { "HOME", "USERPROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE" }
        .ToDictionary(n => n, Environment.GetEnvironmentVariable);

    private readonly string _home = Directory.CreateTempSubdirectory("ststools-home-").FullName;

    public AwsFilePathsTests()
    {
        Environment.SetEnvironmentVariable(OperatingSystem.IsWindows() ? "USERPROFILE" : "HOME", _home);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", null);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", null);
    }

    [Fact]
    public void Default_to_the_aws_folder_in_home()
    {
        Assert.Equal(Path.Combine(_home, ".aws", "credentials"), AwsFilePaths.CredentialsFile);
        Assert.Equal(Path.Combine(_home, ".aws", "config"), AwsFilePaths.ConfigFile);
        Assert.Equal(Path.Combine(_home, ".aws", "cli", "cache"), AwsFilePaths.CliCacheDirectory);
    }

    [Fact]
    public void The_variables_win_and_a_leading_tilde_is_home()
    {
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/creds");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", "/etc/aws-config");
        Assert.Equal(Path.Combine(_home, "elsewhere/creds"), AwsFilePaths.CredentialsFile);
        Assert.Equal("/etc/aws-config", AwsFilePaths.ConfigFile);
    }

    [Fact]
    public void Profile_names_come_from_both_files()
    {
        Directory.CreateDirectory(Path.Combine(_home, ".aws"));
        File.WriteAllText(AwsFilePaths.CredentialsFile, "[default]\naws_access_key_id=x\n# [commented]\n[ci-deploy]\r\n[DEFAULT]\n");
        File.WriteAllText(AwsFilePaths.ConfigFile, "[default]\nregion=us-east-1\n[profile admin]\nrole_arn=x\n[sso-session corp]\n[services dev]\n  [indented]\n");
        Assert.Equal(new[] { "admin", "ci-deploy", "default" }, ProfileNames.List());
    }

    [Fact]
    public void Profile_names_are_empty_without_files()
    {
        Assert.Empty(ProfileNames.List());
    }

    public void Dispose()
    {
        foreach (var (k, v) in _saved) Environment.SetEnvironmentVariable(k, v);
        Directory.Delete(_home, recursive: true);
    }
}

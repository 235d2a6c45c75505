using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>
/// A private AWS home for one test: HOME, ~/.aws/config and credentials, the AWS CLI cache and StsTools' cache in a
/// temp directory, every AWS_* variable of the test process cleared, AWS_ENDPOINT_URL_STS pointed at the emulator
/// (with {region}, so the module's endpoint choice still runs). Process-wide: use in <see cref="Infrastructure.ProcessStateCollection"/>.
/// </summary>
public sealed class AwsSandbox : IDisposable
{
    private static readonly string[] s_variables =
    {
        "HOME", "STSTOOLS_CACHE_DIR", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_STS", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_SESSION_NAME", "AWS_CREDENTIAL_EXPIRATION",
        "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "SYSTEM_OIDCREQUESTURI", "SYSTEM_ACCESSTOKEN",
        "AWS_EC2_METADATA_DISABLED",
    };

    private readonly Dictionary<string, string?> _saved = new();

    public AwsSandbox(EmulatorProcess emulator)
    {
        Emulator = emulator;
        Root = Path.Combine(Path.GetTempPath(), "ststools-ar-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(Root, ".aws"));
        foreach (var name in s_variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("HOME", Root);
        Environment.SetEnvironmentVariable("STSTOOLS_CACHE_DIR", OwnCache);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", emulator.EndpointTemplate);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    public EmulatorProcess Emulator { get; }
    public string Root { get; }
    public string ConfigFile => Path.Combine(Root, ".aws", "config");
    public string CredentialsFile => Path.Combine(Root, ".aws", "credentials");
    public string CliCache => Path.Combine(Root, ".aws", "cli", "cache");
    public string OwnCache => Path.Combine(Root, "ststools-cache");

    /// <summary>Alice's long-term keys in the process environment, as a user with an IAM user key would have them.</summary>
    public void UseAliceKeys()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", DefaultWorld.AliceAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", DefaultWorld.AliceSecretAccessKey);
    }

    /// <summary>The AWS CLI, with the process environment plus the emulator's us-east-1 endpoint (the CLI takes no {region}).</summary>
    public ProcessRunner.Result Aws(IDictionary<string, string?>? extra, string? stdin, params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_STS"] = Emulator.EndpointUrl("us-east-1"),
            ["AWS_DEFAULT_REGION"] = Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1",
            ["AWS_PAGER"] = "",
        };
        if (extra != null)
        {
            foreach (var (k, v) in extra) environment[k] = v;
        }

        return ProcessRunner.Run("aws", args, environment, stdin: stdin);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

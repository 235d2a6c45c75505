namespace StsTools.Tests.Infrastructure;

/// <summary>Saves the process variables a test may change and puts them back on Dispose; starts them unset.
/// Use only in <see cref="ProcessStateCollection"/>.</summary>
public sealed class EnvironmentScope : IDisposable
{
    public static readonly string[] AwsVariables =
    {
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_CREDENTIAL_EXPIRATION",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
        "GITHUB_ENV", "GITHUB_ACTIONS", "TF_BUILD",
    };

    private readonly Dictionary<string, string?> _saved;

    public EnvironmentScope()
    {
        _saved = AwsVariables.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        foreach (var name in AwsVariables) Environment.SetEnvironmentVariable(name, null);
    }

    /// <summary>The current values of every variable this scope guards (null = unset).</summary>
    public static Dictionary<string, string?> Current() => AwsVariables.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }
}

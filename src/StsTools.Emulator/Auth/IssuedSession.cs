namespace StsTools.Emulator.Auth;

/// <summary>
/// Temporary credentials the emulator issued. The session token is a server-side handle: a request signed with the
/// access key must carry exactly this token, before <see cref="Expiration"/> (world clock).
/// </summary>
public sealed class IssuedSession
{
    public required string AccessKeyId { get; init; }
    public required string SecretAccessKey { get; init; }
    public required string SessionToken { get; init; }
    public required DateTimeOffset Expiration { get; init; }
    /// <summary>1: valid only in default regions (global endpoint, v1 setting); 2: valid everywhere.</summary>
    public required int TokenVersion { get; init; }
    /// <summary>The endpoint that issued it (aws-global or a region).</summary>
    public required string IssuedBy { get; init; }
    /// <summary>The identity the credentials act as.</summary>
    public required Caller Identity { get; init; }
    /// <summary>The operation that created it (AssumeRole, GetSessionToken, …).</summary>
    public required string IssuedByOperation { get; init; }
}

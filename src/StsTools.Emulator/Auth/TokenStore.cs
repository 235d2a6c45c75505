using System.Collections.Concurrent;

namespace StsTools.Emulator.Auth;

/// <summary>Every temporary credential issued since the last reset, by access key id.</summary>
public sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, IssuedSession> _sessions = new(StringComparer.Ordinal);

    public IssuedSession Issue(Caller identity, DateTimeOffset expiration, int tokenVersion, string issuedBy, string issuingRegion, string operation)
    {
        var session = new IssuedSession
        {
            AccessKeyId = SessionTokenFormat.NewTemporaryAccessKeyId(),
            SecretAccessKey = SessionTokenFormat.NewSecretAccessKey(),
            SessionToken = SessionTokenFormat.NewToken(tokenVersion, issuingRegion),
            Expiration = expiration,
            TokenVersion = tokenVersion,
            IssuedBy = issuedBy,
            Identity = identity,
            IssuedByOperation = operation,
        };
        _sessions[session.AccessKeyId] = session;
        return session;
    }

    public IssuedSession? Find(string accessKeyId) => _sessions.TryGetValue(accessKeyId, out var s) ? s : null;

    public int Count => _sessions.Count;

    public void Clear() => _sessions.Clear();
}

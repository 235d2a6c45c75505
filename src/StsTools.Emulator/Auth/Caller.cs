namespace StsTools.Emulator.Auth;

public enum CallerKind
{
    Root,
    User,
    AssumedRole,
    FederatedUser,
}

/// <summary>Who made a request: what GetCallerIdentity answers and what trust policies are judged against.</summary>
public sealed record Caller
{
    public required CallerKind Kind { get; init; }
    public required string AccountId { get; init; }
    /// <summary>arn:aws:iam::…:user/alice, arn:aws:sts::…:assumed-role/Role/session, …</summary>
    public required string Arn { get; init; }
    /// <summary>AIDA… for users, AROA…:session for role sessions, account:name for federated users.</summary>
    public required string UserId { get; init; }
    /// <summary>aws:PrincipalArn: the user's ARN, or the role's ARN for a role session.</summary>
    public required string PrincipalArn { get; init; }
    public string? UserName { get; init; }
    public string? RoleArn { get; init; }
    public string? SessionName { get; init; }
    public bool MfaPresent { get; init; }
    public DateTimeOffset? MfaAuthenticatedAt { get; init; }
    public string? SourceIdentity { get; init; }
    /// <summary>Set when the caller signed with temporary credentials.</summary>
    public IssuedSession? Session { get; init; }

    public bool IsRoleSession => Kind == CallerKind.AssumedRole;
}

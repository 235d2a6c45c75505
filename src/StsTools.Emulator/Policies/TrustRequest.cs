namespace StsTools.Emulator.Policies;

/// <summary>What a role's trust policy is asked: may this principal perform these actions, with this context?</summary>
public sealed class TrustRequest
{
    /// <summary>"AWS", "Federated" or "Service": the Principal element to match.</summary>
    public required string PrincipalType { get; init; }

    /// <summary>For AWS: the caller's ARN, its principal ARN (user or role), and its account id. For Federated: the
    /// identity provider's ARN. For Service: the service principal.</summary>
    public required IReadOnlyList<string> PrincipalIds { get; init; }

    /// <summary>For AWS principals: the caller's account, which "arn:aws:iam::&lt;account&gt;:root" and a bare account id
    /// stand for.</summary>
    public string? AccountId { get; init; }

    /// <summary>sts:AssumeRole (and sts:TagSession / sts:SetSourceIdentity when the request needs them): all must be allowed.</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>Condition keys (case-insensitive names) and their values; multi-valued keys hold several.</summary>
    public Dictionary<string, List<string>> Context { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TrustRequest With(string key, string? value)
    {
        if (value != null)
        {
            Context[key] = new List<string> { value };
        }

        return this;
    }
}

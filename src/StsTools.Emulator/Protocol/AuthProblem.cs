namespace StsTools.Emulator.Protocol;

/// <summary>Why a request could not be authenticated, before choosing the code the called service's protocol
/// uses for it (FACTS §1: the same invalid token is InvalidClientTokenId to STS, AuthFailure to EC2, …).</summary>
public enum AuthProblem
{
    MissingAuthentication,
    IncompleteSignature,
    /// <summary>Unknown or inactive key, token missing or not matching the key, a v1 token at an opt-in region, a
    /// region the account has not enabled.</summary>
    InvalidToken,
    SignatureMismatch,
    ExpiredToken,
    /// <summary>The request's timestamp is outside the clock-skew window.</summary>
    SignatureTime,
    /// <summary>The credential scope names another region or service than the endpoint's.</summary>
    WrongScope,
}

public sealed class AuthException : Exception
{
    public AuthException(AuthProblem problem, string? detail = null)
        : base(detail ?? problem.ToString())
    {
        Problem = problem;
        Detail = detail;
    }

    public AuthProblem Problem { get; }
    public string? Detail { get; }
}

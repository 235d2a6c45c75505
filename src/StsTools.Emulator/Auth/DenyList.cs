using System.Text.RegularExpressions;
using StsTools.Emulator.Protocol;
using StsTools.Emulator.World;

namespace StsTools.Emulator.Auth;

/// <summary>
/// The world's stand-in for identity policies: each user and role may carry a list of denied actions
/// ("account:ListRegions", "account:*", "iam:Get*"), judged like an explicit Deny in an identity-based policy —
/// for the user's own calls (and its GetSessionToken/GetFederationToken sessions) or the role's sessions.
/// Everything else is allowed: the emulator proves callers' handling of AccessDenied, not IAM's policy language.
/// </summary>
public static class DenyList
{
    /// <summary>Calls IAM policies cannot deny (AWS: no permissions are needed for them).</summary>
    private static readonly HashSet<string> s_neverDenied = new(StringComparer.OrdinalIgnoreCase)
    {
        "sts:GetCallerIdentity",
        "sts:GetSessionToken",
    };

    /// <summary>Throws <see cref="ExplicitDenyException"/> when the caller's principal is denied the request's action.</summary>
    public static void Check(WorldState world, Caller caller, EmulatorRequest request)
    {
        var action = $"{request.Service}:{request.Operation}";
        if (s_neverDenied.Contains(action))
        {
            return;
        }

        if (world.DenyList(caller.PrincipalArn).Any(pattern => Matches(pattern, action)))
        {
            throw new ExplicitDenyException(caller.Arn, action, Resource(request));
        }
    }

    /// <summary>IAM action matching: case-insensitive, <c>*</c> and <c>?</c> wildcards.</summary>
    public static bool Matches(string pattern, string action) =>
        Regex.IsMatch(action, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Resource(EmulatorRequest request) =>
        request.Operation == "AssumeRole" ? request.Param("RoleArn") ?? "*" : "*";
}

/// <summary>A call the caller's deny list forbids; each protocol words it its own way (AccessDenied,
/// UnauthorizedOperation, AccessDeniedException).</summary>
public sealed class ExplicitDenyException : Exception
{
    public ExplicitDenyException(string callerArn, string action, string resource)
        : base($"User: {callerArn} is not authorized to perform: {action} on resource: {resource} with an explicit deny in an identity-based policy")
    {
        CallerArn = callerArn;
        Action = action;
        Resource = resource;
    }

    public string CallerArn { get; }
    public string Action { get; }
    public string Resource { get; }
}

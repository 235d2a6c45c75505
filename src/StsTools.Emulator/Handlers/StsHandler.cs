using System.Globalization;
using System.Xml.Linq;
using StsTools.Emulator.Auth;
using StsTools.Emulator.Oidc;
using StsTools.Emulator.Saml;
using StsTools.Emulator.Policies;
using StsTools.Emulator.Protocol;
using StsTools.Emulator.World;
using static StsTools.Emulator.Handlers.StsXml;

namespace StsTools.Emulator.Handlers;

/// <summary>
/// The STS query API (Version 2011-06-15): AssumeRole, GetSessionToken, GetCallerIdentity, GetFederationToken,
/// AssumeRoleWithWebIdentity and AssumeRoleWithSAML (the last two unsigned). Every limit of FACTS §4 is checked
/// with AWS's error code; trust policies decide who may assume what.
/// </summary>
public sealed class StsHandler
{
    public const string Version = "2011-06-15";
    public const int ChainingLimitSeconds = 3600;

    public static readonly HashSet<string> UnsignedOperations = new() { "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML" };

    private readonly EmulatorState _state;
    private readonly WebIdentityVerifier _webIdentity;
    private readonly SamlAssertionVerifier _saml;

    public StsHandler(EmulatorState state)
    {
        _state = state;
        _webIdentity = new WebIdentityVerifier(state);
        _saml = new SamlAssertionVerifier(state);
    }

    public Task HandleAsync(EmulatorRequest request)
    {
        var result = request.Operation switch
        {
            "GetCallerIdentity" => GetCallerIdentity(request),
            "AssumeRole" => AssumeRole(request),
            "GetSessionToken" => GetSessionToken(request),
            "GetFederationToken" => GetFederationToken(request),
            "AssumeRoleWithWebIdentity" => AssumeRoleWithWebIdentity(request),
            "AssumeRoleWithSAML" => AssumeRoleWithSaml(request),
            _ => throw new AwsErrorException("InvalidAction", $"Could not find operation {request.Operation} for version {Version}"),
        };
        return ServiceProtocol.WriteXmlAsync(request.Http, result);
    }

    private Caller Authenticate(EmulatorRequest request)
    {
        var caller = _state.Authenticator.Authenticate(request);
        CheckStsActive(request, caller.AccountId);
        return caller;
    }

    private void CheckStsActive(EmulatorRequest request, string accountId)
    {
        if (!request.IsGlobalEndpoint && _state.World.IsStsDisabled(accountId, request.Region))
        {
            throw new AwsErrorException("RegionDisabledException",
                $"STS is not activated in this region for account:{accountId}. Your account administrator can activate STS in this region using the IAM Console.", 403);
        }
    }

    private XElement GetCallerIdentity(EmulatorRequest request)
    {
        var caller = Authenticate(request);
        return Response("GetCallerIdentity", request.RequestId,
            new XElement(Ns + "Arn", caller.Arn),
            new XElement(Ns + "UserId", caller.UserId),
            new XElement(Ns + "Account", caller.AccountId));
    }

    private XElement AssumeRole(EmulatorRequest request)
    {
        var caller = Authenticate(request);
        var v = new ParameterValidator();
        var s = SessionRequest.Read(request, v, hasRole: true, sessionNameRequired: true, 900, 43200);
        var externalId = request.Param("ExternalId");
        var serial = request.Param("SerialNumber");
        var tokenCode = request.Param("TokenCode");
        v.Length("externalId", externalId, 2, 1224).Pattern("externalId", externalId, @"[\w+=,.@:\/-]*");
        ValidateMfaMembers(v, serial, tokenCode);
        v.ThrowIfAny();
        var packed = s.CheckPolicyAndTags();

        if (caller.Kind == CallerKind.FederatedUser)
        {
            throw AwsErrorException.AccessDenied($"User: {caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {s.RoleArn}");
        }

        var mfaPresent = caller.MfaPresent;
        var mfaAt = caller.MfaAuthenticatedAt;
        if (serial != null || tokenCode != null)
        {
            VerifyMfa(caller, serial, tokenCode);
            mfaPresent = true;
            mfaAt = _state.Clock.Now;
        }

        var found = _state.World.FindRole(s.RoleArn!);
        var denied = AwsErrorException.AccessDenied($"User: {caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {s.RoleArn}");
        if (found == null)
        {
            throw denied;
        }

        var (account, role) = found.Value;
        var trust = new TrustRequest
        {
            PrincipalType = "AWS",
            PrincipalIds = new[] { caller.Arn, caller.PrincipalArn },
            AccountId = caller.AccountId,
            Actions = Actions("sts:AssumeRole", s, caller.SourceIdentity),
        }
            .With("sts:ExternalId", externalId)
            .With("aws:PrincipalArn", caller.PrincipalArn)
            .With("aws:PrincipalAccount", caller.AccountId)
            .With("aws:userid", caller.UserId)
            .With("aws:username", caller.UserName)
            .With("sts:RoleSessionName", s.RoleSessionName)
            .With("sts:SourceIdentity", s.SourceIdentity ?? caller.SourceIdentity)
            .With("aws:SourceIdentity", caller.SourceIdentity);
        // aws:MultiFactorAuthPresent is absent for long-term keys and false for temporary ones without MFA.
        if (mfaPresent || caller.Session != null)
        {
            trust.With("aws:MultiFactorAuthPresent", mfaPresent ? "true" : "false");
        }

        if (mfaAt != null)
        {
            trust.With("aws:MultiFactorAuthAge", ((long)(_state.Clock.Now - mfaAt.Value).TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        AddCommonContext(trust, request, s);
        if (!TrustPolicyEvaluator.IsAllowed(role.TrustPolicy, trust))
        {
            throw denied;
        }

        var duration = RoleDuration(s.DurationSeconds, role, chained: caller.IsRoleSession);
        var identity = RoleSessionIdentity(account.Id, role, s.RoleSessionName!, s.SourceIdentity ?? caller.SourceIdentity, mfaPresent, mfaAt);
        var session = Issue(request, identity, duration, tokenAccount: caller.AccountId, "AssumeRole");
        return Response("AssumeRole", request.RequestId,
            Credentials(session), AssumedRoleUser(identity), PackedPolicySize(packed), Optional("SourceIdentity", identity.SourceIdentity));
    }

    private XElement GetSessionToken(EmulatorRequest request)
    {
        var caller = Authenticate(request);
        var v = new ParameterValidator();
        var duration = ParameterValidator.Integer(request, "DurationSeconds", "durationSeconds");
        var serial = request.Param("SerialNumber");
        var tokenCode = request.Param("TokenCode");
        v.Range("durationSeconds", duration, 900, 129600);
        ValidateMfaMembers(v, serial, tokenCode);
        v.ThrowIfAny();

        if (caller.Session != null)
        {
            throw AwsErrorException.AccessDenied("Cannot call GetSessionToken with session credentials");
        }

        var mfa = false;
        if (serial != null || tokenCode != null)
        {
            VerifyMfa(caller, serial, tokenCode);
            mfa = true;
        }

        // Sessions of the account's root are capped at one hour instead of refused.
        var seconds = duration ?? 43200;
        if (caller.Kind == CallerKind.Root)
        {
            seconds = Math.Min(seconds, 3600);
        }

        var identity = caller with { MfaPresent = mfa, MfaAuthenticatedAt = mfa ? _state.Clock.Now : null, Session = null };
        var session = Issue(request, identity, seconds, tokenAccount: caller.AccountId, "GetSessionToken");
        return Response("GetSessionToken", request.RequestId, Credentials(session));
    }

    private XElement GetFederationToken(EmulatorRequest request)
    {
        var caller = Authenticate(request);
        var v = new ParameterValidator();
        var name = request.Param("Name");
        var s = SessionRequest.Read(request, v, hasRole: false, sessionNameRequired: false, 900, 129600);
        v.Custom("name", name != null, "Member must not be null");
        v.Length("name", name, 2, 32).Pattern("name", name, SessionRequest.NamePattern);
        v.ThrowIfAny();
        var packed = s.CheckPolicyAndTags();

        if (caller.Session != null)
        {
            throw AwsErrorException.AccessDenied("Cannot call GetFederationToken with session credentials");
        }

        var seconds = s.DurationSeconds ?? 43200;
        if (caller.Kind == CallerKind.Root)
        {
            seconds = Math.Min(seconds, 3600);
        }

        var identity = new Caller
        {
            Kind = CallerKind.FederatedUser,
            AccountId = caller.AccountId,
            Arn = $"arn:aws:sts::{caller.AccountId}:federated-user/{name}",
            UserId = $"{caller.AccountId}:{name}",
            PrincipalArn = caller.PrincipalArn,
        };
        var session = Issue(request, identity, seconds, tokenAccount: caller.AccountId, "GetFederationToken");
        return Response("GetFederationToken", request.RequestId,
            Credentials(session),
            new XElement(Ns + "FederatedUser",
                new XElement(Ns + "FederatedUserId", identity.UserId),
                new XElement(Ns + "Arn", identity.Arn)),
            PackedPolicySize(packed));
    }

    private XElement AssumeRoleWithWebIdentity(EmulatorRequest request)
    {
        var v = new ParameterValidator();
        var s = SessionRequest.Read(request, v, hasRole: true, sessionNameRequired: true, 900, 43200);
        var token = request.Param("WebIdentityToken");
        var providerId = request.Param("ProviderId");
        v.Custom("webIdentityToken", token != null, "Member must not be null");
        v.Length("webIdentityToken", token, 4, 20000);
        v.Length("providerId", providerId, 4, 2048);
        v.ThrowIfAny();
        var packed = s.CheckPolicyAndTags();

        var found = _state.World.FindRole(s.RoleArn!);
        var verified = _webIdentity.Verify(token!, AccountOfArn(s.RoleArn!));
        var denied = AwsErrorException.AccessDenied("Not authorized to perform sts:AssumeRoleWithWebIdentity");
        if (found == null)
        {
            throw denied;
        }

        var (account, role) = found.Value;
        CheckStsActive(request, account.Id);
        var trust = new TrustRequest
        {
            PrincipalType = "Federated",
            PrincipalIds = new[] { verified.ProviderArn },
            Actions = Actions("sts:AssumeRoleWithWebIdentity", s, null),
        };
        foreach (var (key, values) in verified.ConditionKeys)
        {
            trust.Context[key] = values;
        }

        trust.With("sts:RoleSessionName", s.RoleSessionName).With("sts:SourceIdentity", s.SourceIdentity);
        AddCommonContext(trust, request, s);
        if (!TrustPolicyEvaluator.IsAllowed(role.TrustPolicy, trust))
        {
            throw denied;
        }

        var duration = RoleDuration(s.DurationSeconds, role, chained: false);
        var identity = RoleSessionIdentity(account.Id, role, s.RoleSessionName!, s.SourceIdentity, false, null);
        var session = Issue(request, identity, duration, tokenAccount: account.Id, "AssumeRoleWithWebIdentity");
        request.Log.Caller = verified.Subject;
        return Response("AssumeRoleWithWebIdentity", request.RequestId,
            new XElement(Ns + "SubjectFromWebIdentityToken", verified.Subject),
            new XElement(Ns + "Audience", verified.Audience),
            AssumedRoleUser(identity),
            Credentials(session),
            new XElement(Ns + "Provider", verified.ProviderName),
            PackedPolicySize(packed),
            Optional("SourceIdentity", identity.SourceIdentity));
    }

    private XElement AssumeRoleWithSaml(EmulatorRequest request)
    {
        var v = new ParameterValidator();
        var s = SessionRequest.Read(request, v, hasRole: true, sessionNameRequired: false, 900, 43200);
        var assertion = request.Param("SAMLAssertion");
        var principalArn = request.Param("PrincipalArn");
        v.Custom("sAMLAssertion", assertion != null, "Member must not be null");
        v.Length("sAMLAssertion", assertion, 4, 100000);
        v.Custom("principalArn", principalArn != null, "Member must not be null");
        v.Length("principalArn", principalArn, 20, 2048);
        v.ThrowIfAny();
        var packed = s.CheckPolicyAndTags();

        var found = _state.World.FindRole(s.RoleArn!);
        var verified = _saml.Verify(assertion!, principalArn!, s.RoleArn!);
        var denied = AwsErrorException.AccessDenied("Not authorized to perform sts:AssumeRoleWithSAML");
        if (found == null)
        {
            throw denied;
        }

        var (account, role) = found.Value;
        CheckStsActive(request, account.Id);
        var trust = new TrustRequest
        {
            PrincipalType = "Federated",
            PrincipalIds = new[] { principalArn! },
            Actions = Actions("sts:AssumeRoleWithSAML", s, null),
        };
        foreach (var (key, values) in verified.ConditionKeys)
        {
            trust.Context[key] = values;
        }

        AddCommonContext(trust, request, s);
        if (!TrustPolicyEvaluator.IsAllowed(role.TrustPolicy, trust))
        {
            throw denied;
        }

        // The session's duration: the request's, else the assertion's SessionDuration attribute, else an hour;
        // never past the assertion's NotOnOrAfter... AWS caps it at the role's maximum.
        var duration = RoleDuration(s.DurationSeconds ?? verified.SessionDuration, role, chained: false);
        var identity = RoleSessionIdentity(account.Id, role, verified.RoleSessionName, s.SourceIdentity ?? verified.SourceIdentity, false, null);
        var session = Issue(request, identity, duration, tokenAccount: account.Id, "AssumeRoleWithSAML");
        request.Log.Caller = verified.Subject;
        return Response("AssumeRoleWithSAML", request.RequestId,
            Credentials(session),
            AssumedRoleUser(identity),
            PackedPolicySize(packed),
            new XElement(Ns + "Subject", verified.Subject),
            new XElement(Ns + "SubjectType", verified.SubjectType),
            new XElement(Ns + "Issuer", verified.Issuer),
            new XElement(Ns + "Audience", verified.Audience),
            new XElement(Ns + "NameQualifier", verified.NameQualifier),
            Optional("SourceIdentity", identity.SourceIdentity));
    }

    /// <summary>The session length for a role: default an hour; no more than the role allows; no more than an hour
    /// when a role session assumes a role (chaining), each with AWS's message.</summary>
    public static int RoleDuration(long? requested, RoleDocument role, bool chained)
    {
        var seconds = requested ?? 3600;
        if (chained && seconds > ChainingLimitSeconds)
        {
            throw AwsErrorException.Validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }

        if (seconds > role.MaxSessionDuration)
        {
            throw AwsErrorException.Validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        return (int)seconds;
    }

    public static Caller RoleSessionIdentity(string accountId, RoleDocument role, string sessionName, string? sourceIdentity, bool mfa, DateTimeOffset? mfaAt)
    {
        var roleArn = WorldState.RoleArn(accountId, role);
        return new Caller
        {
            Kind = CallerKind.AssumedRole,
            AccountId = accountId,
            Arn = $"arn:aws:sts::{accountId}:assumed-role/{role.Name}/{sessionName}",
            UserId = SessionTokenFormat.StableId("AROA", roleArn) + ":" + sessionName,
            PrincipalArn = roleArn,
            RoleArn = roleArn,
            SessionName = sessionName,
            SourceIdentity = sourceIdentity,
            MfaPresent = mfa,
            MfaAuthenticatedAt = mfaAt,
        };
    }

    /// <summary>Issues credentials. Their token version: v2 from a regional endpoint; from the global endpoint, what
    /// <paramref name="tokenAccount"/>'s GlobalEndpointTokenVersion says at this moment (FACTS §1, §2).</summary>
    private IssuedSession Issue(EmulatorRequest request, Caller identity, long seconds, string tokenAccount, string operation)
    {
        var version = request.IsGlobalEndpoint ? _state.World.GlobalEndpointTokenVersion(tokenAccount) : 2;
        request.Log.IssuedTokenVersion = version;
        return _state.Tokens.Issue(identity, _state.Clock.Now.AddSeconds(seconds), version, request.Endpoint, request.Region, operation);
    }

    private static IReadOnlyList<string> Actions(string action, SessionRequest s, string? inheritedSourceIdentity)
    {
        var actions = new List<string> { action };
        if (s.Tags.Count > 0 || s.TransitiveTagKeys.Count > 0)
        {
            actions.Add("sts:TagSession");
        }

        if (s.SourceIdentity != null || inheritedSourceIdentity != null)
        {
            actions.Add("sts:SetSourceIdentity");
        }

        return actions;
    }

    private void AddCommonContext(TrustRequest trust, EmulatorRequest request, SessionRequest s)
    {
        var now = _state.Clock.Now;
        trust.With("aws:CurrentTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .With("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .With("aws:RequestedRegion", request.Region)
            .With("aws:SecureTransport", request.Http.Request.IsHttps ? "true" : "false");
        foreach (var (key, value) in s.Tags)
        {
            trust.With("aws:RequestTag/" + key, value);
        }

        if (s.Tags.Count > 0)
        {
            trust.Context["aws:TagKeys"] = s.Tags.Select(t => t.Key).ToList();
        }
    }

    /// <summary>The 12-digit account of an IAM ARN (arn:aws:iam::123456789012:role/x), or "" when it has none.</summary>
    private static string AccountOfArn(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 ? parts[4] : "";
    }

    private static void ValidateMfaMembers(ParameterValidator v, string? serial, string? tokenCode)
    {
        v.Length("serialNumber", serial, 9, 256).Pattern("serialNumber", serial, @"[\w+=/:,.@-]*");
        v.Length("tokenCode", tokenCode, 6, 6).Pattern("tokenCode", tokenCode, @"[\d]*");
    }

    /// <summary>The device must be the caller's (a user's virtual MFA) and the code right now, ±30 s.</summary>
    private void VerifyMfa(Caller caller, string? serial, string? tokenCode)
    {
        if (serial == null || tokenCode == null || caller.Kind != CallerKind.User || caller.Session != null)
        {
            throw AwsErrorException.AccessDenied("MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.");
        }

        var user = _state.World.FindAccount(caller.AccountId)?.Users.FirstOrDefault(u => u.Name == caller.UserName);
        var device = user?.MfaDevices.FirstOrDefault(d => d.SerialNumber == serial);
        if (device == null)
        {
            throw AwsErrorException.AccessDenied("MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.");
        }

        if (!Totp.Verify(device.Seed, tokenCode, _state.Clock.Now))
        {
            throw AwsErrorException.AccessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code. ");
        }
    }
}

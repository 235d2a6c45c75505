using System.Text.Json;
using System.Text.Json.Serialization;
using StsTools.Emulator.Faults;

namespace StsTools.Emulator.World;

// The world file's schema (JSON, camelCase). docs/emulator.md documents it; World/default-world.json is the
// default. Certificates are PEM text or "resource:<name>" for one embedded in the program.

public sealed class WorldDocument
{
    public List<AccountDocument> Accounts { get; set; } = new();
    public List<OidcIssuerDocument> OidcIssuers { get; set; } = new();
    public SamlIdentityProviderDocument? SamlIdentityProvider { get; set; }

    /// <summary>Faults in force at start, by endpoint (path prefix: "aws-global", "me-south-1", or "*").</summary>
    public Dictionary<string, FaultSpec> Faults { get; set; } = new();

    /// <summary>Clock-skew window for signature timestamps (AWS: 15 minutes).</summary>
    public int SignatureSkewSeconds { get; set; } = 900;
}

public sealed class AccountDocument
{
    public string Id { get; set; } = "";
    /// <summary>1 (v1Token) or 2 (v2Token): the version of tokens the global endpoint issues for this account.</summary>
    public int GlobalEndpointTokenVersion { get; set; } = 1;
    public List<string> EnabledOptInRegions { get; set; } = new();
    /// <summary>Default regions where an administrator deactivated STS (RegionDisabledException).</summary>
    public List<string> StsDisabledRegions { get; set; } = new();
    public List<AccessKeyDocument> RootAccessKeys { get; set; } = new();
    public List<UserDocument> Users { get; set; } = new();
    public List<RoleDocument> Roles { get; set; } = new();
    public List<OidcProviderDocument> OidcProviders { get; set; } = new();
    public List<SamlProviderDocument> SamlProviders { get; set; } = new();
    public RolesAnywhereDocument RolesAnywhere { get; set; } = new();
}

public sealed class AccessKeyDocument
{
    public string AccessKeyId { get; set; } = "";
    public string SecretAccessKey { get; set; } = "";
    /// <summary>Inactive keys are refused like unknown ones.</summary>
    public bool Active { get; set; } = true;
}

public sealed class UserDocument
{
    public string Name { get; set; } = "";
    public string Path { get; set; } = "/";
    public List<AccessKeyDocument> AccessKeys { get; set; } = new();
    public List<MfaDeviceDocument> MfaDevices { get; set; } = new();
    /// <summary>Actions this user (and its GetSessionToken sessions) may not call: "iam:GetAccountSummary", "account:*".</summary>
    public List<string> Deny { get; set; } = new();
}

public sealed class MfaDeviceDocument
{
    /// <summary>The virtual device's ARN (arn:aws:iam::&lt;account&gt;:mfa/&lt;name&gt;).</summary>
    public string SerialNumber { get; set; } = "";
    /// <summary>Base32 TOTP seed (RFC 6238, SHA-1, 6 digits, 30 s).</summary>
    public string Seed { get; set; } = "";
}

public sealed class RoleDocument
{
    public string Name { get; set; } = "";
    public string Path { get; set; } = "/";
    /// <summary>3600–43200 seconds, as IAM allows.</summary>
    public int MaxSessionDuration { get; set; } = 3600;
    /// <summary>The role's trust policy: an IAM policy document.</summary>
    public JsonElement TrustPolicy { get; set; }
    /// <summary>Actions the role's sessions may not call: "ec2:DescribeRegions", "account:*" (an explicit deny).</summary>
    public List<string> Deny { get; set; } = new();
}

public sealed class OidcProviderDocument
{
    /// <summary>The issuer URL (https://token.actions.githubusercontent.com); its ARN is
    /// arn:aws:iam::&lt;account&gt;:oidc-provider/&lt;url without https://&gt;.</summary>
    public string Url { get; set; } = "";
    public List<string> ClientIds { get; set; } = new();
}

public sealed class SamlProviderDocument
{
    public string Name { get; set; } = "";
    /// <summary>The IdP's signing certificate (PEM or resource:name).</summary>
    public string Certificate { get; set; } = "";
    /// <summary>The issuer the assertions must carry (the IdP's entity id).</summary>
    public string Issuer { get; set; } = "";
}

public sealed class RolesAnywhereDocument
{
    public List<TrustAnchorDocument> TrustAnchors { get; set; } = new();
    public List<RolesAnywhereProfileDocument> Profiles { get; set; } = new();
}

public sealed class TrustAnchorDocument
{
    public string Arn { get; set; } = "";
    /// <summary>The CA certificate (PEM or resource:name).</summary>
    public string Certificate { get; set; } = "";
    public bool Enabled { get; set; } = true;
}

public sealed class RolesAnywhereProfileDocument
{
    public string Arn { get; set; } = "";
    public List<string> RoleArns { get; set; } = new();
    public int DurationSeconds { get; set; } = 3600;
    public bool Enabled { get; set; } = true;
}

/// <summary>An OIDC token endpoint the emulator plays (GitHub Actions or Azure DevOps).</summary>
public sealed class OidcIssuerDocument
{
    /// <summary>The path segment it is served under: /_oidc/&lt;name&gt;/…</summary>
    public string Name { get; set; } = "";
    /// <summary>"github-actions" or "azure-devops": decides the request and response shape.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The <c>iss</c> claim (and the OIDC provider URL that trusts it).</summary>
    public string Issuer { get; set; } = "";
    /// <summary>The bearer token a caller must present (ACTIONS_ID_TOKEN_REQUEST_TOKEN / SYSTEM_ACCESSTOKEN).</summary>
    public string RequestToken { get; set; } = "";
    /// <summary>GitHub: the <c>sub</c> claim unless the request URL overrides it with subject=.</summary>
    public string Subject { get; set; } = "";
    /// <summary>Azure DevOps: the fixed audience of its tokens.</summary>
    public string Audience { get; set; } = "";
    /// <summary>Azure DevOps: service connections (id → sub).</summary>
    public List<ServiceConnectionDocument> ServiceConnections { get; set; } = new();
    public int LifetimeSeconds { get; set; } = 300;
    /// <summary>Extra claims copied into every token.</summary>
    public Dictionary<string, JsonElement> Claims { get; set; } = new();
}

public sealed class ServiceConnectionDocument
{
    public string Id { get; set; } = "";
    public string Subject { get; set; } = "";
}

/// <summary>The SAML IdP the emulator plays to hand out signed assertions (admin API).</summary>
public sealed class SamlIdentityProviderDocument
{
    public string Issuer { get; set; } = "";
    public string Certificate { get; set; } = "";
    public string PrivateKey { get; set; } = "";
}

public static class WorldJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };
}

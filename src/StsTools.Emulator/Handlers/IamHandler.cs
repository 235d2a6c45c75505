using System.Globalization;
using System.Xml.Linq;
using StsTools.Emulator.Protocol;

namespace StsTools.Emulator.Handlers;

/// <summary>
/// IAM's two calls the module needs (FACTS §2): GetAccountSummary, whose SummaryMap carries
/// GlobalEndpointTokenVersion as the integer 1 or 2, and SetSecurityTokenServicePreferences, which changes the version
/// of tokens the global STS endpoint issues from now on (tokens already issued keep theirs).
/// </summary>
public sealed class IamHandler
{
    public const string Version = "2010-05-08";

    private static readonly XNamespace s_ns = ((QueryProtocol)ServiceProtocol.Iam).Namespace;
    private readonly EmulatorState _state;

    public IamHandler(EmulatorState state) => _state = state;

    public Task HandleAsync(EmulatorRequest request)
    {
        var caller = _state.Authenticator.Authenticate(request);
        var account = _state.World.FindAccount(caller.AccountId)!;
        XElement result;
        switch (request.Operation)
        {
            case "GetAccountSummary":
                var entries = new (string Key, int Value)[]
                {
                    ("Users", account.Users.Count), ("UsersQuota", 5000), ("Groups", 0), ("GroupsQuota", 300),
                    ("Roles", account.Roles.Count), ("RolesQuota", 1000), ("Policies", 0), ("PoliciesQuota", 1500),
                    ("ServerCertificates", 0), ("ServerCertificatesQuota", 20), ("InstanceProfiles", 0), ("InstanceProfilesQuota", 1000),
                    ("MFADevices", account.Users.Sum(u => u.MfaDevices.Count)), ("MFADevicesInUse", account.Users.Sum(u => u.MfaDevices.Count)),
                    ("AccessKeysPerUserQuota", 2), ("AccountAccessKeysPresent", account.RootAccessKeys.Count > 0 ? 1 : 0),
                    ("AccountMFAEnabled", 0), ("AccountSigningCertificatesPresent", 0), ("SigningCertificatesPerUserQuota", 2),
                    ("PolicySizeQuota", 6144), ("PolicyVersionsInUse", 0), ("PolicyVersionsInUseQuota", 10000),
                    ("VersionsPerPolicyQuota", 5), ("AttachedPoliciesPerUserQuota", 10), ("AttachedPoliciesPerRoleQuota", 10),
                    ("AttachedPoliciesPerGroupQuota", 10), ("GroupsPerUserQuota", 10), ("GroupPolicySizeQuota", 5120),
                    ("UserPolicySizeQuota", 2048), ("RolePolicySizeQuota", 10240), ("AssumeRolePolicySizeQuota", 2048),
                    ("Providers", account.OidcProviders.Count + account.SamlProviders.Count),
                    ("GlobalEndpointTokenVersion", _state.World.GlobalEndpointTokenVersion(account.Id)),
                };
                result = Response("GetAccountSummary", request.RequestId,
                    new XElement(s_ns + "SummaryMap", entries.Select(e => new XElement(s_ns + "entry",
                        new XElement(s_ns + "key", e.Key), new XElement(s_ns + "value", e.Value.ToString(CultureInfo.InvariantCulture))))));
                break;

            case "SetSecurityTokenServicePreferences":
                var value = request.Param("GlobalEndpointTokenVersion");
                if (value == null)
                {
                    throw AwsErrorException.Validation("1 validation error detected: Value null at 'globalEndpointTokenVersion' failed to satisfy constraint: Member must not be null");
                }

                var version = value switch
                {
                    "v1Token" => 1,
                    "v2Token" => 2,
                    _ => throw AwsErrorException.Validation($"1 validation error detected: Value '{value}' at 'globalEndpointTokenVersion' failed to satisfy constraint: Member must satisfy enum value set: [v1Token, v2Token]"),
                };
                _state.World.SetGlobalEndpointTokenVersion(account.Id, version);
                result = new XElement(s_ns + "SetSecurityTokenServicePreferencesResponse",
                    new XElement(s_ns + "ResponseMetadata", new XElement(s_ns + "RequestId", request.RequestId)));
                break;

            default:
                throw new AwsErrorException("InvalidAction", $"Could not find operation {request.Operation} for version {Version}");
        }

        return ServiceProtocol.WriteXmlAsync(request.Http, result);
    }

    private static XElement Response(string operation, string requestId, params object[] content) =>
        new(s_ns + operation + "Response",
            new XElement(s_ns + operation + "Result", content),
            new XElement(s_ns + "ResponseMetadata", new XElement(s_ns + "RequestId", requestId)));
}

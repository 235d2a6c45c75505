using StsTools.Emulator.Auth;

namespace StsTools.Emulator.Protocol;

/// <summary>
/// Which service and operation a request is for, with one port for all of them: the SigV4 credential scope
/// names the service; unsigned STS calls name themselves by Action; Roles Anywhere and Account by their paths.
/// </summary>
public static class ServiceDetector
{
    public const string Sts = "sts";
    public const string Iam = "iam";
    public const string Ec2 = "ec2";
    public const string Account = "account";
    public const string RolesAnywhere = "rolesanywhere";
    public const string Unknown = "unknown";

    private static readonly Dictionary<string, string> s_accountOperations = new(StringComparer.Ordinal)
    {
        ["listRegions"] = "ListRegions",
        ["getRegionOptStatus"] = "GetRegionOptStatus",
        ["enableRegion"] = "EnableRegion",
        ["disableRegion"] = "DisableRegion",
    };

    public static (string Service, string Operation) Detect(string method, string subPath, SigV4Authorization? auth,
        IReadOnlyDictionary<string, string> parameters)
    {
        var path = subPath.TrimEnd('/');
        if (path == "sessions" && method == "POST")
        {
            return (RolesAnywhere, "CreateSession");
        }

        if (s_accountOperations.TryGetValue(path, out var accountOperation))
        {
            return (Account, accountOperation);
        }

        parameters.TryGetValue("Action", out var action);
        action ??= "";
        if (auth != null)
        {
            return (auth.ScopeService, action.Length > 0 ? action : path);
        }

        parameters.TryGetValue("Version", out var version);
        return version switch
        {
            "2010-05-08" => (Iam, action),
            "2016-11-15" => (Ec2, action),
            _ when action.Length > 0 => (Sts, action),
            _ => (Unknown, path),
        };
    }

    public static ServiceProtocol ProtocolOf(string service) => service switch
    {
        Iam => ServiceProtocol.Iam,
        Ec2 => ServiceProtocol.Ec2,
        Account or RolesAnywhere => ServiceProtocol.RestJson,
        _ => ServiceProtocol.Sts,
    };
}

using System.Globalization;
using System.Xml.Linq;
using StsTools.Emulator.Auth;
using StsTools.Emulator.Protocol;

namespace StsTools.Emulator.Handlers;

/// <summary>Builds STS's XML answers (namespace https://sts.amazonaws.com/doc/2011-06-15/).</summary>
public static class StsXml
{
    public static readonly XNamespace Ns = ((QueryProtocol)ServiceProtocol.Sts).Namespace;

    public static XElement Response(string operation, string requestId, params object?[] resultContent) =>
        new(Ns + operation + "Response",
            new XElement(Ns + operation + "Result", resultContent.Where(c => c != null)),
            new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", requestId)));

    public static XElement Credentials(IssuedSession session) =>
        new(Ns + "Credentials",
            new XElement(Ns + "AccessKeyId", session.AccessKeyId),
            new XElement(Ns + "SecretAccessKey", session.SecretAccessKey),
            new XElement(Ns + "SessionToken", session.SessionToken),
            new XElement(Ns + "Expiration", Timestamp(session.Expiration)));

    public static XElement AssumedRoleUser(Caller identity) =>
        new(Ns + "AssumedRoleUser",
            new XElement(Ns + "AssumedRoleId", identity.UserId),
            new XElement(Ns + "Arn", identity.Arn));

    public static XElement? Optional(string name, string? value) => value == null ? null : new XElement(Ns + name, value);

    public static XElement? PackedPolicySize(int? percent) =>
        percent == null ? null : new XElement(Ns + "PackedPolicySize", percent.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>ISO 8601 in UTC without fractions, as STS writes Expiration.</summary>
    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

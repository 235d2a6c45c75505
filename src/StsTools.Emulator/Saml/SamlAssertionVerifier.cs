using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using StsTools.Emulator.Protocol;
using StsTools.Emulator.World;

namespace StsTools.Emulator.Saml;

/// <summary>What a verified SAML assertion says, for the trust policy and the response.</summary>
public sealed record VerifiedSamlAssertion(
    string Subject,
    string SubjectType,
    string Issuer,
    string Audience,
    string NameQualifier,
    string RoleSessionName,
    long? SessionDuration,
    string? SourceIdentity,
    Dictionary<string, List<string>> ConditionKeys);

/// <summary>
/// Checks a base64 SAML response as STS does: the provider named by PrincipalArn exists; the assertion is signed
/// (XML-DSig, System.Security.Cryptography.Xml from the ASP.NET Core shared framework) by that provider's certificate,
/// and the signature covers the very assertion read; issuer as configured; audience an AWS sign-in URL; NotBefore /
/// NotOnOrAfter against the world clock; the Role attribute pairs the requested role with the provider; a
/// RoleSessionName attribute is present.
/// </summary>
public sealed class SamlAssertionVerifier
{
    private readonly EmulatorState _state;

    public SamlAssertionVerifier(EmulatorState state) => _state = state;

    public VerifiedSamlAssertion Verify(string base64Response, string principalArn, string roleArn)
    {
        var (accountId, providerName) = ParseProviderArn(principalArn);
        var provider = _state.World.FindAccount(accountId)?.SamlProviders.FirstOrDefault(p => p.Name == providerName)
            ?? throw Invalid($"Specified provider doesn't exist: {principalArn}");

        var document = Load(base64Response);
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("samlp", SamlNames.Protocol);
        ns.AddNamespace("saml", SamlNames.Assertion);
        ns.AddNamespace("ds", SamlNames.XmlDsig);

        var assertions = document.SelectNodes("/samlp:Response/saml:Assertion", ns)!;
        if (document.DocumentElement?.LocalName != "Response" || assertions.Count != 1)
        {
            throw Invalid("Invalid SAML response: expected one Assertion in a samlp:Response.");
        }

        var assertion = (XmlElement)assertions[0]!;
        var certificate = WorldState.LoadCertificate(provider.Certificate);
        if (!SignatureCovers(document, assertion, ns, certificate) && !SignatureCovers(document, document.DocumentElement!, ns, certificate))
        {
            throw Invalid("Invalid SAML response: the signature does not verify with the provider's signing certificate.");
        }

        var issuer = assertion.SelectSingleNode("saml:Issuer", ns)?.InnerText.Trim() ?? "";
        if (!string.IsNullOrEmpty(provider.Issuer) && issuer != provider.Issuer)
        {
            throw Invalid($"Issuer '{issuer}' is not the issuer of {principalArn}.");
        }

        var now = _state.Clock.Now;
        var conditions = assertion.SelectSingleNode("saml:Conditions", ns) as XmlElement;
        var notBefore = Time(conditions?.GetAttribute("NotBefore"));
        var notOnOrAfter = Time(conditions?.GetAttribute("NotOnOrAfter"));
        var confirmation = assertion.SelectSingleNode("saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData", ns) as XmlElement;
        var confirmationExpiry = Time(confirmation?.GetAttribute("NotOnOrAfter"));
        if ((notOnOrAfter != null && now >= notOnOrAfter) || (confirmationExpiry != null && now >= confirmationExpiry))
        {
            throw new AwsErrorException("ExpiredTokenException", "Token expired: the SAML assertion's NotOnOrAfter has passed.");
        }

        if (notBefore != null && now < notBefore.Value.AddMinutes(-5))
        {
            throw Invalid("Invalid SAML response: the assertion is not valid yet (NotBefore).");
        }

        var audiences = assertion.SelectNodes("saml:Conditions/saml:AudienceRestriction/saml:Audience", ns)!.Cast<XmlNode>().Select(n => n.InnerText.Trim()).ToList();
        var audience = audiences.FirstOrDefault(SamlNames.IsAwsSignIn)
            ?? throw Invalid($"Invalid SAML response: audience restriction [{string.Join(", ", audiences)}] does not name {SamlNames.AwsSignIn}.");
        var recipient = confirmation?.GetAttribute("Recipient");
        var samlAud = string.IsNullOrEmpty(recipient) ? audience : recipient;

        var attributes = Attributes(assertion, ns);
        var roles = attributes.TryGetValue(SamlNames.RoleAttribute, out var r) ? r : new List<string>();
        var paired = roles.Any(value =>
        {
            var parts = value.Split(',').Select(p => p.Trim()).ToArray();
            return parts.Length == 2 && parts.Contains(roleArn) && parts.Contains(principalArn);
        });
        if (!paired)
        {
            throw AwsErrorException.AccessDenied("Not authorized to perform sts:AssumeRoleWithSAML");
        }

        var sessionName = attributes.TryGetValue(SamlNames.RoleSessionNameAttribute, out var names) ? names.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(sessionName))
        {
            throw Invalid("Invalid SAML response: the RoleSessionName attribute is missing.");
        }

        long? duration = attributes.TryGetValue(SamlNames.SessionDurationAttribute, out var d) && long.TryParse(d.FirstOrDefault(), out var dv) ? dv : null;
        var sourceIdentity = attributes.TryGetValue(SamlNames.SourceIdentityAttribute, out var si) ? si.FirstOrDefault() : null;

        var nameId = assertion.SelectSingleNode("saml:Subject/saml:NameID", ns) as XmlElement;
        var subject = nameId?.InnerText.Trim() ?? "";
        var format = nameId?.GetAttribute("Format") ?? "";
        var subjectType = format == SamlNames.Persistent ? "persistent" : format == SamlNames.Transient ? "transient" : format;
        // AWS: NameQualifier = base64(SHA1(issuer + account id + "/" + provider name)).
        var nameQualifier = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(issuer + accountId + "/" + providerName)));

        var keys = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["SAML:aud"] = new() { samlAud },
            ["SAML:iss"] = new() { issuer },
            ["SAML:sub"] = new() { subject },
            ["SAML:sub_type"] = new() { subjectType },
            ["SAML:namequalifier"] = new() { nameQualifier },
        };
        return new VerifiedSamlAssertion(subject, subjectType, issuer, samlAud, nameQualifier, sessionName, duration, sourceIdentity, keys);
    }

    private static XmlDocument Load(string base64)
    {
        try
        {
            var xml = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document.Load(reader);
            return document;
        }
        catch (Exception e) when (e is FormatException or XmlException)
        {
            throw Invalid("Invalid SAML response: not base64-encoded XML.");
        }
    }

    /// <summary>True when <paramref name="element"/> carries a signature that verifies with the certificate and whose
    /// single reference is exactly that element (no wrapping: the signed part is the part read).</summary>
    private static bool SignatureCovers(XmlDocument document, XmlElement element, XmlNamespaceManager ns, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        if (element.SelectSingleNode("ds:Signature", ns) is not XmlElement signature)
        {
            return false;
        }

        var signed = new SignedXml(element);
        signed.LoadXml(signature);
        if (signed.SignedInfo?.References.Count != 1 || signed.SignedInfo.References[0] is not Reference reference)
        {
            return false;
        }

        var id = element.GetAttribute("ID");
        if (string.IsNullOrEmpty(id) || reference.Uri != "#" + id || document.SelectNodes($"//*[@ID='{id}']")!.Count != 1)
        {
            return false;
        }

        try
        {
            return signed.CheckSignature(certificate, verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static Dictionary<string, List<string>> Attributes(XmlElement assertion, XmlNamespaceManager ns)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (XmlElement attribute in assertion.SelectNodes("saml:AttributeStatement/saml:Attribute", ns)!)
        {
            result[attribute.GetAttribute("Name")] = attribute.SelectNodes("saml:AttributeValue", ns)!.Cast<XmlNode>().Select(v => v.InnerText.Trim()).ToList();
        }

        return result;
    }

    private static DateTimeOffset? Time(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    private static (string AccountId, string Name) ParseProviderArn(string arn)
    {
        // arn:aws:iam::222222222222:saml-provider/ExampleIdP
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[2] != "iam" || !parts[5].StartsWith("saml-provider/", StringComparison.Ordinal))
        {
            throw Invalid($"Specified provider doesn't exist: {arn}");
        }

        return (parts[4], parts[5]["saml-provider/".Length..]);
    }

    private static AwsErrorException Invalid(string message) => new("InvalidIdentityToken", message);
}

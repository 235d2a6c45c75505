using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using StsTools.Emulator.World;

namespace StsTools.Emulator.Saml;

/// <summary>What a test asks the emulator's SAML IdP to assert (POST /_emulator/saml/response).</summary>
public sealed class SamlResponseRequest
{
    public string? RoleArn { get; set; }
    public string? PrincipalArn { get; set; }
    public string Subject { get; set; } = "alice@example.test";
    public string? RoleSessionName { get; set; }
    /// <summary>The AudienceRestriction and Recipient; default https://signin.aws.amazon.com/saml.</summary>
    public string? Audience { get; set; }
    /// <summary>Seconds until NotOnOrAfter (negative: already expired).</summary>
    public int LifetimeSeconds { get; set; } = 300;
    public int? SessionDuration { get; set; }
    public string? SourceIdentity { get; set; }
}

/// <summary>
/// The SAML IdP the emulator plays, so tests and demos can get a signed SAML response the way a browser gets one
/// from an IdP: an assertion for the requested role, signed (enveloped XML-DSig, RSA-SHA256, exclusive C14N) with the
/// world's IdP key (default: tests/fixtures/test-only-pki/saml-idp.key).
/// </summary>
public static class SamlIdentityProvider
{
    public static string CreateResponse(EmulatorState state, SamlResponseRequest request)
    {
        var idp = state.World.Document.SamlIdentityProvider ?? throw new InvalidDataException("This world has no samlIdentityProvider.");
        var roleArn = request.RoleArn ?? throw new ArgumentException("roleArn is required.");
        var principalArn = request.PrincipalArn ?? throw new ArgumentException("principalArn is required.");
        var now = state.Clock.Now.UtcDateTime;
        var audience = request.Audience ?? SamlNames.AwsSignIn;
        string Stamp(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var expires = Stamp(now.AddSeconds(request.LifetimeSeconds));
        var assertionId = "_" + Guid.NewGuid().ToString("N");

        var attributes = new StringBuilder();
        void Attribute(string name, string? value)
        {
            if (value != null)
            {
                attributes.Append($"<saml:Attribute Name=\"{name}\"><saml:AttributeValue>{Escape(value)}</saml:AttributeValue></saml:Attribute>");
            }
        }

        Attribute(SamlNames.RoleAttribute, roleArn + "," + principalArn);
        Attribute(SamlNames.RoleSessionNameAttribute, request.RoleSessionName ?? request.Subject);
        Attribute(SamlNames.SessionDurationAttribute, request.SessionDuration?.ToString(CultureInfo.InvariantCulture));
        Attribute(SamlNames.SourceIdentityAttribute, request.SourceIdentity);

        var xml = $"""
            <samlp:Response xmlns:samlp="{SamlNames.Protocol}" xmlns:saml="{SamlNames.Assertion}" ID="_{Guid.NewGuid():N}" Version="2.0" IssueInstant="{Stamp(now)}" Destination="{Escape(audience)}"><saml:Issuer>{Escape(idp.Issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="{assertionId}" Version="2.0" IssueInstant="{Stamp(now)}"><saml:Issuer>{Escape(idp.Issuer)}</saml:Issuer><saml:Subject><saml:NameID Format="{SamlNames.Persistent}">{Escape(request.Subject)}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{expires}" Recipient="{Escape(audience)}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="{Stamp(now.AddSeconds(-5))}" NotOnOrAfter="{expires}"><saml:AudienceRestriction><saml:Audience>{Escape(audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="{Stamp(now)}" SessionIndex="{assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>{attributes}</saml:AttributeStatement></saml:Assertion></samlp:Response>
            """;
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("saml", SamlNames.Assertion);
        var assertion = (XmlElement)document.SelectSingleNode("//saml:Assertion", ns)!;

        using var certificate = X509Certificate2.CreateFromPem(WorldLoader.ResolveText(idp.Certificate));
        using var key = RSA.Create();
        key.ImportFromPem(WorldLoader.ResolveText(idp.PrivateKey));
        var signed = new SignedXml(assertion) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("#" + assertionId) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        // Schema order: the signature follows the assertion's Issuer.
        assertion.InsertAfter(document.ImportNode(signed.GetXml(), true), assertion.SelectSingleNode("saml:Issuer", ns));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(document.OuterXml));
    }

    private static string Escape(string s) => System.Security.SecurityElement.Escape(s) ?? "";
}

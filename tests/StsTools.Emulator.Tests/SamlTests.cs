using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>AssumeRoleWithSAML: the assertion's XML signature by the provider's certificate, issuer, audience,
/// NotOnOrAfter and the Role attribute. Assertions are built and signed here with .NET's SignedXml and the
/// test-only IdP key, independently of the emulator's own IdP (which is also checked).</summary>
public sealed class SamlTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public SamlTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    private QueryResponse AssumeWithSaml(string assertion, string roleArn = DefaultWorld.SamlUserRoleArn) =>
        new SignedClient { EndpointUrl = _emulator.EndpointUrl("us-east-1"), Region = "us-east-1" }.Query("AssumeRoleWithSAML",
            new KeyValuePair<string, string>[] { new("RoleArn", roleArn), new("PrincipalArn", DefaultWorld.SamlProviderArn), new("SAMLAssertion", assertion) });

    private static string Pki(string file) => Path.Combine(DefaultWorld.PkiDirectory, file);

    /// <summary>A SAML response signed (enveloped, RSA-SHA256) over its assertion with <paramref name="keyFile"/>.</summary>
    private static string SignedResponse(string keyFile = "saml-idp.key", string certFile = "saml-idp.pem", string audience = "https://signin.aws.amazon.com/saml",
        int lifetimeSeconds = 300, string roleArn = DefaultWorld.SamlUserRoleArn, string issuer = DefaultWorld.SamlIssuer, Action<XmlDocument>? afterSigning = null)
    {
        var now = DateTime.UtcNow;
        string T(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var xml = $"""
            <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_resp1" Version="2.0" IssueInstant="{T(now)}"><saml:Issuer>{issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="_assert1" Version="2.0" IssueInstant="{T(now)}"><saml:Issuer>{issuer}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">alice@example.test</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{T(now.AddSeconds(lifetimeSeconds))}" Recipient="{audience}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="{T(now.AddSeconds(-5))}" NotOnOrAfter="{T(now.AddSeconds(lifetimeSeconds))}"><saml:AudienceRestriction><saml:Audience>{audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AttributeStatement><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"><saml:AttributeValue>{roleArn},{DefaultWorld.SamlProviderArn}</saml:AttributeValue></saml:Attribute><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName"><saml:AttributeValue>alice</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>
            """;
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(xml);
        var assertion = (XmlElement)doc.GetElementsByTagName("saml:Assertion")[0]!;
        using var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(Pki(keyFile)));
        var signed = new SignedXml(assertion) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("#_assert1") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(X509Certificate2.CreateFromPem(File.ReadAllText(Pki(certFile)))));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        assertion.InsertAfter(doc.ImportNode(signed.GetXml(), true), assertion.FirstChild);
        afterSigning?.Invoke(doc);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(doc.OuterXml));
    }

    [Fact]
    public void An_assertion_signed_by_the_providers_key_assumes_SamlUser()
    {
        var r = AssumeWithSaml(SignedResponse());
        Assert.True(r.Ok, r.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/SamlUser/alice", r.Value("Arn"));
        Assert.Equal("alice@example.test", r.Value("Subject"));
        Assert.Equal("persistent", r.Value("SubjectType"));
        Assert.Equal(DefaultWorld.SamlIssuer, r.Value("Issuer"));
        Assert.Equal("https://signin.aws.amazon.com/saml", r.Value("Audience"));
    }

    [Fact]
    public void The_emulators_own_IdP_issues_assertions_STS_accepts()
    {
        var r = AssumeWithSaml(_emulator.SamlResponse());
        Assert.True(r.Ok, r.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/SamlUser/alice@example.test", r.Value("Arn"));
    }

    [Fact]
    public void Another_key_a_tampered_assertion_another_issuer_or_audience_are_refused()
    {
        Assert.Equal("InvalidIdentityToken", AssumeWithSaml(SignedResponse(keyFile: "other-ca.key", certFile: "other-ca.pem")).ErrorCode);
        Assert.Equal("InvalidIdentityToken", AssumeWithSaml(SignedResponse(afterSigning: d =>
        {
            var value = d.GetElementsByTagName("saml:AttributeValue")[1]!;
            value.InnerText = "mallory";
        })).ErrorCode);
        Assert.Equal("InvalidIdentityToken", AssumeWithSaml(SignedResponse(issuer: "urn:someone-else")).ErrorCode);
        Assert.Equal("InvalidIdentityToken", AssumeWithSaml(SignedResponse(audience: "https://example.test/saml")).ErrorCode);
        Assert.Equal("InvalidIdentityToken", AssumeWithSaml(Convert.ToBase64String(Encoding.UTF8.GetBytes("<not-saml/>"))).ErrorCode);
    }

    [Fact]
    public void An_expired_assertion_or_a_role_it_does_not_name_are_refused()
    {
        Assert.Equal("ExpiredTokenException", AssumeWithSaml(SignedResponse(lifetimeSeconds: -60)).ErrorCode);
        Assert.Equal("AccessDenied", AssumeWithSaml(SignedResponse(), roleArn: DefaultWorld.ReadOnlyRoleArn).ErrorCode);
    }
}

namespace StsTools.Emulator.Saml;

/// <summary>Namespaces and AWS attribute names of SAML 2.0 responses presented to AssumeRoleWithSAML.</summary>
public static class SamlNames
{
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";

    public const string AwsSignIn = "https://signin.aws.amazon.com/saml";
    public const string RoleAttribute = "https://aws.amazon.com/SAML/Attributes/Role";
    public const string RoleSessionNameAttribute = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
    public const string SessionDurationAttribute = "https://aws.amazon.com/SAML/Attributes/SessionDuration";
    public const string SourceIdentityAttribute = "https://aws.amazon.com/SAML/Attributes/SourceIdentity";

    public const string Persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    public const string Transient = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    /// <summary>AWS's sign-in endpoints: the global one and the regional ones (https://&lt;region&gt;.signin.aws.amazon.com/saml).</summary>
    public static bool IsAwsSignIn(string url) =>
        url == AwsSignIn || (url.StartsWith("https://", StringComparison.Ordinal) && url.EndsWith(".signin.aws.amazon.com/saml", StringComparison.Ordinal));
}

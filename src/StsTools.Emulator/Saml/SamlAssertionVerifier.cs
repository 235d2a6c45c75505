using StsTools.Emulator.Protocol;

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

public sealed class SamlAssertionVerifier
{
    private readonly EmulatorState _state;

    public SamlAssertionVerifier(EmulatorState state) => _state = state;

    public VerifiedSamlAssertion Verify(string base64Response, string principalArn, string roleArn) =>
        throw new AwsErrorException("InvalidIdentityToken", "SAML is not implemented yet.");
}

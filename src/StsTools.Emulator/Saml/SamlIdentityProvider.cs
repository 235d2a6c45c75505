namespace StsTools.Emulator.Saml;

/// <summary>What a test asks the emulator's SAML IdP to assert.</summary>
public sealed class SamlResponseRequest
{
    public string? RoleArn { get; set; }
    public string? PrincipalArn { get; set; }
    public string Subject { get; set; } = "alice@example.test";
    public string? RoleSessionName { get; set; }
    public string? Audience { get; set; }
    public int LifetimeSeconds { get; set; } = 300;
    public int? SessionDuration { get; set; }
}

public static class SamlIdentityProvider
{
    public static string CreateResponse(EmulatorState state, SamlResponseRequest request) =>
        throw new NotImplementedException();
}

namespace StsTools.Engine.Credentials
{
    /// <summary>How a set of credentials was obtained.</summary>
    public enum CredentialSource
    {
        AssumeRole,
        MfaSession,
        WebIdentity,
        Saml,
        RolesAnywhere,
        Profile,
        Environment,
    }
}

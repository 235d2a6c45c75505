namespace StsTools.Engine.Credentials
{
    /// <summary>
    /// The scope of a session token: V1 works only in regions enabled by default, V2 in every region
    /// (FACTS §1). Unknown when neither the issuer nor the token's prefix tells.
    /// </summary>
    public enum TokenVersion
    {
        Unknown,
        V1,
        V2,
    }
}

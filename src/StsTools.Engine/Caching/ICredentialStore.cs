using StsTools.Engine.Credentials;

namespace StsTools.Engine.Caching
{
    /// <summary>Somewhere credentials are kept between calls and processes, by key.</summary>
    public interface ICredentialStore
    {
        /// <summary>Where the entry for <paramref name="key"/> lives (for -Verbose).</summary>
        string Locate(string key);

        TemporaryCredentials? TryRead(string key);

        void Write(string key, TemporaryCredentials credentials);
    }
}

using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Providers
{
    /// <summary>One way of getting credentials (AssumeRole, GetSessionToken, web identity, SAML, a profile's chain).
    /// Providers are built per request, already validated: calling one only talks to AWS.</summary>
    public interface ICredentialProvider
    {
        /// <summary>What is being asked for, for -Verbose and progress (never a secret).</summary>
        string Description { get; }

        Task<TemporaryCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
    }
}

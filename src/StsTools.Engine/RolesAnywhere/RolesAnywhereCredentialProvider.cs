using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Credentials;
using StsTools.Engine.Endpoints;
using StsTools.Engine.Providers;
using StsTools.Engine.Sts;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>CreateSession as one of the module's credential providers, so the shared caching decorator wraps it.</summary>
    public sealed class RolesAnywhereCredentialProvider : ICredentialProvider
    {
        private readonly CreateSessionClient _client;
        private readonly IX509RequestSigner _signer;
        private readonly CreateSessionRequest _request;
        private readonly ServiceEndpoint _endpoint;

        public RolesAnywhereCredentialProvider(CreateSessionClient client, IX509RequestSigner signer, CreateSessionRequest request, ServiceEndpoint endpoint)
        {
            _client = client;
            _signer = signer;
            _request = request;
            _endpoint = endpoint;
        }

        public string Description => $"Roles Anywhere session for {_request.Arns.RoleArn} with {_signer.Certificate.Subject}";

        public async Task<TemporaryCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            var credentials = await _client.CreateSessionAsync(_signer, _request, _endpoint, StsDiagnostics.Write, cancellationToken).ConfigureAwait(false);
            StsDiagnostics.Write($"Roles Anywhere session {credentials} from {_endpoint.Url}.");
            return credentials;
        }
    }
}

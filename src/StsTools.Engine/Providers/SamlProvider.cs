using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SecurityToken.Model;
using StsTools.Engine.Credentials;
using StsTools.Engine.Sts;

namespace StsTools.Engine.Providers
{
    /// <summary>sts:AssumeRoleWithSAML (unsigned) with the IdP's base64 SAML response.</summary>
    public sealed class SamlProvider : ICredentialProvider
    {
        private readonly string _roleArn;
        private readonly string _principalArn;
        private readonly string _assertion;
        private readonly int? _durationSeconds;
        private readonly string? _policy;
        private readonly IList<string> _policyArns;
        private readonly StsEndpointOptions _endpoints;

        public SamlProvider(string roleArn, string principalArn, string assertion, int? durationSeconds, string? policy, IList<string>? policyArns, StsEndpointOptions endpoints)
        {
            _roleArn = roleArn;
            _principalArn = principalArn;
            _assertion = assertion;
            _durationSeconds = durationSeconds;
            _policy = policy;
            _policyArns = policyArns ?? new List<string>();
            _endpoints = endpoints;
        }

        public string Description => $"AssumeRoleWithSAML {_roleArn} via {_principalArn}";

        public async Task<TemporaryCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            var request = new AssumeRoleWithSAMLRequest
            {
                RoleArn = _roleArn,
                PrincipalArn = _principalArn,
                SAMLAssertion = _assertion,
                DurationSeconds = _durationSeconds,
                Policy = _policy,
            };
            if (_policyArns.Count > 0)
            {
                request.PolicyArns = _policyArns.Select(a => new PolicyDescriptorType { Arn = a }).ToList();
            }

            StsDiagnostics.Write($"AssumeRoleWithSAML {_roleArn} via {_principalArn}.");
            var result = await FailoverInvoker.InvokeAsync(_endpoints, null, "AssumeRoleWithSAML",
                (client, t) => client.AssumeRoleWithSAMLAsync(request, t), cancellationToken).ConfigureAwait(false);
            var response = result.Response;
            var credentials = StsResultMapper.Map(response.Credentials, result.ServedBy, _endpoints.Region, CredentialSource.Saml);
            credentials.Arn = response.AssumedRoleUser?.Arn;
            credentials.AccountId = StsResultMapper.AccountOf(credentials.Arn);
            credentials.SessionName = StsResultMapper.SessionNameOf(credentials.Arn);
            credentials.SourceIdentity = response.SourceIdentity;
            credentials.PackedPolicySize = response.PackedPolicySize;
            return credentials;
        }
    }
}

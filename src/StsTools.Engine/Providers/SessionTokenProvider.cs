using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SecurityToken.Model;
using StsTools.Engine.Credentials;
using StsTools.Engine.Sts;
using StsTools.Engine.Validation;

namespace StsTools.Engine.Providers
{
    /// <summary>sts:GetSessionToken with an MFA device: an MFA session from long-term keys (seed 002).</summary>
    public sealed class SessionTokenProvider : ICredentialProvider
    {
        private readonly SourceCredential _source;
        private readonly string? _serialNumber;
        private readonly string? _tokenCode;
        private readonly int? _durationSeconds;
        private readonly StsEndpointOptions _endpoints;
        private readonly TokenCodePrompt? _prompt;

        public SessionTokenProvider(SourceCredential source, string? serialNumber, string? tokenCode, int? durationSeconds, StsEndpointOptions endpoints, TokenCodePrompt? prompt)
        {
            _source = source;
            _serialNumber = serialNumber;
            _tokenCode = tokenCode;
            _durationSeconds = durationSeconds;
            _endpoints = endpoints;
            _prompt = prompt;
        }

        public string Description => "GetSessionToken for " + (_serialNumber ?? _source.Description);

        public async Task<TemporaryCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            var code = _tokenCode;
            if (_serialNumber != null && code == null)
            {
                if (_prompt == null)
                {
                    throw AssumeRoleProvider.TokenCodeRequired(_serialNumber);
                }

                code = await _prompt(_serialNumber, cancellationToken).ConfigureAwait(false);
                StsLimits.TokenCode(code, _serialNumber);
            }

            var request = new GetSessionTokenRequest
            {
                SerialNumber = _serialNumber,
                TokenCode = code,
                DurationSeconds = _durationSeconds,
            };
            StsDiagnostics.Write($"GetSessionToken{(_serialNumber == null ? "" : " with MFA device " + _serialNumber)}, signed with {_source.Description}.");
            var result = await FailoverInvoker.InvokeAsync(_endpoints, _source.Aws, "GetSessionToken",
                (client, token) => client.GetSessionTokenAsync(request, token), cancellationToken).ConfigureAwait(false);
            var credentials = StsResultMapper.Map(result.Response.Credentials, result.ServedBy, _endpoints.Region, CredentialSource.MfaSession);
            credentials.MfaAuthenticated = _serialNumber != null;
            credentials.AccountId = StsResultMapper.AccountOf(_serialNumber);
            return credentials;
        }
    }
}

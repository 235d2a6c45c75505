using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SecurityToken.Model;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Sts;
using StsTools.Engine.Validation;
using StsTools.Engine.WebIdentity;

namespace StsTools.Engine.Providers
{
    /// <summary>
    /// sts:AssumeRoleWithWebIdentity (unsigned): GitHub Actions, Azure DevOps, EKS IRSA, any OIDC token. When AWS
    /// rejects the token, the error shows its iss, aud and sub so the trust-policy mismatch is visible — never the token.
    /// </summary>
    public sealed class WebIdentityProvider : ICredentialProvider
    {
        private readonly string _roleArn;
        private readonly string? _sessionName;
        private readonly Func<CancellationToken, Task<string>> _token;
        private readonly string _tokenOrigin;
        private readonly int? _durationSeconds;
        private readonly string? _policy;
        private readonly IList<string> _policyArns;
        private readonly StsEndpointOptions _endpoints;

        public WebIdentityProvider(string roleArn, string? sessionName, Func<CancellationToken, Task<string>> token, string tokenOrigin,
            int? durationSeconds, string? policy, IList<string>? policyArns, StsEndpointOptions endpoints)
        {
            _roleArn = roleArn;
            _sessionName = sessionName;
            _token = token;
            _tokenOrigin = tokenOrigin;
            _durationSeconds = durationSeconds;
            _policy = policy;
            _policyArns = policyArns ?? new List<string>();
            _endpoints = endpoints;
        }

        public string Description => $"AssumeRoleWithWebIdentity {_roleArn} ({_tokenOrigin})";

        public async Task<TemporaryCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            var token = await _token(cancellationToken).ConfigureAwait(false);
            StsLimits.WebIdentityToken(token);
            var claims = JwtClaims.TryRead(token);
            var sessionName = _sessionName ?? AssumeRoleSpec.GenerateSessionName(DateTime.UtcNow);
            var request = new AssumeRoleWithWebIdentityRequest
            {
                RoleArn = _roleArn,
                RoleSessionName = sessionName,
                WebIdentityToken = token,
                DurationSeconds = _durationSeconds,
                Policy = _policy,
            };
            if (_policyArns.Count > 0)
            {
                request.PolicyArns = _policyArns.Select(a => new PolicyDescriptorType { Arn = a }).ToList();
            }

            StsDiagnostics.Write($"AssumeRoleWithWebIdentity {_roleArn} as {sessionName} with a token from {_tokenOrigin}{(claims == null ? "" : " (" + claims + ")")}.");
            StsCallResult<AssumeRoleWithWebIdentityResponse> result;
            try
            {
                result = await FailoverInvoker.InvokeAsync(_endpoints, null, "AssumeRoleWithWebIdentity",
                    (client, t) => client.AssumeRoleWithWebIdentityAsync(request, t), cancellationToken).ConfigureAwait(false);
            }
            catch (StsToolsException e) when (e.AwsErrorCode == "InvalidIdentityToken" || e.AwsErrorCode == "IDPRejectedClaim" || e.AwsErrorCode == "AccessDenied" || e.AwsErrorCode == "ExpiredTokenException")
            {
                throw new StsToolsException(e.ErrorId, e.Kind,
                    $"{e.Message} The token from {_tokenOrigin} has {(claims?.ToString() ?? "no readable claims (not a JWT)")}.", e.InnerException)
                {
                    AwsErrorCode = e.AwsErrorCode,
                    RequestId = e.RequestId,
                    HttpStatus = e.HttpStatus,
                    Cause = e.Cause ?? "The token's claims do not match the role's trust policy.",
                    Remedy = e.Remedy ?? "Compare iss/aud/sub with the trust policy's conditions.",
                    Target = _roleArn,
                };
            }

            var response = result.Response;
            var credentials = StsResultMapper.Map(response.Credentials, result.ServedBy, _endpoints.Region, CredentialSource.WebIdentity);
            credentials.Arn = response.AssumedRoleUser?.Arn;
            credentials.AccountId = StsResultMapper.AccountOf(credentials.Arn);
            credentials.SessionName = sessionName;
            credentials.SourceIdentity = response.SourceIdentity;
            credentials.PackedPolicySize = response.PackedPolicySize;
            credentials.MfaAuthenticated = false;
            return credentials;
        }
    }
}

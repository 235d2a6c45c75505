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

namespace StsTools.Engine.Providers
{
    /// <summary>sts:AssumeRole, signed with the source credentials (long-term keys, an MFA session, or a role
    /// session for chaining). MFA codes are asked for only when the call is really made (not on a cache hit).</summary>
    public sealed class AssumeRoleProvider : ICredentialProvider
    {
        private readonly AssumeRoleSpec _spec;
        private readonly Func<CancellationToken, Task<SourceCredential>> _source;
        private readonly StsEndpointOptions _endpoints;
        private readonly TokenCodePrompt? _prompt;

        public AssumeRoleProvider(AssumeRoleSpec spec, Func<CancellationToken, Task<SourceCredential>> source, StsEndpointOptions endpoints, TokenCodePrompt? prompt)
        {
            _spec = spec;
            _source = source;
            _endpoints = endpoints;
            _prompt = prompt;
        }

        public string Description => "AssumeRole " + _spec.RoleArn;

        public async Task<TemporaryCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            var source = await _source(cancellationToken).ConfigureAwait(false);
            if (source.IsRoleSession)
            {
                // Known only now for profile chains: refused before the call, as AWS would refuse it after.
                StsLimits.RoleDuration(_spec.DurationSeconds, chained: true);
            }

            var code = _spec.TokenCode;
            if (_spec.SerialNumber != null && code == null)
            {
                if (_prompt == null)
                {
                    throw TokenCodeRequired(_spec.SerialNumber);
                }

                code = await _prompt(_spec.SerialNumber, cancellationToken).ConfigureAwait(false);
                StsLimits.TokenCode(code, _spec.SerialNumber);
            }

            var sessionName = _spec.RoleSessionName ?? AssumeRoleSpec.GenerateSessionName(DateTime.UtcNow);
            var request = new AssumeRoleRequest
            {
                RoleArn = _spec.RoleArn,
                RoleSessionName = sessionName,
                ExternalId = _spec.ExternalId,
                SerialNumber = _spec.SerialNumber,
                TokenCode = code,
                Policy = _spec.PolicyJson,
                SourceIdentity = _spec.SourceIdentity,
                DurationSeconds = _spec.DurationSeconds,
            };
            if (_spec.PolicyArns.Count > 0)
            {
                request.PolicyArns = _spec.PolicyArns.Select(a => new PolicyDescriptorType { Arn = a }).ToList();
            }

            if (_spec.Tags.Count > 0)
            {
                request.Tags = _spec.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value ?? string.Empty }).ToList();
            }

            if (_spec.TransitiveTagKeys.Count > 0)
            {
                request.TransitiveTagKeys = new List<string>(_spec.TransitiveTagKeys);
            }

            if (StsDiagnostics.IsOn)
            {
                StsDiagnostics.Write($"AssumeRole {_spec.RoleArn} as {sessionName}, signed with {source.Description}.");
            }

            var result = await FailoverInvoker.InvokeAsync(_endpoints, source.Aws, "AssumeRole",
                (client, token) => client.AssumeRoleAsync(request, token), cancellationToken).ConfigureAwait(false);
            var response = result.Response;
            var credentials = StsResultMapper.Map(response.Credentials, result.ServedBy, _endpoints.Region, CredentialSource.AssumeRole);
            credentials.Arn = response.AssumedRoleUser?.Arn;
            credentials.AccountId = StsResultMapper.AccountOf(credentials.Arn);
            credentials.SessionName = sessionName;
            credentials.SourceIdentity = response.SourceIdentity;
            credentials.PackedPolicySize = response.PackedPolicySize;
            credentials.MfaAuthenticated = _spec.SerialNumber != null || source.MfaAuthenticated;
            return credentials;
        }

        public static StsToolsException TokenCodeRequired(string serialNumber) =>
            new StsToolsException("TokenCodeRequired", ErrorKind.InvalidOperation,
                $"An MFA code for {serialNumber} is needed, and this session cannot prompt for it (non-interactive).")
            {
                Remedy = "Pass -TokenCode, or pipe an MFA session from Get-StsMfaSession (cached, so later runs need no code).",
                Target = serialNumber,
            };
    }
}

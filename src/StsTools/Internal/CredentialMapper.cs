using System;
using StsTools.Engine.Credentials;

namespace StsTools.Internal
{
    /// <summary>Between the engine's credential type and the one users see. The only place that knows both.</summary>
    internal static class CredentialMapper
    {
        internal static StsCredential ToStsCredential(TemporaryCredentials c) => new StsCredential
        {
            AccessKeyId = c.AccessKeyId,
            SecretAccessKey = c.SecretAccessKey,
            SessionToken = c.SessionToken,
            Expiration = c.Expiration,
            Region = c.Region,
            Source = (StsCredentialSource)(int)c.Source,
            Arn = c.Arn,
            AccountId = c.AccountId,
            SessionName = c.SessionName,
            IssuedBy = c.IssuedBy,
            IssuedByEndpoint = c.IssuedByEndpoint,
            TokenVersion = (StsTokenVersion)(int)c.TokenVersion,
            MfaAuthenticated = c.MfaAuthenticated,
            SourceIdentity = c.SourceIdentity,
            PackedPolicySize = c.PackedPolicySize,
            SubjectArn = c.SubjectArn,
        };

        internal static TemporaryCredentials ToEngine(StsCredential c) =>
            new TemporaryCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken, DateTime.SpecifyKind(c.Expiration.ToUniversalTime(), DateTimeKind.Utc))
            {
                Region = c.Region,
                Source = (CredentialSource)(int)c.Source,
                Arn = c.Arn,
                AccountId = c.AccountId,
                SessionName = c.SessionName,
                IssuedBy = c.IssuedBy,
                IssuedByEndpoint = c.IssuedByEndpoint,
                TokenVersion = (TokenVersion)(int)c.TokenVersion,
                MfaAuthenticated = c.MfaAuthenticated,
                SourceIdentity = c.SourceIdentity,
                PackedPolicySize = c.PackedPolicySize,
                SubjectArn = c.SubjectArn,
            };
    }
}

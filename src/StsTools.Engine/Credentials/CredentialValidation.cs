using System;
using System.Text.RegularExpressions;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Credentials
{
    /// <summary>Checks a set of keys before anything uses them, so a typo fails here and not at AWS.</summary>
    public static class CredentialValidation
    {
        // AWS access key ids: 16–128 word characters (IAM API AccessKeyIdType).
        private static readonly Regex s_accessKeyId = new Regex(@"^\w{16,128}$", RegexOptions.CultureInvariant);

        public static TemporaryCredentials Create(string? accessKeyId, string? secretAccessKey, string? sessionToken, DateTime? expiration)
        {
            if (string.IsNullOrWhiteSpace(accessKeyId) || !s_accessKeyId.IsMatch(accessKeyId))
            {
                throw new StsToolsException("InvalidAccessKeyId", ErrorKind.InvalidData,
                    "The access key id is missing or malformed: AWS access key ids are 16 to 128 letters and digits (AKIA… or ASIA…).")
                { Target = accessKeyId == null ? null : TemporaryCredentials.ShortenKeyId(accessKeyId) };
            }

            if (string.IsNullOrEmpty(secretAccessKey))
            {
                throw new StsToolsException("MissingSecretAccessKey", ErrorKind.InvalidData,
                    $"The credential for access key {TemporaryCredentials.ShortenKeyId(accessKeyId)} has no secret access key.");
            }

            var expires = expiration.HasValue
                ? DateTime.SpecifyKind(expiration.Value.Kind == DateTimeKind.Local ? expiration.Value.ToUniversalTime() : expiration.Value, DateTimeKind.Utc)
                : DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);
            var credentials = new TemporaryCredentials(accessKeyId!, secretAccessKey!, string.IsNullOrEmpty(sessionToken) ? null : sessionToken, expires)
            {
                TokenVersion = TokenVersionHint.FromToken(sessionToken),
            };
            return credentials;
        }
    }
}

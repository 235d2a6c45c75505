using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Caching
{
    /// <summary>
    /// A directory of <c>&lt;key&gt;.json</c> files in the AWS CLI's cache format (FACTS §6): the AssumeRole answer
    /// (<c>Credentials</c>, <c>AssumedRoleUser</c>), so the CLI reads what the module wrote and the other way round.
    /// What the CLI format has no place for (region, issuer, token version…) goes under <c>StsTools</c>, which the
    /// CLI ignores. Unreadable or foreign files count as a miss.
    /// </summary>
    public sealed class FileCredentialStore : ICredentialStore
    {
        public FileCredentialStore(string directory) => Directory = directory;

        public string Directory { get; }

        public string Locate(string key) => Path.Combine(Directory, key + ".json");

        public TemporaryCredentials? TryRead(string key)
        {
            var path = Locate(key);
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                var root = document.RootElement;
                if (!root.TryGetProperty("Credentials", out var c))
                {
                    return null;
                }

                var expiration = DateTimeOffset.Parse(Text(c, "Expiration")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
                var credentials = new TemporaryCredentials(Text(c, "AccessKeyId")!, Text(c, "SecretAccessKey")!, Text(c, "SessionToken"), DateTime.SpecifyKind(expiration, DateTimeKind.Utc));
                string? arn = null;
                if (root.TryGetProperty("AssumedRoleUser", out var user))
                {
                    arn = Text(user, "Arn");
                }

                credentials.Arn = arn;
                credentials.AccountId = Text(c, "AccountId") ?? Providers.StsResultMapper.AccountOf(arn);
                credentials.SessionName = Providers.StsResultMapper.SessionNameOf(arn);
                credentials.Source = CredentialSource.AssumeRole;
                credentials.TokenVersion = TokenVersionHint.FromToken(credentials.SessionToken);
                if (root.TryGetProperty("StsTools", out var extra))
                {
                    credentials.Region = Text(extra, "Region");
                    credentials.IssuedBy = Text(extra, "IssuedBy");
                    credentials.IssuedByEndpoint = Text(extra, "IssuedByEndpoint");
                    credentials.SessionName = Text(extra, "SessionName") ?? credentials.SessionName;
                    credentials.SourceIdentity = Text(extra, "SourceIdentity");
                    credentials.SubjectArn = Text(extra, "SubjectArn");
                    if (Enum.TryParse<CredentialSource>(Text(extra, "Source"), out var source)) credentials.Source = source;
                    if (Enum.TryParse<TokenVersion>(Text(extra, "TokenVersion"), out var version)) credentials.TokenVersion = version;
                    if (extra.TryGetProperty("MfaAuthenticated", out var mfa) && (mfa.ValueKind == JsonValueKind.True || mfa.ValueKind == JsonValueKind.False)) credentials.MfaAuthenticated = mfa.GetBoolean();
                    if (extra.TryGetProperty("PackedPolicySize", out var packed) && packed.ValueKind == JsonValueKind.Number) credentials.PackedPolicySize = packed.GetInt32();
                }
                else if (credentials.TokenVersion == TokenVersion.Unknown)
                {
                    // Written by the AWS CLI, which uses regional endpoints by default (sts_regional_endpoints=regional).
                    credentials.TokenVersion = TokenVersion.Unknown;
                }

                return credentials;
            }
            catch (Exception e) when (e is JsonException || e is FormatException || e is IOException || e is UnauthorizedAccessException || e is ArgumentNullException || e is InvalidOperationException)
            {
                return null;
            }
        }

        public void Write(string key, TemporaryCredentials credentials)
        {
            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
            {
                json.WriteStartObject();
                json.WriteStartObject("Credentials");
                json.WriteString("AccessKeyId", credentials.AccessKeyId);
                json.WriteString("SecretAccessKey", credentials.SecretAccessKey);
                if (credentials.SessionToken != null) json.WriteString("SessionToken", credentials.SessionToken);
                json.WriteString("Expiration", credentials.Expiration.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture));
                if (credentials.AccountId != null) json.WriteString("AccountId", credentials.AccountId);
                json.WriteEndObject();
                if (credentials.Arn != null)
                {
                    json.WriteStartObject("AssumedRoleUser");
                    json.WriteString("Arn", credentials.Arn);
                    json.WriteString("AssumedRoleId", "ststools:" + (credentials.SessionName ?? string.Empty));
                    json.WriteEndObject();
                }

                json.WriteStartObject("StsTools");
                json.WriteString("Source", credentials.Source.ToString());
                if (credentials.Region != null) json.WriteString("Region", credentials.Region);
                if (credentials.IssuedBy != null) json.WriteString("IssuedBy", credentials.IssuedBy);
                if (credentials.IssuedByEndpoint != null) json.WriteString("IssuedByEndpoint", credentials.IssuedByEndpoint);
                json.WriteString("TokenVersion", credentials.TokenVersion.ToString());
                if (credentials.SessionName != null) json.WriteString("SessionName", credentials.SessionName);
                if (credentials.SourceIdentity != null) json.WriteString("SourceIdentity", credentials.SourceIdentity);
                if (credentials.SubjectArn != null) json.WriteString("SubjectArn", credentials.SubjectArn);
                if (credentials.MfaAuthenticated != null) json.WriteBoolean("MfaAuthenticated", credentials.MfaAuthenticated.Value);
                if (credentials.PackedPolicySize != null) json.WriteNumber("PackedPolicySize", credentials.PackedPolicySize.Value);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            Files.AtomicFile.WriteAllBytes(Locate(key), buffer.ToArray());
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}

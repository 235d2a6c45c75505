using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StsTools.Engine.Credentials;
using StsTools.Engine.Files;
using StsTools.Engine.Profiles;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>
    /// Roles Anywhere sessions kept between processes, so a credential_process setup does not call CreateSession for
    /// every AWS command (the official helper does not cache, and CreateSession is limited to 10 requests/s). One
    /// 0600 JSON file per request under STSTOOLS_CACHE_DIR or ~/.aws/ststools/cache, written atomically.
    /// A session is reused while more than 15 minutes (half the duration for shorter sessions) remain.
    /// Written here because the shared Caching/ store had not landed; its location and key style are the same.
    /// </summary>
    public sealed class SessionCache
    {
        public const string DirectoryVariable = "STSTOOLS_CACHE_DIR";
        private static readonly TimeSpan s_refreshWindow = TimeSpan.FromMinutes(15);

        private readonly Func<DateTime> _utcNow;

        public SessionCache(string? directory = null, Func<DateTime>? utcNow = null)
        {
            Directory = directory ?? DefaultDirectory();
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        public string Directory { get; }

        public static string DefaultDirectory()
        {
            var own = Environment.GetEnvironmentVariable(DirectoryVariable);
            return string.IsNullOrEmpty(own) ? Path.Combine(AwsFilePaths.AwsDirectory, "ststools", "cache") : own!;
        }

        /// <summary>
        /// SHA-1 of what changes the answer: the certificate (thumbprint), the three ARNs, the duration, the session
        /// name, and the endpoint (credentials an emulator or another partition issued must not be served for AWS).
        /// </summary>
        public static string Key(string thumbprint, CreateSessionRequest request, Uri endpoint)
        {
            var text = string.Join("\n", new[]
            {
                "rolesanywhere-v1", thumbprint.ToUpperInvariant(), request.Arns.TrustAnchorArn, request.Arns.ProfileArn, request.Arns.RoleArn,
                request.DurationSeconds.ToString(CultureInfo.InvariantCulture), request.RoleSessionName ?? string.Empty, endpoint.AbsoluteUri,
            });
            using (var sha1 = SHA1.Create())
            {
                var hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(text));
                var hex = new StringBuilder("rolesanywhere-");
                foreach (var b in hash)
                {
                    hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                return hex.ToString();
            }
        }

        public string PathOf(string key) => Path.Combine(Directory, key + ".json");

        /// <summary>The cached session when it still has enough life left; null otherwise (missing, unreadable, stale).</summary>
        public TemporaryCredentials? TryRead(string key, int durationSeconds)
        {
            var path = PathOf(key);
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                using (var document = JsonDocument.Parse(File.ReadAllText(path)))
                {
                    var root = document.RootElement;
                    var expiration = DateTime.Parse(root.GetProperty("Expiration").GetString()!, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                    var window = TimeSpan.FromSeconds(Math.Min(s_refreshWindow.TotalSeconds, durationSeconds / 2.0));
                    if (expiration - _utcNow() <= window)
                    {
                        return null;
                    }

                    var credentials = new TemporaryCredentials(root.GetProperty("AccessKeyId").GetString()!, root.GetProperty("SecretAccessKey").GetString()!,
                        Text(root, "SessionToken"), DateTime.SpecifyKind(expiration, DateTimeKind.Utc))
                    {
                        Source = CredentialSource.RolesAnywhere,
                        Arn = Text(root, "Arn"),
                        AccountId = Text(root, "AccountId"),
                        SessionName = Text(root, "SessionName"),
                        Region = Text(root, "Region"),
                        IssuedBy = Text(root, "IssuedBy"),
                        IssuedByEndpoint = Text(root, "IssuedByEndpoint"),
                        SubjectArn = Text(root, "SubjectArn"),
                        SourceIdentity = Text(root, "SourceIdentity"),
                        PackedPolicySize = root.TryGetProperty("PackedPolicySize", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : (int?)null,
                    };
                    credentials.TokenVersion = TokenVersionHint.FromToken(credentials.SessionToken);
                    return credentials;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException || e is KeyNotFoundException
                || e is FormatException || e is InvalidOperationException || e is ArgumentNullException)
            {
                // A damaged or foreign file is a cache miss; the fresh session overwrites it.
                return null;
            }
        }

        public void Write(string key, TemporaryCredentials credentials)
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("Version", 1);
                    writer.WriteString("AccessKeyId", credentials.AccessKeyId);
                    writer.WriteString("SecretAccessKey", credentials.SecretAccessKey);
                    Optional(writer, "SessionToken", credentials.SessionToken);
                    writer.WriteString("Expiration", credentials.Expiration.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    Optional(writer, "Arn", credentials.Arn);
                    Optional(writer, "AccountId", credentials.AccountId);
                    Optional(writer, "SessionName", credentials.SessionName);
                    Optional(writer, "Region", credentials.Region);
                    Optional(writer, "IssuedBy", credentials.IssuedBy);
                    Optional(writer, "IssuedByEndpoint", credentials.IssuedByEndpoint);
                    Optional(writer, "SubjectArn", credentials.SubjectArn);
                    Optional(writer, "SourceIdentity", credentials.SourceIdentity);
                    if (credentials.PackedPolicySize.HasValue)
                    {
                        writer.WriteNumber("PackedPolicySize", credentials.PackedPolicySize.Value);
                    }

                    writer.WriteEndObject();
                }

                AtomicFile.WriteAllBytes(PathOf(key), stream.ToArray());
            }
        }

        private static void Optional(Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}

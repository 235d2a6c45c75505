using System;
using System.Text;
using System.Text.Json;

namespace StsTools.Engine.WebIdentity
{
    /// <summary>
    /// The iss, aud and sub of a JWT, read without verifying it (AWS verifies; this only explains a rejection).
    /// Never the token itself: a trust-policy mismatch is visible from these three claims alone.
    /// </summary>
    public sealed class JwtClaims
    {
        public string? Issuer { get; private set; }
        public string? Audience { get; private set; }
        public string? Subject { get; private set; }

        public static JwtClaims? TryRead(string token)
        {
            var parts = token.Split('.');
            if (parts.Length < 2)
            {
                return null;
            }

            try
            {
                var payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + ((4 - payload.Length % 4) % 4), '=');
                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
                var root = document.RootElement;
                return new JwtClaims
                {
                    Issuer = Text(root, "iss"),
                    Audience = Text(root, "aud"),
                    Subject = Text(root, "sub"),
                };
            }
            catch (Exception e) when (e is FormatException || e is JsonException || e is ArgumentException)
            {
                return null;
            }
        }

        public override string ToString() => $"iss={Issuer ?? "(none)"}, aud={Audience ?? "(none)"}, sub={Subject ?? "(none)"}";

        private static string? Text(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                var list = new StringBuilder();
                foreach (var item in value.EnumerateArray())
                {
                    if (list.Length > 0) list.Append(',');
                    list.Append(item.ToString());
                }

                return list.ToString();
            }

            return value.ToString();
        }
    }
}

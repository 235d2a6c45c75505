using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Exporters.Scripts
{
    /// <summary>
    /// What a `credential_process` prints (FACTS §6): <c>{"Version":1,"AccessKeyId":…,"SecretAccessKey":…,
    /// "SessionToken":…,"Expiration":"RFC 3339"}</c>, plus AccountId when known. Without an expiration the AWS
    /// tools treat the keys as never expiring, which is right for long-term keys.
    /// </summary>
    public static class CredentialProcessJson
    {
        public static string Render(TemporaryCredentials c) => Json.Write(writer =>
        {
            writer.WriteNumber("Version", 1);
            writer.WriteString("AccessKeyId", c.AccessKeyId);
            writer.WriteString("SecretAccessKey", c.SecretAccessKey);
            if (c.SessionToken != null)
            {
                writer.WriteString("SessionToken", c.SessionToken);
            }

            if (ExportedVariables.FormatExpiration(c) is string expiration)
            {
                writer.WriteString("Expiration", expiration);
            }

            if (!string.IsNullOrEmpty(c.AccountId))
            {
                writer.WriteString("AccountId", c.AccountId);
            }
        });
    }

    internal static class Json
    {
        // Relaxed escaping: '+' and '/' of keys stay as they are; this JSON never lands in HTML.
        private static readonly JsonWriterOptions s_options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        internal static string Write(System.Action<Utf8JsonWriter> properties)
        {
            using (var buffer = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer, s_options))
                {
                    writer.WriteStartObject();
                    properties(writer);
                    writer.WriteEndObject();
                }

                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }
    }
}

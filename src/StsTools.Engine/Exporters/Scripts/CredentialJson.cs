using StsTools.Engine.Credentials;

namespace StsTools.Engine.Exporters.Scripts
{
    /// <summary>
    /// The credential as JSON with StsCredential's property names (those of `aws sts assume-role`'s Credentials
    /// object, plus what is known about them), so `ConvertFrom-Json | ConvertTo-StsCredential` reads it back.
    /// </summary>
    public static class CredentialJson
    {
        public static string Render(TemporaryCredentials c) => Json.Write(writer =>
        {
            writer.WriteString("AccessKeyId", c.AccessKeyId);
            writer.WriteString("SecretAccessKey", c.SecretAccessKey);
            WriteOptional(writer, "SessionToken", c.SessionToken);
            WriteOptional(writer, "Expiration", ExportedVariables.FormatExpiration(c));
            WriteOptional(writer, "Region", c.Region);
            writer.WriteString("Source", c.Source.ToString());
            WriteOptional(writer, "Arn", c.Arn);
            WriteOptional(writer, "AccountId", c.AccountId);
            WriteOptional(writer, "SessionName", c.SessionName);
            writer.WriteString("TokenVersion", c.TokenVersion.ToString());
        });

        private static void WriteOptional(System.Text.Json.Utf8JsonWriter writer, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                writer.WriteString(name, value);
            }
        }
    }
}

using System.Text.Json;

namespace StsTools.Engine.Validation
{
    /// <summary>Whether a text is a JSON object (System.Text.Json comes with AWSSDK.Core).</summary>
    internal static class JsonSyntax
    {
        public static bool IsObject(string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.ValueKind == JsonValueKind.Object;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}

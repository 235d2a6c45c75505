using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace StsTools.Engine.Validation
{
    /// <summary>A session policy given as JSON text or as nested dictionaries/lists (a PowerShell hashtable),
    /// turned into the compact JSON text STS takes, then checked against FACTS §4.</summary>
    public static class PolicyDocument
    {
        public static string? ToJson(object? policy)
        {
            string? json;
            switch (policy)
            {
                case null:
                    return null;
                case string text:
                    json = text.Trim();
                    break;
                default:
                    var buffer = new MemoryStream();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        Write(writer, policy);
                    }

                    json = Encoding.UTF8.GetString(buffer.ToArray());
                    break;
            }

            StsLimits.Policy(json);
            return json;
        }

        private static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        Write(writer, entry.Value);
                    }

                    writer.WriteEndObject();
                    break;
                case IEnumerable list:
                    writer.WriteStartArray();
                    foreach (var item in list)
                    {
                        Write(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                case int _:
                case long _:
                case double _:
                case decimal _:
                    writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                default:
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}

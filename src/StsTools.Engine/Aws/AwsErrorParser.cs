using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace StsTools.Engine.Aws
{
    /// <summary>Reads the AWS error code, message and request id out of an error answer, per protocol.</summary>
    public static class AwsErrorParser
    {
        public static (string? Code, string? Message, string? RequestId) Parse(AwsProtocol protocol, string body, HttpResponseMessage? response = null)
        {
            string? requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
            if (protocol == AwsProtocol.RestJson)
            {
                var code = Header(response, "X-Amzn-ErrorType") ?? JsonString(body, "__type") ?? JsonString(body, "code") ?? JsonString(body, "Code");
                return (CleanJsonCode(code), JsonString(body, "message") ?? JsonString(body, "Message"), requestId);
            }

            try
            {
                // <ErrorResponse><Error><Code/><Message/></Error><RequestId/></ErrorResponse> (query) and
                // <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response> (EC2): same local names.
                var xml = XDocument.Parse(body);
                string? Find(string name) => xml.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
                return (Find("Code"), Find("Message"), Find("RequestId") ?? Find("RequestID") ?? requestId);
            }
            catch (XmlException)
            {
                return (null, null, requestId);
            }
        }

        // "AccessDeniedException:http://internal.amazon.com/coral/..." or "com.amazon.coral#AccessDeniedException" → the code.
        private static string? CleanJsonCode(string? code)
        {
            if (string.IsNullOrEmpty(code))
            {
                return null;
            }

            var colon = code!.IndexOf(':');
            if (colon > 0)
            {
                code = code.Substring(0, colon);
            }

            var hash = code.LastIndexOf('#');
            return hash >= 0 ? code.Substring(hash + 1) : code;
        }

        private static string? JsonString(string body, string name)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Header(HttpResponseMessage? response, string name) =>
            response != null && response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }
}

using System.Net;

namespace StsTools.Engine.Aws
{
    /// <summary>A successful answer: status and body text, and which endpoint gave it.</summary>
    public sealed class AwsResponse
    {
        public AwsResponse(HttpStatusCode status, string body, string? requestId, string endpointUrl)
        {
            Status = status;
            Body = body;
            RequestId = requestId;
            EndpointUrl = endpointUrl;
        }

        public HttpStatusCode Status { get; }
        public string Body { get; }
        public string? RequestId { get; }
        public string EndpointUrl { get; }
    }
}

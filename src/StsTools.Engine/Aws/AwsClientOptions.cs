using System;
using StsTools.Engine.Endpoints;

namespace StsTools.Engine.Aws
{
    /// <summary>What every one of the module's own clients needs besides credentials: the transport, and where the
    /// endpoints are (-EndpointUrl, else AWS_ENDPOINT_URL_&lt;SERVICE&gt; / AWS_ENDPOINT_URL, else AWS's host names).</summary>
    public sealed class AwsClientOptions
    {
        public SignedHttpTransport Transport { get; set; } = new SignedHttpTransport();

        /// <summary>-EndpointUrl: used for every service called, with <c>{region}</c> filled in.</summary>
        public string? EndpointUrl { get; set; }

        /// <summary>Reads environment variables (tests give their own).</summary>
        public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

        public ServiceEndpoint Resolve(string service, string region) => EndpointResolver.Resolve(service, region, EndpointUrl, Environment);
    }
}

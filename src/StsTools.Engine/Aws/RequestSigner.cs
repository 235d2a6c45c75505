using System;
using System.Collections.Generic;
using System.Net.Http;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Aws
{
    /// <summary>
    /// SigV4 for the module's own HTTP calls (IAM, Account, EC2, the STS probe), done by AWSSDK.Core's public signer
    /// (<c>Amazon.Runtime.Signing.AWSSigV4Signer</c>): no SigV4 code of our own to get wrong. IAM has no SDK package
    /// reachable here (FACTS §2), and the other calls are too small to be worth a service package each.
    /// </summary>
    public static class RequestSigner
    {
        /// <summary>The headers to add to a request: Authorization, X-Amz-Date, and X-Amz-Security-Token for session
        /// credentials. <paramref name="headers"/> are the request's own headers that must be signed (Content-Type…).</summary>
        public static IDictionary<string, string> Sign(HttpMethod method, Uri url, IDictionary<string, string> headers, byte[] body,
            string service, string signingRegion, string accessKeyId, string secretAccessKey, string? sessionToken, DateTime? signedAt = null)
        {
            var request = new AWSSigningRequest { HttpMethod = method, RequestUri = url, Content = body };
            foreach (var header in headers)
            {
                request.Headers[header.Key] = header.Value;
            }

            AWSCredentials credentials = sessionToken == null
                ? new BasicAWSCredentials(accessKeyId, secretAccessKey)
                : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken);
            var parameters = new AWSSigV4Parameters
            {
                Credentials = credentials,
                Region = RegionEndpoint.GetBySystemName(signingRegion),
                Service = service,
                SignPayload = true,
                SignedAt = signedAt,
            };
            return AWSSigV4Signer.Sign(request, parameters).Headers;
        }

        public static IDictionary<string, string> Sign(HttpMethod method, Uri url, IDictionary<string, string> headers, byte[] body,
            string service, string signingRegion, TemporaryCredentials credentials) =>
            Sign(method, url, headers, body, service, signingRegion, credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
    }
}

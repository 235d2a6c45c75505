using System;
using Amazon.Runtime;
using Amazon.SecurityToken;
using StsTools.Engine.Endpoints;

namespace StsTools.Engine.Sts
{
    /// <summary>
    /// The one place that builds STS clients. The URL and signing region come from <see cref="EndpointResolver"/> (so
    /// regional, aws-global and custom endpoints with {region} all go one way), the SDK's own configured-endpoint
    /// lookup is switched off (the resolver already honoured AWS_ENDPOINT_URL_STS), retries are the SDK's standard mode.
    /// </summary>
    public static class StsClientFactory
    {
        public static AmazonSecurityTokenServiceClient Create(ServiceEndpoint endpoint, AWSCredentials? credentials, StsTimeouts timeouts)
        {
            var config = new AmazonSecurityTokenServiceConfig
            {
                ServiceURL = endpoint.Url.ToString(),
                AuthenticationRegion = endpoint.SigningRegion,
                IgnoreConfiguredEndpointUrls = true,
                Timeout = timeouts.Attempt,
                MaxErrorRetry = timeouts.Retries,
                RetryMode = RequestRetryMode.Standard,
                HttpClientFactory = StsHttpClientFactory.Instance,
                // Unsigned calls (web identity, SAML) need no credentials; the SDK must not go looking for any.
                DefaultAWSCredentials = credentials ?? new AnonymousAWSCredentials(),
            };
            return new AmazonSecurityTokenServiceClient(credentials ?? new AnonymousAWSCredentials(), config);
        }
    }

    /// <summary>How long one HTTP attempt may take, how many times the SDK retries, and how long one endpoint may
    /// take in all before the next one is tried when there is a next one.</summary>
    public sealed class StsTimeouts
    {
        public static readonly StsTimeouts Default = new StsTimeouts(TimeSpan.FromSeconds(5), 2, TimeSpan.FromSeconds(2));

        public StsTimeouts(TimeSpan attempt, int retries, TimeSpan failoverBudget)
        {
            Attempt = attempt;
            Retries = retries;
            FailoverBudget = failoverBudget;
        }

        public TimeSpan Attempt { get; }

        public int Retries { get; }

        /// <summary>With a fallback endpoint after this one: give up on this one after this long (retries included), so a
        /// black-holed endpoint costs 2 s, not the attempt timeout times the attempts.</summary>
        public TimeSpan FailoverBudget { get; }
    }
}

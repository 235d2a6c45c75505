using System;
using System.Net.Http;
using Amazon.Runtime;

namespace StsTools.Engine.Sts
{
    /// <summary>
    /// The HTTP client under every STS client: the SDK's own handler chain on top, our attempt logger underneath, and
    /// a per-attempt timeout short enough that a black-holed endpoint is given up in seconds (the SDK's default is
    /// 100 s). One client per timeout value, cached by the SDK so connections are reused across calls.
    /// </summary>
    internal sealed class StsHttpClientFactory : HttpClientFactory
    {
        public static readonly StsHttpClientFactory Instance = new StsHttpClientFactory();

        public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
            return new HttpClient(new AttemptLoggingHandler(handler))
            {
                Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(10),
            };
        }

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

        public override string GetConfigUniqueString(IClientConfig clientConfig) =>
            "ststools:" + (clientConfig.Timeout ?? TimeSpan.Zero).Ticks;
    }
}

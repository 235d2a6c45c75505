using System;
using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.SecurityToken;
using StsTools.Engine.Endpoints;

namespace StsTools.Engine.Sts
{
    /// <summary>
    /// STS clients reused across calls of the session, as one long-lived SDK client would be: a new client's first call
    /// costs about 0.1 ms more than a reused one's (resolver, pipeline and identity caches start cold), a tenth of a
    /// loopback call (tests/benchmarks, cmdlet overhead). A client is reused only for the same endpoint, timeouts and
    /// fixed keys (the same key id, secret and token, compared exactly); credentials that refresh themselves get a client
    /// of their own per call. The cache holds the same key strings the credentials already hold, only in this process,
    /// as any SDK client does; nothing of it is ever written or shown. The SDK clients are thread-safe; the retry quota
    /// is the SDK's per endpoint either way.
    /// </summary>
    public static class StsClientCache
    {
        // Enough for a runbook that walks many accounts' endpoints; past it the cache starts again (clients in use by
        // calls in flight stay valid: they are dropped, not disposed, and their HTTP client is the SDK's shared one).
        private const int Capacity = 64;

        private static readonly ConcurrentDictionary<ClientKey, AmazonSecurityTokenServiceClient> s_clients =
            new ConcurrentDictionary<ClientKey, AmazonSecurityTokenServiceClient>();

        /// <summary>A client for one call; dispose the lease when the call is done (a shared client stays open).</summary>
        public static Lease Rent(ServiceEndpoint endpoint, AWSCredentials? credentials, StsTimeouts timeouts)
        {
            if (!TryGetFixedKeys(credentials, out var keys))
            {
                return new Lease(StsClientFactory.Create(endpoint, credentials, timeouts), shared: false);
            }

            var key = new ClientKey(endpoint.Url.OriginalString, endpoint.SigningRegion, timeouts.Attempt.Ticks, timeouts.Retries,
                keys?.AccessKey, keys?.SecretKey, keys?.Token);
            if (s_clients.TryGetValue(key, out var client))
            {
                return new Lease(client, shared: true);
            }

            if (s_clients.Count >= Capacity)
            {
                s_clients.Clear();
            }

            return new Lease(s_clients.GetOrAdd(key, _ => StsClientFactory.Create(endpoint, credentials, timeouts)), shared: true);
        }

        /// <summary>Who signs: nobody (null keys: web identity, SAML), fixed keys, or false for credentials that change
        /// by themselves (a provider chain's refreshing credentials).</summary>
        private static bool TryGetFixedKeys(AWSCredentials? credentials, out ImmutableCredentials? keys)
        {
            switch (credentials)
            {
                case null:
                case AnonymousAWSCredentials _:
                    keys = null;
                    return true;
                case BasicAWSCredentials _:
                case SessionAWSCredentials _:
                    keys = credentials.GetCredentials();
                    return true;
                default:
                    keys = null;
                    return false;
            }
        }

        /// <summary>Endpoint, timeouts and keys: equal (ordinal) only when a reused client would sign and send alike.</summary>
        private readonly struct ClientKey : IEquatable<ClientKey>
        {
            private readonly (string Url, string SigningRegion, long AttemptTicks, int Retries, string? AccessKey, string? SecretKey, string? Token) _value;

            public ClientKey(string url, string signingRegion, long attemptTicks, int retries, string? accessKey, string? secretKey, string? token) =>
                _value = (url, signingRegion, attemptTicks, retries, accessKey, secretKey, token);

            public bool Equals(ClientKey other) => _value.Equals(other._value);

            public override bool Equals(object? obj) => obj is ClientKey other && Equals(other);

            public override int GetHashCode() => _value.GetHashCode();
        }

        /// <summary>The client of one call.</summary>
        public readonly struct Lease : IDisposable
        {
            private readonly bool _shared;

            internal Lease(AmazonSecurityTokenServiceClient client, bool shared)
            {
                Client = client;
                _shared = shared;
            }

            public AmazonSecurityTokenServiceClient Client { get; }

            public void Dispose()
            {
                if (!_shared)
                {
                    Client.Dispose();
                }
            }
        }
    }
}

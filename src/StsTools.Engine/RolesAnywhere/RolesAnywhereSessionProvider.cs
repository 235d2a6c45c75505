using System;
using System.Collections.Generic;
using System.Threading;
using StsTools.Engine.Caching;
using StsTools.Engine.Endpoints;
using StsTools.Engine.Sts;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>
    /// Gets Roles Anywhere credentials: checks the certificate's validity (and warns before it expires), then signs
    /// and sends CreateSession. The one entry point the cmdlet calls; the key source is whatever signer it is given.
    /// </summary>
    public sealed class RolesAnywhereSessionProvider
    {
        private readonly CreateSessionClient _client;
        private readonly Func<DateTime> _utcNow;

        public RolesAnywhereSessionProvider(CreateSessionClient? client = null, Func<DateTime>? utcNow = null)
        {
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _client = client ?? new CreateSessionClient(utcNow: _utcNow);
        }

        /// <summary>Called with what a user may see in -Verbose (never key material or secrets).</summary>
        public Action<string>? Verbose { get; set; }

        /// <summary>Called with warnings (the certificate expires soon).</summary>
        public Action<string>? Warning { get; set; }

        /// <summary>Refuses an expired or not-yet-valid certificate; warns when it expires within <paramref name="expiryWarningDays"/>.</summary>
        public void CheckCertificate(IX509RequestSigner signer, int expiryWarningDays)
        {
            var now = _utcNow();
            CertificateChecks.CheckValidity(signer.Certificate, now);
            var warning = CertificateChecks.ExpiryWarning(signer.Certificate, now, expiryWarningDays);
            if (warning != null)
            {
                Warning?.Invoke(warning);
            }

            Verbose?.Invoke($"Certificate {signer.Certificate.Subject}, serial {CertificateSerial.Decimal(signer.Certificate)}, thumbprint {signer.Certificate.Thumbprint}, "
                + $"valid until {signer.Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}; key from {signer.KeySource}; {signer.Intermediates.Count} intermediate(s).");
        }

        /// <summary>
        /// Returns a cached session for the same request while more than 15 minutes remain (unless
        /// <paramref name="mode"/> says otherwise), else signs and sends CreateSession and caches the answer.
        /// </summary>
        /// <param name="store">Where sessions are kept; null for STSTOOLS_CACHE_DIR or ~/.aws/ststools/cache.</param>
        public TemporaryCredentials CreateSession(IX509RequestSigner signer, CreateSessionRequest request, string? endpointUrl, CancellationToken cancel,
            CacheMode mode = CacheMode.Use, ICredentialStore? store = null)
        {
            var endpoint = CreateSessionClient.Endpoint(request.Arns.Region, endpointUrl);
            var inner = new RolesAnywhereCredentialProvider(_client, signer, request, endpoint);
            var cached = new CachingCredentialProvider(inner, store ?? new FileCredentialStore(CacheLocations.StsToolsCache()), CacheKey(signer, request, endpoint), mode, _utcNow);
            StsDiagnostics.Use(Verbose);
            try
            {
                return cached.GetCredentialsAsync(cancel).GetAwaiter().GetResult();
            }
            finally
            {
                StsDiagnostics.Use(null);
            }
        }

        /// <summary>
        /// What changes the answer: the certificate (thumbprint), the three ARNs, the duration, the session name, and
        /// the endpoint (credentials an emulator or a VPC endpoint in another partition issued are not served for AWS).
        /// </summary>
        public static string CacheKey(IX509RequestSigner signer, CreateSessionRequest request, ServiceEndpoint endpoint) =>
            RequestCacheKey.For("rolesanywhere", new Dictionary<string, object?>
            {
                ["Thumbprint"] = signer.Certificate.Thumbprint.ToUpperInvariant(),
                ["TrustAnchorArn"] = request.Arns.TrustAnchorArn,
                ["ProfileArn"] = request.Arns.ProfileArn,
                ["RoleArn"] = request.Arns.RoleArn,
                ["DurationSeconds"] = request.DurationSeconds,
                ["RoleSessionName"] = request.RoleSessionName,
                ["Endpoint"] = endpoint.Url.AbsoluteUri,
            });
    }
}

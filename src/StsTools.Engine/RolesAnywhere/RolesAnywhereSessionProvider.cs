using System;
using System.Threading;
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

        /// <param name="cache">Where sessions are reused from and kept; null for none (-NoCache).</param>
        public TemporaryCredentials CreateSession(IX509RequestSigner signer, CreateSessionRequest request, string? endpointUrl, CancellationToken cancel,
            SessionCache? cache = null)
        {
            var endpoint = CreateSessionClient.Endpoint(request.Arns.Region, endpointUrl);
            var key = SessionCache.Key(signer.Certificate.Thumbprint, request, endpoint.Url);
            if (cache != null)
            {
                var cached = cache.TryRead(key, request.DurationSeconds);
                if (cached != null)
                {
                    Verbose?.Invoke($"Cache hit: {cache.PathOf(key)} holds session {cached}; no request sent.");
                    return cached;
                }
            }

            var credentials = _client.CreateSessionAsync(signer, request, endpoint, Verbose, cancel).GetAwaiter().GetResult();
            Verbose?.Invoke($"Roles Anywhere session {credentials} from {endpoint.Url}.");
            if (cache != null)
            {
                try
                {
                    cache.Write(key, credentials);
                    Verbose?.Invoke($"Cached in {cache.PathOf(key)} (mode 0600).");
                }
                catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
                {
                    // The credentials are good; a cache that cannot be written only costs the next call a request.
                    Warning?.Invoke($"Could not write the session cache {cache.PathOf(key)}: {e.Message}");
                }
            }

            return credentials;
        }
    }
}

using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Credentials;
using StsTools.Engine.Providers;
using StsTools.Engine.Sts;

namespace StsTools.Engine.Caching
{
    /// <summary>What -NoCache and -Force change.</summary>
    public enum CacheMode
    {
        /// <summary>Reuse cached credentials with enough time left; store new ones.</summary>
        Use,

        /// <summary>-Force: get new credentials, and store them.</summary>
        Refresh,

        /// <summary>-NoCache: neither read nor write.</summary>
        Bypass,
    }

    /// <summary>
    /// The caching decorator: an identical request returns the stored credentials while more than
    /// <see cref="MinimumTimeLeft"/> remains (15 minutes, as the AWS CLI), otherwise asks the inner provider and stores
    /// the answer. A cache that cannot be written is reported, not fatal: the credentials are still good.
    /// </summary>
    public sealed class CachingCredentialProvider : ICredentialProvider
    {
        public static readonly TimeSpan MinimumTimeLeft = TimeSpan.FromMinutes(15);

        private readonly ICredentialProvider _inner;
        private readonly ICredentialStore _store;
        private readonly string _key;
        private readonly CacheMode _mode;
        private readonly Func<DateTime> _utcNow;

        public CachingCredentialProvider(ICredentialProvider inner, ICredentialStore store, string key, CacheMode mode, Func<DateTime>? utcNow = null)
        {
            _inner = inner;
            _store = store;
            _key = key;
            _mode = mode;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        public string Description => _inner.Description;

        /// <summary>The cached credentials, when there are some with enough time left (no call is made).</summary>
        public TemporaryCredentials? TryCached()
        {
            if (_mode != CacheMode.Use)
            {
                return null;
            }

            var cached = _store.TryRead(_key);
            if (cached == null)
            {
                return null;
            }

            var left = cached.Expiration - _utcNow();
            if (left <= MinimumTimeLeft)
            {
                StsDiagnostics.Write($"Cache: {_store.Locate(_key)} has only {Math.Max(0, (int)left.TotalMinutes)} min left; getting new credentials.");
                return null;
            }

            StsDiagnostics.Write($"Cache hit: {_inner.Description} from {_store.Locate(_key)} ({TemporaryCredentials.ShortenKeyId(cached.AccessKeyId)}, {(int)left.TotalMinutes} min left).");
            return cached;
        }

        public async Task<TemporaryCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            var cached = TryCached();
            if (cached != null)
            {
                return cached;
            }

            var fresh = await _inner.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            if (_mode != CacheMode.Bypass)
            {
                try
                {
                    _store.Write(_key, fresh);
                    StsDiagnostics.Write($"Cache: stored in {_store.Locate(_key)}.");
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    StsDiagnostics.Write($"Cache: could not write {_store.Locate(_key)} ({e.Message}); the credentials are not cached.");
                }
            }

            return fresh;
        }
    }
}

using System;

namespace StsTools.Engine.Credentials
{
    /// <summary>
    /// Guesses a session token's version from its first characters. Undocumented by AWS (FACTS §1), so it is
    /// a hint only: the issuing endpoint, when known, wins, and the authoritative test is a call in the region.
    /// </summary>
    public static class TokenVersionHint
    {
        private static readonly string[] s_v2Prefixes = { "IQoJb3JpZ2lu" };
        private static readonly string[] s_v1Prefixes = { "FwoGZXIvYXdz", "FQoGZXIvYXdz", "AQoDYXdz", "FQoDYXdz" };

        public static TokenVersion FromToken(string? sessionToken)
        {
            if (string.IsNullOrEmpty(sessionToken))
            {
                return TokenVersion.Unknown;
            }

            foreach (var prefix in s_v2Prefixes)
            {
                if (sessionToken!.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return TokenVersion.V2;
                }
            }

            foreach (var prefix in s_v1Prefixes)
            {
                if (sessionToken!.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return TokenVersion.V1;
                }
            }

            return TokenVersion.Unknown;
        }
    }
}

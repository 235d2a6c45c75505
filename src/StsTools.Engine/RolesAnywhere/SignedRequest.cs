using System;
using System.Collections.Generic;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>A request ready to send, with the intermediate texts of its signature (for tests and -Debug).</summary>
    public sealed class SignedRequest
    {
        internal SignedRequest(Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, string canonicalRequest, string stringToSign, string authorization)
        {
            Url = url;
            Headers = headers;
            Body = body;
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            Authorization = authorization;
        }

        /// <summary>With the canonical query string.</summary>
        public Uri Url { get; }

        /// <summary>Every signed header (lower-case names, sorted) followed by Authorization.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public byte[] Body { get; }

        public string CanonicalRequest { get; }

        public string StringToSign { get; }

        public string Authorization { get; }
    }
}

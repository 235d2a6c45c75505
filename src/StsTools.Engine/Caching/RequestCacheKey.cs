using System.Collections.Generic;
using System.Linq;

namespace StsTools.Engine.Caching
{
    /// <summary>
    /// Keys of StsTools' own cache: the same request from the same source key returns the same key. Built like the
    /// CLI's (sorted JSON, SHA-1) over every parameter that changes the answer; the secret key is not part of it.
    /// </summary>
    public static class RequestCacheKey
    {
        public static string For(string kind, IDictionary<string, object?> fields)
        {
            var present = fields.Where(f => f.Value != null).Select(f => new KeyValuePair<string, object>(f.Key, f.Value is int ? f.Value! : f.Value!.ToString()!));
            return kind + "-" + CliCacheKey.Hash(CliCacheKey.PythonJson(present));
        }

        public static string MfaSession(string accessKeyId, string? serialNumber) =>
            For("mfa-session", new Dictionary<string, object?> { ["AccessKeyId"] = accessKeyId, ["SerialNumber"] = serialNumber });
    }
}

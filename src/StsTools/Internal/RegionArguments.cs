using StsTools.Engine.Endpoints;
using StsTools.Engine.Regions;

namespace StsTools.Internal
{
    /// <summary>
    /// Checks a region code a user typed, before anything is sent: a code the table knows, or a well-formed code of a
    /// region newer than the table, passes (normalized to lower case); anything else throws the engine's error with id
    /// UnknownRegion and the nearest known codes.
    /// </summary>
    internal static class RegionArguments
    {
        /// <param name="allowGlobal">Whether the global STS pseudo-region <c>aws-global</c> is acceptable here.</param>
        internal static string Check(string code, bool allowGlobal = false)
        {
            var trimmed = code.Trim();
            if (allowGlobal && string.Equals(trimmed, EndpointResolver.GlobalRegion, System.StringComparison.OrdinalIgnoreCase))
            {
                return EndpointResolver.GlobalRegion;
            }

            return RegionTable.Get(trimmed).Code;
        }

        /// <summary>Every code of a list, checked; null stays null.</summary>
        internal static string[]? CheckAll(string[]? codes)
        {
            if (codes == null)
            {
                return null;
            }

            var result = new string[codes.Length];
            for (var i = 0; i < codes.Length; i++)
            {
                result[i] = Check(codes[i]);
            }

            return result;
        }
    }
}

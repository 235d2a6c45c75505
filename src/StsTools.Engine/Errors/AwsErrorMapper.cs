using System;
using System.Net;
using Amazon.Runtime;

namespace StsTools.Engine.Errors
{
    /// <summary>
    /// AWS answers as StsToolsException: error id <c>Aws&lt;Code&gt;</c> (AwsAccessDenied, AwsInvalidIdentityToken…),
    /// the AWS code and request id kept, and for the common codes the likely cause and the remedy (CMDLETS.md, "Bad input").
    /// The SDK's message is AWS's text, which never holds a secret.
    /// </summary>
    public static class AwsErrorMapper
    {
        public static StsToolsException FromService(AmazonServiceException e, string? operation = null, string? endpoint = null)
        {
            var code = string.IsNullOrEmpty(e.ErrorCode) ? (e.StatusCode == 0 ? "Unknown" : "Http" + (int)e.StatusCode) : e.ErrorCode;
            var where = endpoint == null ? "" : $" (endpoint {endpoint})";
            var what = operation == null ? "AWS" : operation;
            // STS-specific advice first (it knows the operation), else the module's one table (Errors/AwsErrorCatalog).
            var (cause, remedy) = Explain(code, operation);
            var entry = AwsErrorCatalog.Find(code);
            cause ??= entry?.Cause;
            remedy ??= entry?.Remedy;
            return new StsToolsException("Aws" + Sanitize(code), entry?.Kind ?? KindOf(code, e.StatusCode),
                $"{what} failed{where}: {e.Message}", e)
            {
                AwsErrorCode = code,
                RequestId = string.IsNullOrEmpty(e.RequestId) ? null : e.RequestId,
                HttpStatus = e.StatusCode == 0 ? (int?)null : (int)e.StatusCode,
                Cause = cause,
                Remedy = remedy,
            };
        }

        /// <summary>Cause and remedy that depend on the STS operation (AccessDenied on AssumeRole means the trust policy);
        /// everything else comes from <see cref="AwsErrorCatalog"/>.</summary>
        internal static (string? Cause, string? Remedy) Explain(string code, string? operation)
        {
            switch (code)
            {
                case "AccessDenied" when operation != null && operation.StartsWith("AssumeRole", StringComparison.Ordinal):
                    return ("The role's trust policy does not allow this caller: wrong principal, a missing or wrong external id (sts:ExternalId), or the role requires MFA (aws:MultiFactorAuthPresent).",
                        "Check the role's trust policy; pass -ExternalId, or -SerialNumber/-TokenCode (or pipe an MFA session from Get-StsMfaSession).");
                case "ExpiredToken":
                case "ExpiredTokenException":
                    return ("The source credentials or the web identity token have expired.", "Get new source credentials (for an MFA session: Get-StsMfaSession -Force) and try again.");
                case "InvalidIdentityToken":
                    return ("The identity provider's token was not accepted: usually its audience (aud) or subject (sub) does not match the role's trust policy, or the OIDC provider is not registered.",
                        "Compare the token's iss/aud/sub shown above with the role's trust policy conditions; for GitHub Actions use -Audience sts.amazonaws.com.");
                case "ValidationError" when operation != null && operation.StartsWith("AssumeRole", StringComparison.Ordinal):
                    return ("A parameter AWS checks itself is out of range, e.g. DurationSeconds above the role's maximum session duration or above 3600 for a chained role.",
                        "Lower -DurationSeconds or raise the role's MaxSessionDuration.");
                case "Throttling":
                case "ThrottlingException":
                case "RequestLimitExceeded":
                    return ("Too many requests to STS.", "Lower -ThrottleLimit, give -FallbackRegion, or try again later.");
                default:
                    // The codes the SDK path has no special words for (AuthFailure, UnrecognizedClientException, …) get the
                    // shared catalog's, so an ErrorRecord has a cause and remedy whichever client met the code.
                    var entry = AwsErrorCatalog.Find(code);
                    return (entry?.Cause, entry?.Remedy);
            }
        }

        private static ErrorKind KindOf(string code, HttpStatusCode status)
        {
            switch (code)
            {
                case "AccessDenied":
                    return ErrorKind.PermissionDenied;
                case "InvalidClientTokenId":
                case "SignatureDoesNotMatch":
                case "ExpiredToken":
                case "ExpiredTokenException":
                case "InvalidIdentityToken":
                case "IDPRejectedClaim":
                case "IncompleteSignature":
                    return ErrorKind.AuthenticationError;
                case "ValidationError":
                case "MalformedPolicyDocument":
                    return ErrorKind.InvalidArgument;
                case "PackedPolicyTooLarge":
                case "Throttling":
                case "ThrottlingException":
                    return ErrorKind.LimitsExceeded;
                case "RegionDisabledException":
                    return ErrorKind.ResourceUnavailable;
            }

            return (int)status >= 500 ? ErrorKind.ResourceUnavailable : ErrorKind.NotSpecified;
        }

        private static string Sanitize(string code)
        {
            var chars = code.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (!char.IsLetterOrDigit(chars[i]))
                {
                    chars[i] = '_';
                }
            }

            return new string(chars);
        }
    }
}

using System;
using System.Collections.Generic;

namespace StsTools.Engine.Errors
{
    /// <summary>
    /// What the AWS error codes the module meets most likely mean, and what to do: the one table of cause and remedy,
    /// used by the module's own HTTP clients (Aws/) and by the SDK-exception mapper (Errors/AwsErrorMapper).
    /// Error ids are <c>Aws&lt;Code&gt;</c> (AwsAccessDenied, AwsInvalidClientTokenId, AwsAuthFailure…).
    /// </summary>
    public static class AwsErrorCatalog
    {
        /// <summary>Cause, remedy and category of one code.</summary>
        public sealed class Entry
        {
            public Entry(ErrorKind kind, string cause, string remedy)
            {
                Kind = kind;
                Cause = cause;
                Remedy = remedy;
            }

            public ErrorKind Kind { get; }
            public string Cause { get; }
            public string Remedy { get; }
        }

        private const string TokenScopeCause =
            "The session token is not valid in this region: either it is a v1 token (issued by the global STS endpoint while the account's GlobalEndpointTokenVersion is v1Token), which only works in regions enabled by default, or the account has not enabled this opt-in region.";

        private const string TokenScopeRemedy =
            "Get credentials from a regional STS endpoint (Invoke-StsAssumeRole -StsEndpoint Regional), or run Set-StsTokenVersion V2Token and get a new token; check the region with Test-StsRegionCompatibility and Get-StsRegion -Live.";

        private static readonly Dictionary<string, Entry> s_entries = new Dictionary<string, Entry>(StringComparer.Ordinal)
        {
            ["AccessDenied"] = new Entry(ErrorKind.PermissionDenied,
                "The caller's policies do not allow this action (or, for AssumeRole, the role's trust policy does not trust the caller, or its conditions such as sts:ExternalId or MFA are not met).",
                "Grant the action to the caller (check service control policies and permission boundaries too); for AssumeRole check the trust policy, -ExternalId and MFA."),
            ["AccessDeniedException"] = new Entry(ErrorKind.PermissionDenied,
                "The caller's policies do not allow this action.",
                "Grant the action to the caller, or use credentials that have it."),
            ["UnauthorizedOperation"] = new Entry(ErrorKind.PermissionDenied,
                "The caller's policies do not allow this EC2 action.",
                "Grant the action (e.g. ec2:DescribeRegions) to the caller."),
            ["InvalidClientTokenId"] = new Entry(ErrorKind.AuthenticationError,
                "The access key id or session token is not recognised here: a deleted or mistyped key, or a session token used in an opt-in region it is not valid for (v1 token, or a region the account has not enabled).",
                "Check the key; for opt-in regions run Test-StsRegionCompatibility, and get credentials from a regional STS endpoint or after Set-StsTokenVersion V2Token."),
            ["AuthFailure"] = new Entry(ErrorKind.AuthenticationError,
                "EC2 could not validate the credentials: a wrong key, or a session token not valid in this region (v1 token in an opt-in region, or a region the account has not enabled).",
                TokenScopeRemedy),
            ["UnrecognizedClientException"] = new Entry(ErrorKind.AuthenticationError,
                "The security token is not valid here: a wrong key, or a v1 token in an opt-in region.",
                TokenScopeRemedy),
            ["InvalidToken"] = new Entry(ErrorKind.AuthenticationError,
                "The session token is malformed or not valid in this region.",
                TokenScopeRemedy),
            ["SignatureDoesNotMatch"] = new Entry(ErrorKind.AuthenticationError,
                "The secret access key does not belong to the access key id, or this machine's clock is more than 15 minutes off.",
                "Check the secret key (re-copy it, mind trailing spaces) and the system clock."),
            ["IncompleteSignature"] = new Entry(ErrorKind.AuthenticationError,
                "The request's signature is incomplete.",
                "Check that the credentials have both a key id and a secret key."),
            ["ExpiredToken"] = new Entry(ErrorKind.AuthenticationError,
                "The session token has expired.",
                "Get new credentials (run the command that produced them again)."),
            ["ExpiredTokenException"] = new Entry(ErrorKind.AuthenticationError,
                "The session token has expired.",
                "Get new credentials (run the command that produced them again)."),
            ["RequestExpired"] = new Entry(ErrorKind.AuthenticationError,
                "The request or its credentials expired: an expired session token, or this machine's clock is more than 15 minutes off.",
                "Get new credentials and check the system clock."),
            ["RegionDisabledException"] = new Entry(ErrorKind.ResourceUnavailable,
                "STS is deactivated in this region for the account.",
                "Activate STS for the region in the IAM console (Account settings), or use another region's STS endpoint."),
            ["OptInRequired"] = new Entry(ErrorKind.ResourceUnavailable,
                "The account has not enabled this opt-in region.",
                "Enable the region (AWS console → Account → AWS Regions, or `aws account enable-region`), then wait until it is ENABLED."),
            ["MissingAuthenticationToken"] = new Entry(ErrorKind.AuthenticationError,
                "The request was not signed.",
                "Give credentials (-Credential, the AWS_* environment variables)."),
            ["ValidationError"] = new Entry(ErrorKind.InvalidArgument,
                "AWS rejected a parameter value.",
                "Check the values against the limits in the cmdlet's help."),
            ["ValidationException"] = new Entry(ErrorKind.InvalidArgument,
                "AWS rejected a parameter value.",
                "Check the values against the limits in the cmdlet's help."),
            ["MalformedPolicyDocument"] = new Entry(ErrorKind.InvalidArgument,
                "The session policy is not valid policy JSON.",
                "Validate the policy JSON (Version, Statement, Effect, Action, Resource)."),
            ["PackedPolicyTooLarge"] = new Entry(ErrorKind.LimitsExceeded,
                "The session policies and tags, packed, exceed the size STS allows.",
                "Use fewer or shorter session tags, policy ARNs or a smaller -Policy."),
            ["InvalidIdentityToken"] = new Entry(ErrorKind.AuthenticationError,
                "The web identity token was rejected: wrong audience, issuer not registered as an OIDC provider in the account, or a bad signature.",
                "Check the OIDC provider in IAM (URL, client id / audience) and the token's aud claim."),
            ["IDPRejectedClaim"] = new Entry(ErrorKind.PermissionDenied,
                "The role's trust policy conditions do not match the token's claims (aud, sub).",
                "Compare the trust policy's conditions with the token's sub and aud claims."),
            ["IDPCommunicationError"] = new Entry(ErrorKind.ConnectionError,
                "STS could not reach the identity provider to validate the token.",
                "Retry; if it persists, check the provider's availability."),
            ["Throttling"] = new Entry(ErrorKind.LimitsExceeded,
                "Too many requests: AWS throttled the calls.",
                "Retry later or make fewer calls (-ThrottleLimit, caching)."),
            ["ThrottlingException"] = new Entry(ErrorKind.LimitsExceeded,
                "Too many requests: AWS throttled the calls.",
                "Retry later or make fewer calls."),
            ["RequestLimitExceeded"] = new Entry(ErrorKind.LimitsExceeded,
                "Too many requests: AWS throttled the calls.",
                "Retry later or make fewer calls."),
            ["NoSuchEntity"] = new Entry(ErrorKind.ObjectNotFound,
                "The IAM entity named does not exist.",
                "Check the name or ARN."),
        };

        /// <summary>The entry for a code, or null when the code is not in the table.</summary>
        public static Entry? Find(string? code) => code != null && s_entries.TryGetValue(code, out var entry) ? entry : null;

        /// <summary>The error id for an AWS code: <c>Aws</c> + the code (AwsAccessDenied, AwsInvalidClientTokenId).</summary>
        public static string ErrorIdFor(string? code) => "Aws" + (string.IsNullOrEmpty(code) ? "UnknownError" : code);

        /// <summary>
        /// The engine's exception for an AWS error answer, with the catalog's cause and remedy. When the call went to a
        /// region known to be opt-in and the code is a token-scope one, the cause says so precisely.
        /// </summary>
        public static StsToolsException ToException(string? code, string? message, int? httpStatus, string? requestId,
            string operation, bool inOptInRegion = false)
        {
            var entry = Find(code);
            var kind = entry?.Kind ?? (httpStatus >= 500 ? ErrorKind.ResourceUnavailable : ErrorKind.NotSpecified);
            var cause = entry?.Cause;
            var remedy = entry?.Remedy;
            if (inOptInRegion && code is "InvalidClientTokenId" or "AuthFailure" or "UnrecognizedClientException" or "InvalidToken")
            {
                cause = TokenScopeCause;
                remedy = TokenScopeRemedy;
            }

            var text = string.IsNullOrEmpty(message) ? $"{operation} failed with {code ?? "HTTP " + httpStatus}." : $"{operation} failed: {message}";
            return new StsToolsException(ErrorIdFor(code), kind, text)
            {
                AwsErrorCode = code,
                RequestId = requestId,
                HttpStatus = httpStatus,
                Cause = cause,
                Remedy = remedy,
            };
        }
    }
}

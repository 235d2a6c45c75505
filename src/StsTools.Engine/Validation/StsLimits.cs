using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Validation
{
    /// <summary>
    /// The STS parameter limits of FACTS §4, checked before any call so a typo fails here with its own error id
    /// and not at AWS (or worse, after a prompt). Messages say what was wrong and what is allowed; none repeats a
    /// secret (token codes and web identity tokens are never echoed).
    /// </summary>
    public static class StsLimits
    {
        public const int MinDuration = 900;
        public const int MaxRoleDuration = 43200;
        public const int MaxSessionTokenDuration = 129600;
        public const int ChainedMaxDuration = 3600;

        private static readonly Regex s_roleArn = new Regex(@"^arn:aws[a-z-]*:iam::\d{12}:role/([\x21-\x7E]+/)*[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant);
        private static readonly Regex s_policyArn = new Regex(@"^arn:aws[a-z-]*:iam::(\d{12}|aws):policy/[\x21-\x7E]+$", RegexOptions.CultureInvariant);
        private static readonly Regex s_samlProviderArn = new Regex(@"^arn:aws[a-z-]*:iam::\d{12}:saml-provider/[\w+=,.@-]{1,128}$", RegexOptions.CultureInvariant);
        private static readonly Regex s_sessionName = new Regex(@"^[\w+=,.@-]*$", RegexOptions.CultureInvariant);
        private static readonly Regex s_externalId = new Regex(@"^[\w+=,.@:/-]*$", RegexOptions.CultureInvariant);
        private static readonly Regex s_serial = new Regex(@"^[\w+=/:,.@-]*$", RegexOptions.CultureInvariant);
        private static readonly Regex s_tokenCode = new Regex(@"^\d{6}$", RegexOptions.CultureInvariant);
        private static readonly Regex s_tagText = new Regex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", RegexOptions.CultureInvariant);

        public static void RoleArn(string? arn, string parameter = "RoleArn")
        {
            if (arn == null || arn.Length < 20 || arn.Length > 2048 || !s_roleArn.IsMatch(arn))
            {
                throw Invalid("InvalidRoleArn", arn,
                    $"-{parameter} '{arn}' is not a role ARN. Expected arn:<partition>:iam::<12-digit account>:role/<path/name>, 20–2048 characters, e.g. arn:aws:iam::222222222222:role/ReadOnly.");
            }
        }

        public static void RoleSessionName(string? name)
        {
            if (name == null)
            {
                return;
            }

            if (name.Length < 2 || name.Length > 64 || !s_sessionName.IsMatch(name))
            {
                throw Invalid("InvalidRoleSessionName", name,
                    $"-RoleSessionName '{name}' is not allowed: 2–64 characters of letters, digits and + = , . @ _ - (no spaces).");
            }
        }

        public static void ExternalId(string? id)
        {
            if (id == null)
            {
                return;
            }

            if (id.Length < 2 || id.Length > 1224 || !s_externalId.IsMatch(id))
            {
                throw Invalid("InvalidExternalId", id,
                    $"-ExternalId '{id}' is not allowed: 2–1224 characters of letters, digits and + = , . @ : / _ -.");
            }
        }

        public static void SerialNumber(string? serial)
        {
            if (serial == null)
            {
                return;
            }

            if (serial.Length < 9 || serial.Length > 256 || !s_serial.IsMatch(serial))
            {
                throw Invalid("InvalidSerialNumber", serial,
                    $"-SerialNumber '{serial}' is not an MFA device: a hardware serial or arn:aws:iam::<account>:mfa/<name>, 9–256 characters.");
            }
        }

        /// <summary>The code itself is never put in the message: it is a one-time secret.</summary>
        public static void TokenCode(string? code, string? serial)
        {
            if (code == null)
            {
                return;
            }

            if (!s_tokenCode.IsMatch(code))
            {
                throw Invalid("InvalidTokenCode", null, $"-TokenCode must be exactly 6 digits (the code the MFA device shows); {code.Length} characters were given.");
            }

            if (serial == null)
            {
                throw Invalid("TokenCodeWithoutSerialNumber", null,
                    "-TokenCode was given without -SerialNumber: name the MFA device (arn:aws:iam::<account>:mfa/<name>) or use a profile with mfa_serial.");
            }
        }

        public static void SourceIdentity(string? identity)
        {
            if (identity == null)
            {
                return;
            }

            if (identity.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid("ReservedSourceIdentity", identity, $"-SourceIdentity '{identity}' starts with 'aws:', which AWS reserves.");
            }

            if (identity.Length < 2 || identity.Length > 64 || !s_sessionName.IsMatch(identity))
            {
                throw Invalid("InvalidSourceIdentity", identity, $"-SourceIdentity '{identity}' is not allowed: 2–64 characters of letters, digits and + = , . @ _ -.");
            }
        }

        public static void RoleDuration(int? seconds, bool chained)
        {
            if (seconds == null)
            {
                return;
            }

            if (seconds < MinDuration || seconds > MaxRoleDuration)
            {
                throw Invalid("DurationOutOfRange", seconds,
                    $"-DurationSeconds {seconds} is out of range: a role session lasts 900–43200 seconds (and at most the role's MaxSessionDuration).");
            }

            if (chained && seconds > ChainedMaxDuration)
            {
                throw Invalid("ChainedDurationTooLong", seconds,
                    $"-DurationSeconds {seconds} is over 3600: the source credentials are a role session, and AWS limits role chaining to 1 hour. Use -DurationSeconds 3600 or less, or start from long-term or MFA-session credentials.");
            }
        }

        public static void SessionTokenDuration(int? seconds)
        {
            if (seconds != null && (seconds < MinDuration || seconds > MaxSessionTokenDuration))
            {
                throw Invalid("SessionDurationOutOfRange", seconds,
                    $"-DurationSeconds {seconds} is out of range: an MFA session lasts 900–129600 seconds (15 minutes to 36 hours; 3600 at most for the root user).");
            }
        }

        /// <summary>The session policy as given; checked for size and JSON syntax.</summary>
        public static void Policy(string? json)
        {
            if (json == null)
            {
                return;
            }

            if (json.Length > 2048)
            {
                throw Invalid("PolicyTooLong", json.Length, $"The session policy is {json.Length} characters; STS accepts at most 2048.");
            }

            if (!JsonSyntax.IsObject(json))
            {
                throw Invalid("InvalidPolicyJson", null, "The session policy is not a JSON object: give -Policy as a JSON text like '{\"Version\":\"2012-10-17\",\"Statement\":[…]}' or as a hashtable.");
            }
        }

        public static void PolicyArns(IList<string>? arns)
        {
            if (arns == null)
            {
                return;
            }

            if (arns.Count > 10)
            {
                throw Invalid("TooManyPolicyArns", arns.Count, $"{arns.Count} policy ARNs were given; STS accepts at most 10.");
            }

            foreach (var arn in arns)
            {
                if (arn == null || arn.Length < 20 || arn.Length > 2048 || !s_policyArn.IsMatch(arn))
                {
                    throw Invalid("InvalidPolicyArn", arn, $"-PolicyArn '{arn}' is not a managed policy ARN (arn:aws:iam::<account or aws>:policy/<name>).");
                }
            }
        }

        public static void Tags(IDictionary<string, string>? tags, IList<string>? transitiveKeys)
        {
            if (tags != null)
            {
                if (tags.Count > 50)
                {
                    throw Invalid("TooManyTags", tags.Count, $"{tags.Count} session tags were given; STS accepts at most 50.");
                }

                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var tag in tags)
                {
                    if (string.IsNullOrEmpty(tag.Key) || tag.Key.Length > 128 || !s_tagText.IsMatch(tag.Key))
                    {
                        throw Invalid("InvalidTagKey", tag.Key, $"Tag key '{tag.Key}' is not allowed: 1–128 letters, digits, spaces and _ . : / = + - @.");
                    }

                    if (!seen.Add(tag.Key))
                    {
                        throw Invalid("DuplicateTagKey", tag.Key, $"Tag key '{tag.Key}' is given twice; AWS compares tag keys case-insensitively.");
                    }

                    var value = tag.Value ?? string.Empty;
                    if (value.Length > 256 || !s_tagText.IsMatch(value))
                    {
                        throw Invalid("InvalidTagValue", tag.Key, $"The value of tag '{tag.Key}' is not allowed: 0–256 letters, digits, spaces and _ . : / = + - @.");
                    }
                }
            }

            if (transitiveKeys != null)
            {
                foreach (var key in transitiveKeys)
                {
                    var found = false;
                    if (tags != null)
                    {
                        foreach (var k in tags.Keys)
                        {
                            found |= string.Equals(k, key, StringComparison.OrdinalIgnoreCase);
                        }
                    }

                    if (!found)
                    {
                        throw Invalid("TransitiveTagKeyNotInTags", key, $"-TransitiveTagKey '{key}' is not one of the -Tag keys: a transitive tag must be a session tag too.");
                    }
                }
            }
        }

        /// <summary>The token is never echoed; only its length is.</summary>
        public static void WebIdentityToken(string? token)
        {
            if (token == null || token.Length < 4 || token.Length > 20000)
            {
                throw Invalid("InvalidWebIdentityToken", null, $"The web identity token must be 4–20000 characters; {(token ?? string.Empty).Length} were given.");
            }
        }

        public static void SamlAssertion(string? assertion)
        {
            if (assertion == null || assertion.Length < 4 || assertion.Length > 100000)
            {
                throw Invalid("InvalidSamlAssertion", null, $"-SamlAssertion must be the base64 SAML response, 4–100000 characters; {(assertion ?? string.Empty).Length} were given.");
            }

            try
            {
                Convert.FromBase64String(assertion);
            }
            catch (FormatException)
            {
                throw Invalid("SamlAssertionNotBase64", null, "-SamlAssertion is not base64: pass the SAMLResponse form value as the IdP posts it.");
            }
        }

        public static void PrincipalArn(string? arn)
        {
            if (arn == null || !s_samlProviderArn.IsMatch(arn))
            {
                throw Invalid("InvalidPrincipalArn", arn, $"-PrincipalArn '{arn}' is not a SAML provider ARN (arn:aws:iam::<account>:saml-provider/<name>).");
            }
        }

        private static StsToolsException Invalid(string id, object? target, string message) =>
            new StsToolsException(id, ErrorKind.InvalidArgument, message) { Target = target is int i ? i.ToString(CultureInfo.InvariantCulture) : target };
    }
}

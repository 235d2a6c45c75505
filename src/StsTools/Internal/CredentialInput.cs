using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;

namespace StsTools.Internal
{
    /// <summary>Reads credentials from whatever object a user pipes: an StsCredential, `aws sts …` JSON, AWS Tools
    /// for PowerShell credential objects, hashtables. Shared by ConvertTo-StsCredential and the cmdlets that
    /// take a credential from the pipeline.</summary>
    internal static class CredentialInput
    {
        // By property name, so it reads `aws sts assume-role` JSON (with or without the outer object), AWS Tools
        // for PowerShell's Credentials / ImmutableCredentials / AWSCredentials, and hashtables alike.
        internal static TemporaryCredentials FromObject(PSObject input)
        {
            if (input.BaseObject is StsCredential existing)
            {
                return CredentialMapper.ToEngine(existing);
            }

            string? arn = null;
            var source = input;
            var nested = Property(input, "Credentials");
            if (nested != null)
            {
                arn = Text(Property(Property(input, "AssumedRoleUser"), "Arn"));
                source = PSObject.AsPSObject(nested);
            }
            else if (input.Methods["GetCredentials"] != null && Property(input, "AccessKey") == null)
            {
                // Amazon.Runtime.AWSCredentials: ask it for its current ImmutableCredentials.
                source = PSObject.AsPSObject(input.Methods["GetCredentials"].Invoke());
            }

            var accessKeyId = Text(Property(source, "AccessKeyId") ?? Property(source, "AccessKey"));
            var secret = Text(Property(source, "SecretAccessKey") ?? Property(source, "SecretKey"));
            var token = Text(Property(source, "SessionToken") ?? Property(source, "Token"));
            if (accessKeyId == null && secret == null)
            {
                throw new StsToolsException("UnrecognizedCredentialObject", ErrorKind.InvalidData,
                    "The input has neither AccessKeyId/SecretAccessKey nor AccessKey/SecretKey properties: pass the output of `aws sts assume-role | ConvertFrom-Json`, an AWS Tools credential object, or use -AccessKeyId/-SecretAccessKey.")
                { Target = input.BaseObject?.GetType().FullName };
            }

            var c = CredentialValidation.Create(accessKeyId, secret, token, ParseDate(Property(source, "Expiration")));
            c.Arn = arn;
            c.AccountId = AccountFromArn(arn);
            c.Source = arn != null ? CredentialSource.AssumeRole : CredentialSource.Environment;
            return c;
        }

        private static object? Property(object? target, string name)
        {
            if (target == null)
            {
                return null;
            }

            var ps = PSObject.AsPSObject(target);
            if (ps.BaseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                    {
                        return entry.Value;
                    }
                }

                return null;
            }

            return ps.Properties[name]?.Value;
        }

        private static string? Text(object? value) => value is PSObject p ? p.BaseObject?.ToString() : value?.ToString();

        internal static DateTime? ParseDate(object? value)
        {
            var raw = value is PSObject p ? p.BaseObject : value;
            switch (raw)
            {
                case null:
                    return null;
                case DateTime d:
                    return d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime();
                case DateTimeOffset o:
                    return o.UtcDateTime;
                default:
                    var text = raw.ToString();
                    if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    {
                        return parsed.UtcDateTime;
                    }

                    throw new StsToolsException("InvalidExpiration", ErrorKind.InvalidData,
                        $"The expiration '{text}' is not a date (RFC 3339, e.g. 2026-11-23T12:00:00Z).") { Target = text };
            }
        }

        private static string? AccountFromArn(string? arn)
        {
            var parts = arn?.Split(':');
            return parts != null && parts.Length > 4 && parts[4].Length == 12 ? parts[4] : null;
        }
    }
}

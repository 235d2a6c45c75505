using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using StsTools.Completion;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns credentials you already have into an StsCredential.</para>
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "StsCredential", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(StsCredential))]
    public sealed class ConvertToStsCredentialCommand : StsCmdlet
    {
        private const string InputObjectSet = "InputObject";
        private const string ExplicitSet = "Explicit";
        private const string EnvironmentSet = "FromEnvironment";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ExplicitSet)]
        [ValidateNotNullOrEmpty]
        public string? AccessKeyId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ExplicitSet)]
        [ValidateNotNullOrEmpty]
        public string? SecretAccessKey { get; set; }

        [Parameter(ParameterSetName = ExplicitSet)]
        public string? SessionToken { get; set; }

        [Parameter(ParameterSetName = ExplicitSet)]
        public DateTime? Expiration { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = EnvironmentSet)]
        public SwitchParameter FromEnvironment { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        private string? _region;

        protected override void BeginProcessing()
        {
            // Checked once, first: a mistyped region stops the cmdlet before it reads any input.
            try
            {
                _region = Region == null ? null : RegionArguments.Check(Region, allowGlobal: true);
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        protected override void ProcessRecord()
        {
            try
            {
                var credentials = ParameterSetName switch
                {
                    ExplicitSet => FromExplicit(),
                    EnvironmentSet => FromEnvironmentVariables(),
                    _ => FromObject(InputObject!),
                };
                if (_region != null)
                {
                    credentials.Region = _region;
                }

                WriteObject(CredentialMapper.ToStsCredential(credentials));
            }
            catch (StsToolsException e)
            {
                // Pipelines of several objects: one bad object is reported, the rest still convert.
                if (ParameterSetName == InputObjectSet)
                {
                    Report(e);
                }
                else
                {
                    Fail(e);
                }
            }
        }

        private TemporaryCredentials FromExplicit()
        {
            var c = CredentialValidation.Create(AccessKeyId, SecretAccessKey, SessionToken, Expiration);
            c.Source = CredentialSource.Environment;
            return c;
        }

        private static TemporaryCredentials FromEnvironmentVariables()
        {
            string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
            var accessKeyId = Env("AWS_ACCESS_KEY_ID");
            if (accessKeyId == null)
            {
                throw new StsToolsException("NoCredentialsInEnvironment", ErrorKind.ObjectNotFound,
                    "AWS_ACCESS_KEY_ID is not set in this process's environment.");
            }

            var token = Env("AWS_SESSION_TOKEN") ?? Env("AWS_SECURITY_TOKEN");
            var c = CredentialValidation.Create(accessKeyId, Env("AWS_SECRET_ACCESS_KEY"), token, ParseDate(Env("AWS_CREDENTIAL_EXPIRATION")));
            c.Source = CredentialSource.Environment;
            c.Region = Env("AWS_REGION") ?? Env("AWS_DEFAULT_REGION");
            return c;
        }

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

        private static DateTime? ParseDate(object? value)
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

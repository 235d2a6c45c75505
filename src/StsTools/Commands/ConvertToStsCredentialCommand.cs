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

        private static TemporaryCredentials FromObject(PSObject input) => CredentialInput.FromObject(input);

        private static DateTime? ParseDate(object? value) => CredentialInput.ParseDate(value);
    }
}

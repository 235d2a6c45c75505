using System;
using System.Management.Automation;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Exporters;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Runs a script block with a credential in the process environment and puts the previous
    /// environment back afterwards, even when the block fails or is stopped.</para>
    /// </summary>
    [Cmdlet(VerbsOther.Use, "StsCredential")]
    [OutputType(typeof(object))]
    public sealed class UseStsCredentialCommand : StsCmdlet
    {
        // Not positional: `$c | Use-StsCredential { … }` binds the block by position and the credential by pipeline.
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? Credential { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public ScriptBlock? ScriptBlock { get; set; }

        protected override void ProcessRecord()
        {
            object? snapshot;
            try
            {
                snapshot = Enter();
            }
            catch (StsToolsException e)
            {
                Fail(e);
                return;
            }

            try
            {
                // Output, errors and the other streams of the block flow to this command's caller as they come.
                var output = InvokeCommand.InvokeScript(false, ScriptBlock, null);
                WriteObject(output, enumerateCollection: true);
            }
            finally
            {
                Leave(snapshot);
            }
        }

        // object-typed so this class's surface never names an engine type (see ARCHITECTURE.md).
        private object Enter()
        {
            var input = Credential!.BaseObject as StsCredential;
            var c = input != null ? CredentialMapper.ToEngine(input) : CredentialInput.FromObject(Credential);
            ExportedVariables.EnsureExportable(c, DateTime.UtcNow);
            var snapshot = EnvironmentSnapshot.CaptureCredentialVariables();
            ProcessEnvironmentExporter.Export(c, clearProfile: true);
            WriteVerbose($"Running the script block with {TemporaryCredentials.ShortenKeyId(c.AccessKeyId)} in the environment.");
            return snapshot;
        }

        private void Leave(object snapshot)
        {
            ((EnvironmentSnapshot)snapshot).Restore();
            WriteVerbose("Restored the previous AWS environment variables.");
        }
    }
}

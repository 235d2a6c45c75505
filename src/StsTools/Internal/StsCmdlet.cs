using System;
using System.Management.Automation;
using StsTools.Engine.Errors;

namespace StsTools.Internal
{
    /// <summary>
    /// Base of every StsTools cmdlet: turns engine failures into ErrorRecords with stable ids, and owns the
    /// cancellation token that StopProcessing (Ctrl+C) trips.
    /// </summary>
    public abstract class StsCmdlet : PSCmdlet
    {
        private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();

        /// <summary>Tripped by Ctrl+C; pass it to every engine call that may wait.</summary>
        protected System.Threading.CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Stops the cmdlet with an error that has its own id. Nothing after it runs.</summary>
        protected void Fail(string errorId, ErrorCategory category, string message, object? target = null) =>
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), errorId, category, target));

        /// <summary>Reports an error and goes on with the next input.</summary>
        protected void Report(string errorId, ErrorCategory category, string message, object? target = null) =>
            WriteError(new ErrorRecord(new PSInvalidOperationException(message), errorId, category, target));

        /// <summary>
        /// Whether WriteVerbose would show anything: -Verbose, else $VerbosePreference where the cmdlet runs (which a
        /// calling advanced function's -Verbose sets). Lets background calls skip posting messages nobody sees; each
        /// post wakes the pipeline thread.
        /// </summary>
        protected bool VerboseWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var bound))
            {
                return bound is SwitchParameter verbose ? verbose.IsPresent : LanguagePrimitives.IsTrue(bound);
            }

            return GetVariableValue("VerbosePreference") is ActionPreference preference &&
                preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        /// <summary>Whether ShouldProcess will only say what it would do: -WhatIf, else $WhatIfPreference where the
        /// cmdlet runs. Lets a cmdlet stop before calls that only serve the real change.</summary>
        protected bool WhatIfWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
            {
                return bound is SwitchParameter whatIf ? whatIf.IsPresent : LanguagePrimitives.IsTrue(bound);
            }

            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        protected void Fail(StsToolsException e) => ThrowTerminatingError(ErrorRecords.From(e));

        protected void Report(StsToolsException e) => WriteError(ErrorRecords.From(e));
    }
}

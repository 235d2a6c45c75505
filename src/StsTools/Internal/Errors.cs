using System;
using System.Management.Automation;
using StsTools.Engine.Errors;

namespace StsTools.Internal
{
    /// <summary>Any failure of a call as an ErrorRecord: the engine's own with their ids; anything else (a bug, an
    /// SDK surprise) with id CallFailed and the exception's message, which never carries a secret.</summary>
    internal static class Errors
    {
        public static ErrorRecord ToRecord(Exception e, object? target)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                e = aggregate.InnerExceptions[0];
            }

            if (e is StsToolsException sts)
            {
                return ErrorRecords.From(sts);
            }

            return new ErrorRecord(e, "CallFailed", ErrorCategory.NotSpecified, target)
            {
                ErrorDetails = new ErrorDetails($"{target}: {e.GetType().Name}: {e.Message}"),
            };
        }
    }
}

using System.Management.Automation;
using System.Text;
using StsTools.Engine.Errors;

namespace StsTools.Internal
{
    /// <summary>Engine errors as PowerShell ErrorRecords: the engine's id is the FullyQualifiedErrorId, and the
    /// AWS code, request id, cause and remedy are in the message and the recommended action.</summary>
    internal static class ErrorRecords
    {
        internal static ErrorRecord From(StsToolsException e)
        {
            var record = new ErrorRecord(e, e.ErrorId, Map(e.Kind), e.Target);
            var details = new StringBuilder(e.Message);
            if (e.AwsErrorCode != null)
            {
                details.Append(" [AWS ").Append(e.AwsErrorCode);
                if (e.RequestId != null)
                {
                    details.Append(", request id ").Append(e.RequestId);
                }

                details.Append(']');
            }

            if (e.Cause != null)
            {
                details.Append(" Likely cause: ").Append(e.Cause);
            }

            record.ErrorDetails = new ErrorDetails(details.ToString());
            if (e.Remedy != null)
            {
                record.ErrorDetails.RecommendedAction = e.Remedy;
            }

            return record;
        }

        internal static ErrorCategory Map(ErrorKind kind) => kind switch
        {
            ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ErrorKind.InvalidData => ErrorCategory.InvalidData,
            ErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
            ErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
            ErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            ErrorKind.AuthenticationError => ErrorCategory.AuthenticationError,
            ErrorKind.ConnectionError => ErrorCategory.ConnectionError,
            ErrorKind.OperationTimeout => ErrorCategory.OperationTimeout,
            ErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
            ErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
            ErrorKind.WriteError => ErrorCategory.WriteError,
            ErrorKind.ReadError => ErrorCategory.ReadError,
            ErrorKind.SecurityError => ErrorCategory.SecurityError,
            _ => ErrorCategory.NotSpecified,
        };
    }
}

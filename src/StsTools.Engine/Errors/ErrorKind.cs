namespace StsTools.Engine.Errors
{
    /// <summary>The engine's error categories; the cmdlets map them onto PowerShell's ErrorCategory.</summary>
    public enum ErrorKind
    {
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        ObjectNotFound,
        PermissionDenied,
        AuthenticationError,
        ConnectionError,
        OperationTimeout,
        LimitsExceeded,
        ResourceUnavailable,
        WriteError,
        ReadError,
        SecurityError,
        NotSpecified,
    }
}

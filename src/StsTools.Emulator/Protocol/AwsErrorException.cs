namespace StsTools.Emulator.Protocol;

/// <summary>An AWS error to send back in the protocol of the service that was called.</summary>
public sealed class AwsErrorException : Exception
{
    public AwsErrorException(string code, string message, int statusCode = 400, bool isSenderFault = true)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
        IsSenderFault = isSenderFault;
    }

    public string Code { get; }
    public int StatusCode { get; }
    public bool IsSenderFault { get; }

    public static AwsErrorException Validation(string message) => new("ValidationError", message);

    public static AwsErrorException AccessDenied(string message) => new("AccessDenied", message, 403);
}

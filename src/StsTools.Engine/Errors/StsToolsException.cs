using System;

namespace StsTools.Engine.Errors
{
    /// <summary>
    /// Every failure the engine reports: a stable error id (the cmdlets' FullyQualifiedErrorId), a category, and
    /// for AWS errors the AWS code and request id, with the likely cause and remedy. Never carries a secret.
    /// </summary>
    public class StsToolsException : Exception
    {
        public StsToolsException(string errorId, ErrorKind kind, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
        }

        /// <summary>Stable identifier, e.g. <c>InvalidRoleArn</c> or <c>AwsAccessDenied</c>.</summary>
        public string ErrorId { get; }

        public ErrorKind Kind { get; }

        /// <summary>The AWS error code (e.g. <c>InvalidClientTokenId</c>) when AWS answered with an error.</summary>
        public string? AwsErrorCode { get; set; }

        public string? RequestId { get; set; }

        public int? HttpStatus { get; set; }

        /// <summary>What most likely caused it, in the user's terms.</summary>
        public string? Cause { get; set; }

        /// <summary>What to do about it.</summary>
        public string? Remedy { get; set; }

        /// <summary>The value the user gave that was wrong (never a secret), for the ErrorRecord's target.</summary>
        public object? Target { get; set; }
    }
}

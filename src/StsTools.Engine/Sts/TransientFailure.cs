using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;

namespace StsTools.Engine.Sts
{
    /// <summary>
    /// Which failures justify trying another endpoint (seed 003): no connection, no answer in time, 5xx, throttling
    /// — after the SDK's own retries. Never an authentication or validation error: those would fail anywhere.
    /// </summary>
    internal static class TransientFailure
    {
        private static readonly string[] s_throttlingCodes =
        {
            "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled",
            "ServiceUnavailable", "InternalFailure", "InternalError", "RequestTimeout", "RequestTimeoutException",
        };

        public static bool IsTransient(Exception e, out string reason)
        {
            switch (e)
            {
                case AmazonServiceException service when (int)service.StatusCode >= 500:
                    reason = $"HTTP {(int)service.StatusCode} {service.ErrorCode}".TrimEnd();
                    return true;
                case AmazonServiceException service when Array.IndexOf(s_throttlingCodes, service.ErrorCode) >= 0:
                    reason = service.ErrorCode;
                    return true;
                case AmazonServiceException service when service.StatusCode == 0 || string.IsNullOrEmpty(service.ErrorCode):
                    // No AWS answer at all: the SDK wraps network failures this way.
                    if (service.InnerException != null && IsTransient(service.InnerException, out reason))
                    {
                        return true;
                    }

                    reason = "no valid answer";
                    return service.StatusCode == 0;
                case HttpRequestException _:
                case IOException _:
                case SocketException _:
                case WebException _:
                case TimeoutException _:
                case OperationCanceledException _:
                    reason = Innermost(e);
                    return true;
                case AmazonClientException client when client.InnerException != null:
                    return IsTransient(client.InnerException, out reason);
                default:
                    reason = e.Message;
                    return false;
            }
        }

        private static string Innermost(Exception e)
        {
            if (e is OperationCanceledException || e is TimeoutException)
            {
                return "timed out";
            }

            while (e.InnerException != null)
            {
                e = e.InnerException;
            }

            return e.Message;
        }
    }
}

using System.Net;
using Amazon.Runtime;

namespace StsTools.Engine.Tests.AssumeRole;

/// <summary>What moves a call to the next region (seed 003) and what never does.</summary>
public sealed class TransientFailureTests
{
    private static bool Transient(Exception e) => StsTools.Engine.Sts.TransientFailure.IsTransient(e, out _);

    [Fact]
    public void Network_failures_5xx_and_throttling_fail_over()
    {
        Assert.True(Transient(new HttpRequestException("connection refused")));
        Assert.True(Transient(new TaskCanceledException()));
        Assert.True(Transient(new AmazonServiceException("x") { StatusCode = HttpStatusCode.ServiceUnavailable, ErrorCode = "ServiceUnavailable" }));
        Assert.True(Transient(new AmazonServiceException("x") { StatusCode = HttpStatusCode.BadRequest, ErrorCode = "Throttling" }));
    }

    [Fact]
    public void Authentication_and_validation_errors_never_do()
    {
        Assert.False(Transient(new AmazonServiceException("x") { StatusCode = HttpStatusCode.Forbidden, ErrorCode = "AccessDenied" }));
        Assert.False(Transient(new AmazonServiceException("x") { StatusCode = HttpStatusCode.Forbidden, ErrorCode = "InvalidClientTokenId" }));
        Assert.False(Transient(new AmazonServiceException("x") { StatusCode = HttpStatusCode.BadRequest, ErrorCode = "ValidationError" }));
    }
}

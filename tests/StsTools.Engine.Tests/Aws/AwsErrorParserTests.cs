using StsTools.Engine.Aws;

namespace StsTools.Engine.Tests.Aws;

public sealed class AwsErrorParserTests
{
    [Fact]
    public void Query_ErrorResponse()
    {
        var (code, message, id) = AwsErrorParser.Parse(AwsProtocol.Query,
            "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error><RequestId>r-1</RequestId></ErrorResponse>");
        Assert.Equal(("AccessDenied", "no", "r-1"), (code, message, id));
    }

    [Fact]
    public void Ec2_Response_Errors()
    {
        var (code, message, id) = AwsErrorParser.Parse(AwsProtocol.Ec2Query,
            "<Response><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message></Error></Errors><RequestID>r-2</RequestID></Response>");
        Assert.Equal(("AuthFailure", "AWS was not able to validate the provided access credentials", "r-2"), (code, message, id));
    }

    [Theory]
    [InlineData("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"message\":\"no\"}")]
    [InlineData("{\"code\":\"AccessDeniedException:http://internal.amazon.com/coral/\",\"Message\":\"no\"}")]
    public void Rest_json_body(string body)
    {
        var (code, message, _) = AwsErrorParser.Parse(AwsProtocol.RestJson, body);
        Assert.Equal(("AccessDeniedException", "no"), (code, message));
    }
}

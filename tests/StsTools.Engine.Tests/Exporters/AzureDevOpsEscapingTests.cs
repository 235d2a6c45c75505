using StsTools.Engine.Credentials;
using StsTools.Engine.Exporters;

namespace StsTools.Engine.Tests.Exporters;

public sealed class AzureDevOpsEscapingTests
{
    [Theory]
    [InlineData("plain/+=", "plain/+=")]
    [InlineData("a;b", "a%3Bb")]
    [InlineData("a]b", "a%5Db")]
    [InlineData("a\r\nb", "a%0D%0Ab")]
    [InlineData("100%", "100%AZP25")]
    [InlineData("%3B;", "%AZP253B%3B")]
    public void Escapes_what_the_agent_unescapes(string value, string escaped)
    {
        Assert.Equal(escaped, AzureDevOpsEscaping.Escape(value));
        Assert.Equal(value, AgentUnescape(escaped));
    }

    [Fact]
    public void Secrets_are_registered_before_any_variable_and_marked_secret()
    {
        var c = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE", "se;cr]et%", "tok\nen", new DateTime(2099, 1, 2, 3, 4, 5, DateTimeKind.Utc)) { Region = "eu-west-1" };
        var lines = AzureDevOpsExporter.Commands(c);
        Assert.Equal(new[]
        {
            "##vso[task.setsecret]se%3Bcr%5Det%AZP25",
            "##vso[task.setsecret]tok%0Aen",
            "##vso[task.setvariable variable=AWS_ACCESS_KEY_ID]ASIAIOSFODNN7EXAMPLE",
            "##vso[task.setvariable variable=AWS_SECRET_ACCESS_KEY;issecret=true]se%3Bcr%5Det%AZP25",
            "##vso[task.setvariable variable=AWS_SESSION_TOKEN;issecret=true]tok%0Aen",
            "##vso[task.setvariable variable=AWS_CREDENTIAL_EXPIRATION]2099-01-02T03:04:05Z",
            "##vso[task.setvariable variable=AWS_REGION]eu-west-1",
            "##vso[task.setvariable variable=AWS_DEFAULT_REGION]eu-west-1",
        }, lines);
    }

    private static string AgentUnescape(string escaped) => StsTools.Tests.Shared.Ci.AzureDevOpsCommandParser.Unescape(escaped);
}

using StsTools.Engine.Credentials;

namespace StsTools.Engine.Tests.Credentials;

public sealed class TokenVersionHintTests
{
    [Theory]
    [InlineData("IQoJb3JpZ2luX2VjEXAMPLE", TokenVersion.V2)]
    [InlineData("FwoGZXIvYXdzEXAMPLE", TokenVersion.V1)]
    [InlineData("FQoGZXIvYXdzEXAMPLE", TokenVersion.V1)]
    [InlineData("AQoDYXdzEXAMPLE", TokenVersion.V1)]
    [InlineData("FQoDYXdzEXAMPLE", TokenVersion.V1)]
    [InlineData("SomethingElse", TokenVersion.Unknown)]
    [InlineData("", TokenVersion.Unknown)]
    [InlineData(null, TokenVersion.Unknown)]
    public void Prefix_tells_the_version(string? token, TokenVersion expected) =>
        Assert.Equal(expected, TokenVersionHint.FromToken(token));

    [Fact]
    public void ToString_never_shows_secret_or_token()
    {
        var c = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE", "wJalrSECRETKEY", "IQoJb3JpZ2luTOKEN", DateTime.UtcNow.AddHours(1)) { Arn = "arn:aws:sts::111111111111:assumed-role/R/s" };
        var text = c.ToString();
        Assert.DoesNotContain("wJalrSECRETKEY", text);
        Assert.DoesNotContain("IQoJb3JpZ2luTOKEN", text);
        Assert.Contains("ASIA…MPLE", text);
    }
}

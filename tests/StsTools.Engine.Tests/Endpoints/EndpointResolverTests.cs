using StsTools.Engine.Endpoints;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Tests.Endpoints;

public sealed class EndpointResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("sts", "me-south-1", "https://sts.me-south-1.amazonaws.com/", "me-south-1")]
    [InlineData("sts", "aws-global", "https://sts.amazonaws.com/", "us-east-1")]
    [InlineData("sts", "cn-north-1", "https://sts.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("iam", "eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("iam", "cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("iam", "us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    [InlineData("account", "ap-east-1", "https://account.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("ec2", "me-south-1", "https://ec2.me-south-1.amazonaws.com/", "me-south-1")]
    [InlineData("rolesanywhere", "eu-central-1", "https://rolesanywhere.eu-central-1.amazonaws.com/", "eu-central-1")]
    public void Default_endpoints_are_AWS_host_names(string service, string region, string url, string signingRegion)
    {
        var e = EndpointResolver.Resolve(service, region, environment: Env());
        Assert.Equal(url, e.Url.ToString());
        Assert.Equal(signingRegion, e.SigningRegion);
        Assert.False(e.IsCustom);
    }

    [Fact]
    public void Region_placeholder_is_filled_and_global_becomes_aws_global()
    {
        var regional = EndpointResolver.Resolve("sts", "me-south-1", "http://127.0.0.1:4566/{region}/", Env());
        var global = EndpointResolver.ResolveGlobalSts("us-east-1", "http://127.0.0.1:4566/{region}/", Env());
        Assert.Equal("http://127.0.0.1:4566/me-south-1/", regional.Url.ToString());
        Assert.Equal("http://127.0.0.1:4566/aws-global/", global.Url.ToString());
        Assert.Equal("us-east-1", global.SigningRegion);
        Assert.Equal("global", global.IssuedBy);
        Assert.True(global.IsCustom);
    }

    [Fact]
    public void Explicit_url_beats_service_variable_which_beats_the_general_one()
    {
        var env = Env(("AWS_ENDPOINT_URL_STS", "http://sts.local/{region}/"), ("AWS_ENDPOINT_URL", "http://all.local/"));
        Assert.Equal("http://x.local/", EndpointResolver.Resolve("sts", "us-east-1", "http://x.local/", env).Url.ToString());
        Assert.Equal("http://sts.local/us-west-2/", EndpointResolver.Resolve("sts", "us-west-2", null, env).Url.ToString());
        Assert.Equal("http://all.local/", EndpointResolver.Resolve("iam", "us-west-2", null, env).Url.ToString());
        var ignored = Env(("AWS_ENDPOINT_URL_STS", "http://sts.local/"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
        Assert.Equal("https://sts.us-west-2.amazonaws.com/", EndpointResolver.Resolve("sts", "us-west-2", null, ignored).Url.ToString());
    }

    [Theory]
    [InlineData("cn-north-1")]
    [InlineData("us-gov-west-1")]
    public void Partitions_without_a_global_endpoint_refuse_it(string region)
    {
        var e = Assert.Throws<StsToolsException>(() => EndpointResolver.ResolveGlobalSts(region, null, Env()));
        Assert.Equal("GlobalEndpointNotInPartition", e.ErrorId);
    }

    [Fact]
    public void A_custom_url_that_is_not_one_is_refused()
    {
        var e = Assert.Throws<StsToolsException>(() => EndpointResolver.Resolve("sts", "us-east-1", "not a url", Env()));
        Assert.Equal("InvalidEndpointUrl", e.ErrorId);
    }
}

using StsTools.Engine.Errors;
using StsTools.Engine.Regions;

namespace StsTools.Engine.Tests.Regions;

public sealed class RegionTableTests
{
    [Fact]
    public void Default_and_opt_in_lists_are_FACTS_section_3()
    {
        Assert.Equal(17, RegionTable.DefaultRegions.Count);
        Assert.Contains(RegionTable.DefaultRegions, r => r.Code == "ap-northeast-3");
        Assert.Equal(
            new[] { "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
                    "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1",
                    "me-central-1", "me-south-1", "me-west-1", "mx-central-1", "sa-west-1" },
            RegionTable.OptInRegions.Select(r => r.Code));
    }

    [Theory]
    [InlineData("me-south-1", "Middle East (Bahrain)", "aws", true, "https://sts.me-south-1.amazonaws.com")]
    [InlineData("US-EAST-1", "US East (N. Virginia)", "aws", false, "https://sts.us-east-1.amazonaws.com")]
    [InlineData("cn-north-1", "China (Beijing)", "aws-cn", false, "https://sts.cn-north-1.amazonaws.com.cn")]
    [InlineData("us-gov-west-1", "AWS GovCloud (US-West)", "aws-us-gov", false, "https://sts.us-gov-west-1.amazonaws.com")]
    public void Known_regions_carry_name_partition_opt_in_and_STS_endpoint(string code, string name, string partition, bool optIn, string sts)
    {
        var r = RegionTable.Get(code);
        Assert.Equal(code.ToLowerInvariant(), r.Code);
        Assert.Equal(name, r.Name);
        Assert.Equal(partition, r.Partition.Name);
        Assert.Equal(optIn, r.IsOptIn);
        Assert.Equal(sts, r.StsEndpoint);
        Assert.True(r.IsKnown);
    }

    [Theory]
    [InlineData("ap-southeast-9", true)]
    [InlineData("eu-north-2", true)]
    [InlineData("cn-southwest-1", false)]
    public void A_well_formed_region_newer_than_the_table_is_opt_in_in_partition_aws(string code, bool optIn)
    {
        var r = RegionTable.Get(code);
        Assert.False(r.IsKnown);
        Assert.Equal(optIn, r.IsOptIn);
    }

    [Theory]
    [InlineData("us-esat-1", "us-east-1")]
    [InlineData("eu-west-one", null)]
    [InlineData("not a region", null)]
    [InlineData("aws-global", null)]
    [InlineData("", null)]
    public void Anything_else_is_UnknownRegion_with_the_nearest_codes(string code, string? suggestion)
    {
        var e = Assert.Throws<StsToolsException>(() => RegionTable.Get(code));
        Assert.Equal("UnknownRegion", e.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        if (suggestion != null)
        {
            Assert.Contains("Did you mean " + suggestion, e.Message);
        }
    }
}

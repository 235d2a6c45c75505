namespace StsTools.Tests.Regions;

/// <summary>The region tests share one emulator (each test resets it first): one start instead of one per class.</summary>
[CollectionDefinition(Name)]
public sealed class RegionsCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Regions and token versions";
}

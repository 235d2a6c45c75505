namespace StsTools
{
    /// <summary>-StsEndpoint: the region's own STS endpoint (default, tokens valid in every region) or the global one.</summary>
    public enum StsEndpointKind
    {
        Regional,
        Global,
    }
}

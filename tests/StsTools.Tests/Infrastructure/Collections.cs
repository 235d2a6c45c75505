namespace StsTools.Tests.Infrastructure;

/// <summary>Tests that change process-wide state (environment variables, HOME) run one at a time in this
/// collection; everything else runs in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    public const string Name = "Process-wide state";
}

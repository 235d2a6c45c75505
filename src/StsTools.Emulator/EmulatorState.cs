using StsTools.Emulator.Auth;
using StsTools.Emulator.Clock;
using StsTools.Emulator.Faults;
using StsTools.Emulator.Logging;
using StsTools.Emulator.Oidc;
using StsTools.Emulator.World;

namespace StsTools.Emulator;

/// <summary>
/// Everything the emulator knows, shared by all endpoints: the world, the credentials it issued, the clock, the
/// faults in force, the request log and the OIDC issuers' keys. <see cref="Reset"/> returns to the state at start.
/// </summary>
public sealed class EmulatorState
{
    private readonly string? _worldPath;
    private WorldState _world;

    public EmulatorState(string? worldPath)
    {
        _worldPath = worldPath;
        _world = new WorldState(WorldLoader.Load(worldPath));
        Authenticator = new Authenticator(() => World, Tokens, Clock);
        Oidc = new OidcIssuers(() => World, Clock);
        ApplyWorldFaults();
    }

    public WorldState World => Volatile.Read(ref _world);

    /// <summary>"default" or the world file's path.</summary>
    public string WorldSource => _worldPath ?? "default";

    public EmulatorClock Clock { get; } = new();
    public TokenStore Tokens { get; } = new();
    public FaultRegistry Faults { get; } = new();
    public RequestLog Log { get; } = new();
    public Authenticator Authenticator { get; }
    public OidcIssuers Oidc { get; }

    /// <summary>Reloads the world (from a new document when given), forgets issued credentials, faults, the log and
    /// the clock offset. The OIDC signing keys stay: they are the issuers' identity, not state.</summary>
    public void Reset(WorldDocument? replacement = null)
    {
        Volatile.Write(ref _world, new WorldState(replacement ?? WorldLoader.Load(_worldPath)));
        Tokens.Clear();
        Faults.Clear();
        Log.Clear();
        Clock.Reset();
        ApplyWorldFaults();
    }

    private void ApplyWorldFaults()
    {
        foreach (var (endpoint, spec) in World.Document.Faults)
        {
            Faults.Set(endpoint, spec);
        }
    }
}

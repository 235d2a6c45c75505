using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

/// <summary>
/// One emulator and one imported module for the Roles Anywhere test classes (they run one after another, so
/// sharing the runspace is safe, and importing once keeps them inside the test-time budget). The session has
/// $ra (the default world's three ARNs, the emulator endpoint, -NoCache), $pki (the test-only PKI folder),
/// $pw (its password) and $bad (a wrong password) defined.
/// </summary>
public sealed class RolesAnywhereFixture : IDisposable
{
    public const string Password = "test-only-password";

    private readonly Lazy<ModuleSession> _session;

    public RolesAnywhereFixture()
    {
        _session = new Lazy<ModuleSession>(() =>
        {
            var session = new ModuleSession();
            session.Run(
                "$global:ra = @{ TrustAnchorArn = $args[0]; ProfileArn = $args[1]; RoleArn = $args[2]; EndpointUrl = $args[3]; NoCache = $true }; " +
                "$global:pki = $args[4]; $global:pw = [System.Security.SecureString]::new(); foreach ($c in $args[5].ToCharArray()) { $global:pw.AppendChar($c) }; " +
                "$global:bad = [System.Security.SecureString]::new(); foreach ($c in 'not-the-password'.ToCharArray()) { $global:bad.AppendChar($c) }",
                DefaultWorld.TrustAnchorArn, DefaultWorld.ProfileArn, DefaultWorld.RolesAnywhereRoleArn, Emulator.EndpointTemplate, DefaultWorld.PkiDirectory, Password).ThrowIfErrors();
            return session;
        });
    }

    public EmulatorProcess Emulator => _emulator.Emulator;

    public ModuleSession Session => _session.Value;

    private readonly EmulatorFixture _emulator = new();

    public void Dispose()
    {
        if (_session.IsValueCreated)
        {
            _session.Value.Dispose();
        }

        _emulator.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class RolesAnywhereCollection : ICollectionFixture<RolesAnywhereFixture>
{
    public const string Name = "Roles Anywhere";
}

using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

/// <summary>
/// Must-show 3: a second identical New-RolesAnywhereSession within the credentials' life reaches no endpoint;
/// -NoCache does, and so does a different request. Runs alone: it points STSTOOLS_CACHE_DIR (process-wide) at a
/// temporary directory.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class RolesAnywhereCacheTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorProcess _emulator;
    private readonly ModuleSession _session = new();
    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("ststools-ra-cache-");
    private readonly string? _previous = Environment.GetEnvironmentVariable("STSTOOLS_CACHE_DIR");

    public RolesAnywhereCacheTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        Environment.SetEnvironmentVariable("STSTOOLS_CACHE_DIR", Path.Combine(_cache.FullName, "cache"));
        _session.Run(
            "$global:ra = @{ TrustAnchorArn = $args[0]; ProfileArn = $args[1]; RoleArn = $args[2]; EndpointUrl = $args[3]; " +
            "CertificatePath = $args[4] + '/leaf-p256.pem'; PrivateKeyPath = $args[4] + '/leaf-p256.key' }",
            DefaultWorld.TrustAnchorArn, DefaultWorld.ProfileArn, DefaultWorld.RolesAnywhereRoleArn, _emulator.EndpointTemplate, DefaultWorld.PkiDirectory).ThrowIfErrors();
    }

    public void Dispose()
    {
        _session.Dispose();
        Environment.SetEnvironmentVariable("STSTOOLS_CACHE_DIR", _previous);
        _cache.Delete(recursive: true);
    }

    private int CreateSessionCalls() => _emulator.RequestLog().Count(e => e.Operation == "CreateSession");

    [Fact]
    public void A_second_identical_call_is_served_from_the_cache_and_NoCache_calls_again()
    {
        _emulator.ClearRequestLog();
        var first = _session.Run("New-RolesAnywhereSession @ra -RoleSessionName cache-test -Verbose");
        first.ThrowIfErrors();
        Assert.Equal(1, CreateSessionCalls());

        var second = _session.Run("New-RolesAnywhereSession @ra -RoleSessionName cache-test -Verbose");
        second.ThrowIfErrors();
        Assert.Equal(1, CreateSessionCalls()); // no request reached the emulator
        Assert.Contains(second.Verbose, v => v.StartsWith("Cache hit"));
        Assert.Equal(first.Output.Single().Properties["AccessKeyId"].Value, second.Output.Single().Properties["AccessKeyId"].Value);
        Assert.Equal(first.Output.Single().Properties["SubjectArn"].Value, second.Output.Single().Properties["SubjectArn"].Value);
        Assert.Equal("RolesAnywhere", second.Output.Single().Properties["Source"].Value.ToString());

        var noCache = _session.Run("New-RolesAnywhereSession @ra -RoleSessionName cache-test -NoCache");
        noCache.ThrowIfErrors();
        Assert.Equal(2, CreateSessionCalls());
        Assert.NotEqual(first.Output.Single().Properties["AccessKeyId"].Value, noCache.Output.Single().Properties["AccessKeyId"].Value);

        // Another session name or duration is another request.
        _session.Run("New-RolesAnywhereSession @ra -RoleSessionName other-name").ThrowIfErrors();
        _session.Run("New-RolesAnywhereSession @ra -RoleSessionName cache-test -DurationSeconds 1800").ThrowIfErrors();
        Assert.Equal(4, CreateSessionCalls());

        // One private file per request.
        var files = Directory.GetFiles(Path.Combine(_cache.FullName, "cache"), "rolesanywhere-*.json");
        Assert.Equal(3, files.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        }

        Assert.All(files, f => Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(f)));
    }

    [Fact]
    public void A_cached_session_close_to_expiry_is_not_reused()
    {
        _emulator.ClearRequestLog();
        _session.Run("New-RolesAnywhereSession @ra -RoleSessionName stale-test").ThrowIfErrors();
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_cache.FullName, "cache"), "rolesanywhere-*.json"),
            f => File.ReadAllText(f).Contains("/stale-test"));
        // Ten minutes left: under the 15-minute refresh window.
        var text = File.ReadAllText(file);
        var soon = DateTime.UtcNow.AddMinutes(10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var edited = System.Text.RegularExpressions.Regex.Replace(text, "\"Expiration\":\\s*\"[^\"]+\"", $"\"Expiration\":\"{soon}\"");
        Assert.NotEqual(text, edited);
        File.WriteAllText(file, edited);

        var again = _session.Run("New-RolesAnywhereSession @ra -RoleSessionName stale-test -Verbose");
        again.ThrowIfErrors();
        Assert.Equal(2, CreateSessionCalls());
        Assert.DoesNotContain(again.Verbose, v => v.StartsWith("Cache hit"));
        Assert.True((DateTime)again.Output.Single().Properties["Expiration"].Value > DateTime.UtcNow.AddMinutes(50));
    }
}

using StsTools.Engine.Errors;
using StsTools.Engine.Files;

namespace StsTools.Engine.Tests.Files;

public sealed class FileLockTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ststools-lock-").FullName;

    [Fact]
    public void A_second_holder_waits_until_the_first_releases()
    {
        var path = Path.Combine(_dir, "credentials");
        var first = FileLock.Acquire(path, TimeSpan.FromSeconds(5));
        var second = Task.Run(() => FileLock.Acquire(path, TimeSpan.FromSeconds(30)));
        Assert.False(second.Wait(200)); // still held: the second one is waiting, not failing
        first.Dispose();
        using var acquired = second.GetAwaiter().GetResult();
        Assert.True(File.Exists(FileLock.LockPathFor(path)));
    }

    [Fact]
    public void Times_out_with_its_own_error_id()
    {
        var path = Path.Combine(_dir, "credentials");
        using var held = FileLock.Acquire(path, TimeSpan.FromSeconds(5));
        var e = Assert.Throws<StsToolsException>(() => FileLock.Acquire(path, TimeSpan.FromMilliseconds(100)));
        Assert.Equal("FileLockTimeout", e.ErrorId);
    }

    [Fact]
    public void Waiting_is_cancellable()
    {
        var path = Path.Combine(_dir, "credentials");
        using var held = FileLock.Acquire(path, TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource();
        var waiting = Task.Run(() => FileLock.Acquire(path, TimeSpan.FromMinutes(5), cancel.Token));
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => waiting.GetAwaiter().GetResult());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

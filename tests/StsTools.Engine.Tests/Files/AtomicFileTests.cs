using StsTools.Engine.Files;

namespace StsTools.Engine.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ststools-atomic-").FullName;

    [Fact]
    public void Creates_the_file_and_its_directories_private()
    {
        var path = Path.Combine(_dir, "new", ".aws", "credentials");
        AtomicFile.WriteAllBytes(path, "[a]\n"u8.ToArray());
        Assert.Equal("[a]\n", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
    }

    [Fact]
    public void Replaces_an_existing_file_makes_it_private_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_dir, "credentials");
        File.WriteAllText(path, "old");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        }

        AtomicFile.WriteAllBytes(path, "new"u8.ToArray());
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

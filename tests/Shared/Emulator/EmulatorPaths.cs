using System;
using System.IO;
using System.Linq;

namespace StsTools.Testing.Emulator;

/// <summary>Where the built emulator is: src/StsTools.Emulator/bin/&lt;configuration&gt;/net10.0/, the configuration the
/// tests were built in (the test projects reference the emulator project so `dotnet test` builds it).</summary>
public static class EmulatorPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Dll { get; } = FindDll();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "StsTools.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StsTools.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindDll()
    {
        // The test assembly lives in bin/<configuration>/<tfm>/: build the emulator path with the same configuration.
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent?.Name ?? "Debug";
        var bin = Path.Combine(RepoRoot, "src", "StsTools.Emulator", "bin");
        var preferred = Path.Combine(bin, configuration, "net10.0", "StsTools.Emulator.dll");
        if (File.Exists(preferred))
        {
            return preferred;
        }

        var any = Directory.Exists(bin)
            ? Directory.GetFiles(bin, "StsTools.Emulator.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return any ?? throw new FileNotFoundException($"The emulator is not built: expected {preferred}. Run `dotnet build src/StsTools.Emulator`.");
    }
}

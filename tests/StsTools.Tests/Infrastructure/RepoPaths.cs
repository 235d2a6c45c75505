using System.Reflection;

namespace StsTools.Tests.Infrastructure;

/// <summary>Where the repository, the built module and the NuGet cache are, found from the test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The folder a user imports: <c>out/StsTools</c> (it holds the version folder).</summary>
    public static string Module => Path.Combine(Root, "out", "StsTools");

    public static string ModuleVersionDirectory =>
        Directory.GetDirectories(Module).Single(d => File.Exists(Path.Combine(d, "StsTools.psd1")));

    public static string NuGetPackageRoot { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;

    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    /// <summary>The out-of-process PowerShell host (tests/StsTools.ScriptHost), built with the tests.</summary>
    public static string ScriptHostDll => Path.Combine(Root, "tests", "StsTools.ScriptHost", "bin", Configuration, "net10.0", "StsTools.ScriptHost.dll");

    /// <summary>The tiny profile writer (tests/StsTools.ProfileWriter) for the concurrent-writers test.</summary>
    public static string ProfileWriterDll => Path.Combine(Root, "tests", "StsTools.ProfileWriter", "bin", Configuration, "net10.0", "StsTools.ProfileWriter.dll");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "StsTools.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StsTools.sln not found above " + AppContext.BaseDirectory);
    }
}

using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Module;

/// <summary>
/// AWS Tools for PowerShell (and others) load their own AWSSDK.Core into the session first. StsTools must still
/// import and work: its engine and SDK live in their own load context. Each case is a fresh process, because one
/// process can hold only one AWSSDK.Core in the default context.
/// </summary>
public sealed class CoexistenceTests
{
    public static TheoryData<string> OtherSdkVersions => new() { "3.7.402", "4.0.3.3" };

    [Theory]
    [MemberData(nameof(OtherSdkVersions))]
    public void Module_works_when_another_AWSSDK_Core_was_loaded_first(string version)
    {
        var otherCore = Path.Combine(RepoPaths.NuGetPackageRoot, "awssdk.core", version, "lib", "netstandard2.0", "AWSSDK.Core.dll");
        Assert.True(File.Exists(otherCore), "restore downloads it (PackageDownload in the test project): " + otherCore);

        const string script = """
            $other = [System.Reflection.Assembly]::LoadFrom($args[0])
            Import-Module $args[1] -ErrorAction Stop
            $c = ConvertTo-StsCredential -AccessKeyId ASIAIOSFODNN7EXAMPLE -SecretAccessKey secret -SessionToken IQoJb3JpZ2luEXAMPLE -Expiration ([datetime]::UtcNow.AddHours(1)) -ErrorAction Stop
            "token:" + $c.TokenVersion
            "other:" + $other.GetName().Version + ":" + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($other).Name
            [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'StsTools.Engine' } | ForEach-Object { "engine:" + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).GetType().Name }
            """;
        var result = ProcessRunner.RunScriptHost(script, null, otherCore, RepoPaths.Module);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("token:V2", result.StdOut);
        Assert.Contains("other:" + (version.StartsWith("3.") ? "3.3.0.0" : "4.0.0.0") + ":Default", result.StdOut);
        Assert.Contains("engine:IsolatedLoadContext", result.StdOut);
    }
}

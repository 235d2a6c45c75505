using System.Management.Automation;
using System.Management.Automation.Language;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Module;

/// <summary>The module as a user imports it: exports, help, manifest, and its Pester files parse.</summary>
public sealed class ModuleContractTests
{
    private static string[] ManifestCmdlets()
    {
        using var session = new ModuleSession(importModule: false);
        var r = session.Run("(Import-PowerShellDataFile -Path $args[0]).CmdletsToExport", Path.Combine(RepoPaths.ModuleVersionDirectory, "StsTools.psd1"));
        if (r.Output.Count == 0)
        {
            // Import-PowerShellDataFile lives in Utility, which the bare engine lacks: read the manifest through the engine itself.
            r = session.Run("(Test-ModuleManifest -Path $args[0]).ExportedCmdlets.Keys", Path.Combine(RepoPaths.ModuleVersionDirectory, "StsTools.psd1"));
        }

        return r.Output.Select(o => o.ToString()).OrderBy(s => s).ToArray();
    }

    [Fact]
    public void Import_in_a_fresh_runspace_exports_exactly_the_manifest_cmdlets()
    {
        using var session = new ModuleSession();
        var exported = session.Run("Get-Command -Module StsTools | ForEach-Object Name").Output.Select(o => o.ToString()).OrderBy(s => s).ToArray();
        var manifest = ManifestCmdlets();

        Assert.NotEmpty(manifest);
        Assert.Equal(manifest, exported);
        var kinds = session.Run("Get-Command -Module StsTools | ForEach-Object { $_.CommandType.ToString() }").Output.Select(o => o.ToString()).Distinct();
        Assert.Equal(new[] { "Cmdlet" }, kinds);
    }

    [Fact]
    public void Manifest_exports_every_cmdlet_class_and_nothing_by_wildcard()
    {
        var manifestText = File.ReadAllText(Path.Combine(RepoPaths.Root, "module", "StsTools.psd1"));
        Assert.DoesNotContain("'*'", manifestText);
        using var session = new ModuleSession();
        // Every [Cmdlet] class in the assembly is exported (none forgotten in the manifest).
        var classes = session.Run(
            "(Get-Module StsTools).ImplementingAssembly.GetTypes() | Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).Count -gt 0 } | " +
            "ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; $a.VerbName + '-' + $a.NounName }")
            .Output.Select(o => o.ToString()).OrderBy(s => s).ToArray();
        Assert.Equal(ManifestCmdlets(), classes);
        var manifest = session.Run("Get-Module StsTools | ForEach-Object { $_.CompatiblePSEditions -join ','; $_.PowerShellVersion.ToString(); $_.Version.ToString() }").Output.Select(o => o.ToString()).ToArray();
        Assert.Equal("Desktop,Core", manifest[0]);
        Assert.Equal("5.1", manifest[1]);
        Assert.Equal(Path.GetFileName(RepoPaths.ModuleVersionDirectory), manifest[2]);
    }

    [Fact]
    public void Every_cmdlet_has_help_with_a_synopsis_a_description_every_parameter_and_an_example()
    {
        using var session = new ModuleSession();
        var names = session.Run("Get-Command -Module StsTools | ForEach-Object Name").Output.Select(o => o.ToString()).ToArray();
        var problems = new List<string>();
        foreach (var name in names)
        {
            var help = session.Run("Get-Help -Name $args[0] -Full", name).Output.Single();
            var synopsis = help.Properties["Synopsis"]?.Value?.ToString()?.Trim() ?? "";
            if (synopsis.Length == 0 || synopsis.StartsWith(name, StringComparison.OrdinalIgnoreCase) && synopsis.Contains('['))
            {
                problems.Add($"{name}: no synopsis");
            }

            var description = session.Run("(Get-Help -Name $args[0] -Full).description | ForEach-Object Text", name).Output;
            if (description.Count == 0) problems.Add($"{name}: no description");
            var examples = session.Run("@((Get-Help -Name $args[0] -Examples).examples.example).Count", name).Output.Single();
            if ((int)examples.BaseObject < 1) problems.Add($"{name}: no example");

            var parameters = session.Run(
                "$c = Get-Command $args[0]; $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters; " +
                "$c.Parameters.Keys | Where-Object { $_ -notin $common }", name).Output.Select(o => o.ToString()).ToArray();
            foreach (var p in parameters)
            {
                var text = session.Run("(Get-Help -Name $args[0] -Parameter $args[1]).description | ForEach-Object Text", name, p).Output;
                if (text.Count == 0 || string.IsNullOrWhiteSpace(string.Concat(text))) problems.Add($"{name} -{p}: not described");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void About_topic_is_shipped()
    {
        using var session = new ModuleSession();
        Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleVersionDirectory, "en-US", "about_StsTools.help.txt")));
        var text = File.ReadAllText(Path.Combine(RepoPaths.ModuleVersionDirectory, "en-US", "about_StsTools.help.txt"));
        Assert.Contains("about_StsTools", text);
    }

    [Fact]
    public void Engine_and_AWS_SDK_ship_under_Dependencies_not_beside_the_cmdlets()
    {
        var dir = RepoPaths.ModuleVersionDirectory;
        Assert.True(File.Exists(Path.Combine(dir, "StsTools.dll")));
        Assert.False(File.Exists(Path.Combine(dir, "StsTools.Engine.dll")));
        Assert.False(File.Exists(Path.Combine(dir, "AWSSDK.Core.dll")));
        foreach (var f in new[] { "StsTools.Engine.dll", "AWSSDK.Core.dll", "AWSSDK.SecurityToken.dll" })
        {
            Assert.True(File.Exists(Path.Combine(dir, "Dependencies", f)), f);
            Assert.True(File.Exists(Path.Combine(dir, "Dependencies", "netstandard2.0", f)), "netstandard2.0/" + f);
        }
    }

    [Fact]
    public void PowerShell_7_gets_the_AWS_SDKs_net8_build_precompiled_and_Windows_PowerShell_its_netstandard_build()
    {
        var dependencies = Path.Combine(RepoPaths.ModuleVersionDirectory, "Dependencies");
        Assert.Equal(".NETCoreApp,Version=v8.0", TargetFrameworkOf(Path.Combine(dependencies, "AWSSDK.Core.dll")));
        Assert.Equal(".NETStandard,Version=v2.0", TargetFrameworkOf(Path.Combine(dependencies, "netstandard2.0", "AWSSDK.Core.dll")));
        foreach (var f in new[] { "StsTools.Engine.dll", "AWSSDK.Core.dll", "AWSSDK.SecurityToken.dll" })
        {
            Assert.True(IsReadyToRun(Path.Combine(dependencies, f)), f + " is not ReadyToRun-compiled");
            Assert.False(IsReadyToRun(Path.Combine(dependencies, "netstandard2.0", f)), "netstandard2.0/" + f + " must stay plain IL (Windows PowerShell)");
        }

        // This host is PowerShell 7.6 (.NET 10): a call loads the engine and the SDK from Dependencies/ itself.
        using var session = new ModuleSession();
        var loaded = session.Run(
            "$null = Invoke-StsAssumeRole -RoleArn arn:aws:iam::111122223333:role/Nowhere -Credential (ConvertTo-StsCredential -AccessKeyId AKIAIOSFODNN7EXAMPLE -SecretAccessKey x -Region us-east-1) " +
            "-EndpointUrl http://127.0.0.1:9/ -NoCache -ErrorAction SilentlyContinue; " +
            "[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'StsTools.Engine', 'AWSSDK.Core' } | ForEach-Object Location")
            .Output.Select(o => o.ToString()).ToList();
        Assert.Equal(2, loaded.Count);
        Assert.All(loaded, location => Assert.Equal(dependencies, Path.GetDirectoryName(location)));
    }

    private static string? TargetFrameworkOf(string path)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("inspect", isCollectible: true);
        try
        {
            using var stream = File.OpenRead(path);
            return context.LoadFromStream(stream).GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false)
                .Cast<System.Runtime.Versioning.TargetFrameworkAttribute>().SingleOrDefault()?.FrameworkName;
        }
        finally
        {
            context.Unload();
        }
    }

    // A ReadyToRun image carries a managed native header (precompiled code) beside its IL.
    private static bool IsReadyToRun(string path)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    [Fact]
    public void Cmdlets_assembly_exposes_no_AWS_SDK_type()
    {
        using var session = new ModuleSession();
        var leaks = session.Run(
            "$asm = (Get-Module StsTools).ImplementingAssembly; " +
            "foreach ($t in $asm.GetExportedTypes()) { " +
            "  $members = @($t.BaseType) + @($t.GetProperties() | ForEach-Object PropertyType) + @($t.GetMethods() | ForEach-Object { $_.ReturnType; $_.GetParameters() | ForEach-Object ParameterType }) + @($t.GetFields() | ForEach-Object FieldType); " +
            "  foreach ($m in $members) { if ($m -and $m.Assembly.GetName().Name -like 'AWSSDK*') { $t.FullName + ' -> ' + $m.FullName } } }")
            .Output.Select(o => o.ToString()).ToArray();
        Assert.Empty(leaks);
        var referenced = session.Run("(Get-Module StsTools).ImplementingAssembly.GetReferencedAssemblies() | ForEach-Object Name").Output.Select(o => o.ToString());
        Assert.DoesNotContain(referenced, n => n.StartsWith("AWSSDK", StringComparison.Ordinal));
    }

    [Fact]
    public void Importing_loads_no_AWS_SDK_assembly()
    {
        var result = ProcessRunner.RunScriptHost(
            "Import-Module $args[0]; [AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name } | Where-Object { $_ -like 'AWSSDK*' }",
            null, RepoPaths.Module);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("AWSSDK", result.StdOut);
    }

    [Fact]
    public void Every_Pester_file_parses()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "pester"), "*.Tests.ps1");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Parser.ParseFile(file, out _, out var errors);
            Assert.True(errors.Length == 0, $"{Path.GetFileName(file)}: " + string.Join("; ", errors.Select(e => $"line {e.Extent.StartLineNumber}: {e.Message}")));
        }
    }
}

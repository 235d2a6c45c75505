using System.Collections;
using System.Security.Cryptography;
using StsTools.Testing.Emulator;

namespace StsTools.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    /// <summary>QUALITY.md "bad input": every case of <see cref="BadInputTable"/> gives its own error id, and nothing
    /// reaches the emulator, changes the process environment, or touches a file (config, credentials, both caches).</summary>
    [Fact]
    public void Every_bad_input_fails_with_its_own_error_id_before_any_request_environment_change_or_file_write()
    {
        File.WriteAllText(_sandbox.ConfigFile, BadInputTable.ConfigFile);
        File.WriteAllText(_sandbox.CredentialsFile, BadInputTable.CredentialsFile);
        File.WriteAllText(Path.Combine(_sandbox.Root, "empty.jwt"), "");
        File.WriteAllText(Path.Combine(_sandbox.Root, "notcert.pem"), "not a certificate\n");
        Directory.CreateDirectory(_sandbox.CliCache);
        File.WriteAllText(Path.Combine(_sandbox.CliCache, "0bb330519131ddf196eac5c6c22d3eb9a53f02dd.json"), "{\"Credentials\": {}}\n");
        Directory.CreateDirectory(_sandbox.OwnCache);
        File.WriteAllText(Path.Combine(_sandbox.OwnCache, "sentinel.json"), "{}\n");
        _fixture.AssumeReadOnly("chain");

        var cases = BadInputTable.Cases;
        var failures = new List<string>();
        foreach (var bad in cases)
        {
            if (bad.Keys) _sandbox.UseAliceKeys();
            else
            {
                Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
                Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
            }

            var environment = EnvironmentSnapshot();
            var files = FileSnapshot(_sandbox.Root);
            _emulator.ClearRequestLog();

            var r = _session.Run(bad.Script);

            var id = r.FirstErrorId;
            if (id != bad.FullyQualifiedErrorId) failures.Add($"{bad}\n    expected {bad.FullyQualifiedErrorId}, got {id ?? "no error"}: {Describe(r)}");
            if (r.Output.Count > 0) failures.Add($"{bad}\n    wrote output: {string.Join(", ", r.Output)}");
            var requests = _emulator.RequestLog();
            if (requests.Count > 0) failures.Add($"{bad}\n    {requests.Count} request(s) reached the emulator: {string.Join(", ", requests.Select(q => q.Endpoint + " " + q.Operation))}");
            var environmentAfter = EnvironmentSnapshot();
            foreach (var name in environment.Keys.Union(environmentAfter.Keys).Where(n => environment.GetValueOrDefault(n) != environmentAfter.GetValueOrDefault(n)))
                failures.Add($"{bad}\n    changed the environment variable {name}");
            var filesAfter = FileSnapshot(_sandbox.Root);
            foreach (var path in files.Keys.Union(filesAfter.Keys).Where(p => files.GetValueOrDefault(p) != filesAfter.GetValueOrDefault(p)))
                failures.Add($"{bad}\n    changed the file {path}");
        }

        // Ids are distinct across the table, except between variants of one mistake (the same id on different cmdlets
        // is a different FullyQualifiedErrorId: the cmdlet's class is part of it).
        foreach (var group in cases.GroupBy(c => c.FullyQualifiedErrorId).Where(g => g.Select(c => c.Mistake).Distinct().Count() > 1))
            failures.Add($"{group.Key} is shared by different mistakes: {string.Join("; ", group.Select(c => c.Mistake).Distinct())}");

        Report($"bad inputs tried: {cases.Count} ({cases.Select(c => c.Cmdlet).Distinct().Count()} cmdlets, {cases.Select(c => c.FullyQualifiedErrorId).Distinct().Count()} distinct error ids)");
        Assert.True(cases.Count >= 60, $"the table has {cases.Count} cases; QUALITY.md asks for at least 60");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Dictionary<string, string?> EnvironmentSnapshot()
    {
        var prefixes = new[] { "AWS_", "STSTOOLS_", "GITHUB_", "ACTIONS_", "SYSTEM_" };
        return Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: (string?)e.Value))
            .Where(e => e.Name is "HOME" or "TF_BUILD" || prefixes.Any(p => e.Name.StartsWith(p, StringComparison.Ordinal)))
            .ToDictionary(e => e.Name, e => e.Value);
    }

    /// <summary>Every file and directory under <paramref name="root"/>: path → SHA-256 of the bytes ("dir" for directories).</summary>
    private static Dictionary<string, string> FileSnapshot(string root)
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)) snapshot[dir] = "dir";
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            snapshot[file] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return snapshot;
    }
}

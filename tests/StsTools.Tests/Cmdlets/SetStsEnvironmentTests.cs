using System.Management.Automation;
using StsTools.Tests.Infrastructure;
using StsTools.Tests.Shared.Ci;

namespace StsTools.Tests.Cmdlets;

/// <summary>Set-StsEnvironment's targets that change this process (Process, GitHubActions, AzureDevOps, Auto),
/// the Script target's exact text, secret hygiene and the bad-input table, as a user runs them.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class SetStsEnvironmentTests : IDisposable
{
    // Quotes, $, backtick, ';', ']' and '%' prove each target's quoting; real keys have none of them.
    internal const string KeyId = "ASIAIOSFODNN7EXAMPLE";
    internal const string Secret = "wJalr/K7+MDENG'bPx\"RfiCY$EXAMPLE`KEY";
    internal const string Token = "IQoJb3JpZ2luX2VjE;]%0A%AZP25EXAMPLETOKEN+/=";
    internal const string Expiration = "2099-01-02T03:04:05Z";

    /// <summary>Defines $c: a credential with the values above, region eu-west-1.</summary>
    internal const string MakeCredential =
        "$c = ConvertTo-StsCredential -AccessKeyId 'ASIAIOSFODNN7EXAMPLE' -SecretAccessKey $args[0] -SessionToken $args[1] -Expiration ([datetime]'2099-01-02T03:04:05Z').ToUniversalTime() -Region eu-west-1; ";

    private readonly EnvironmentScope _environment = new();
    private readonly ModuleSession _session = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("ststools-env-").FullName;

    private PowerShellResult Run(string script) => _session.Run(MakeCredential + script, Secret, Token);

    [Fact]
    public void Process_target_sets_exactly_the_AWS_variables()
    {
        Environment.SetEnvironmentVariable("AWS_SECURITY_TOKEN", "stale-but-harmless");
        var r = Run("$c | Set-StsEnvironment");
        r.ThrowIfErrors();
        Assert.Empty(r.Output);
        Assert.Empty(r.Warnings);
        var expected = EnvironmentScope.AwsVariables.ToDictionary(n => n, _ => (string?)null);
        expected["AWS_ACCESS_KEY_ID"] = KeyId;
        expected["AWS_SECRET_ACCESS_KEY"] = Secret;
        expected["AWS_SESSION_TOKEN"] = Token;
        expected["AWS_SECURITY_TOKEN"] = "stale-but-harmless";
        expected["AWS_CREDENTIAL_EXPIRATION"] = Expiration;
        expected["AWS_REGION"] = "eu-west-1";
        expected["AWS_DEFAULT_REGION"] = "eu-west-1";
        Assert.Equal(expected, EnvironmentScope.Current());
    }

    [Fact]
    public void Long_term_keys_remove_a_stale_token_and_expiry()
    {
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "old");
        Environment.SetEnvironmentVariable("AWS_SECURITY_TOKEN", "old");
        Environment.SetEnvironmentVariable("AWS_CREDENTIAL_EXPIRATION", "2000-01-01T00:00:00Z");
        var r = _session.Run("ConvertTo-StsCredential -AccessKeyId AKIAIOSFODNN7EXAMPLE -SecretAccessKey s | Set-StsEnvironment -Target Process");
        r.ThrowIfErrors();
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
        Assert.Null(Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
        Assert.Null(Environment.GetEnvironmentVariable("AWS_SECURITY_TOKEN"));
        Assert.Null(Environment.GetEnvironmentVariable("AWS_CREDENTIAL_EXPIRATION"));
        Assert.Null(Environment.GetEnvironmentVariable("AWS_REGION"));
    }

    [Fact]
    public void Warns_about_AWS_PROFILE_and_ClearProfile_removes_it()
    {
        Environment.SetEnvironmentVariable("AWS_PROFILE", "dev");
        var warned = Run("$c | Set-StsEnvironment");
        Assert.Contains(warned.Warnings, w => w.Contains("AWS_PROFILE") && w.Contains("-ClearProfile"));
        Assert.Equal("dev", Environment.GetEnvironmentVariable("AWS_PROFILE"));
        var cleared = Run("$c | Set-StsEnvironment -ClearProfile");
        Assert.Empty(cleared.Warnings);
        Assert.Null(Environment.GetEnvironmentVariable("AWS_PROFILE"));
    }

    [Fact]
    public void WhatIf_changes_nothing_and_PassThru_passes_the_credential_on()
    {
        var before = EnvironmentScope.Current();
        var r = Run("$c | Set-StsEnvironment -WhatIf");
        r.ThrowIfErrors();
        Assert.Equal(before, EnvironmentScope.Current());
        Assert.Contains("What if:", r.Screen);

        var passed = Run("$c | Set-StsEnvironment -PassThru | ForEach-Object { $_.AccessKeyId; [object]::ReferenceEquals($_, $c) }");
        passed.ThrowIfErrors();
        Assert.Equal(new object[] { KeyId, true }, passed.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Takes_what_ConvertTo_StsCredential_accepts_from_the_pipeline()
    {
        var r = _session.Run("@{ AccessKeyId = 'ASIAIOSFODNN7EXAMPLE'; SecretAccessKey = 'x'; SessionToken = 'y'; Expiration = '2099-01-01T00:00:00Z' } | Set-StsEnvironment -PassThru");
        r.ThrowIfErrors();
        Assert.Equal("StsTools.StsCredential", r.Output.Single().BaseObject.GetType().FullName);
        Assert.Equal("y", Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
    }

    [Fact]
    public void GitHubActions_masks_first_then_appends_what_the_runner_reads_back()
    {
        var envFile = Path.Combine(_dir, "github_env");
        File.WriteAllText(envFile, "FROM_AN_EARLIER_STEP=1\n");
        Environment.SetEnvironmentVariable("GITHUB_ENV", envFile);
        var r = Run("$c | Set-StsEnvironment -Target GitHubActions");
        r.ThrowIfErrors();

        // The mask lines are the step's first output (written as Write-Host does, so they reach the log).
        Assert.Equal(new[] { "::add-mask::" + KeyId, "::add-mask::" + Secret, "::add-mask::" + Token }, r.Information);

        var parsed = GitHubEnvFileParser.Parse(File.ReadAllText(envFile));
        Assert.Equal(new Dictionary<string, string>
        {
            ["FROM_AN_EARLIER_STEP"] = "1",
            ["AWS_ACCESS_KEY_ID"] = KeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Secret,
            ["AWS_SESSION_TOKEN"] = Token,
            ["AWS_CREDENTIAL_EXPIRATION"] = Expiration,
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
        }, parsed);
        Assert.Equal(Secret, Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")); // this step too
    }

    [Fact]
    public void AzureDevOps_registers_secrets_first_and_escapes_values_as_the_agent_expects()
    {
        var r = Run("$c | Set-StsEnvironment -Target AzureDevOps");
        r.ThrowIfErrors();
        var commands = r.Information.Select(AzureDevOpsCommandParser.Parse).ToList();
        Assert.All(commands, Assert.NotNull);
        Assert.Equal(new[] { "task.setsecret", "task.setsecret" }, commands.Take(2).Select(c => c!.Name));
        Assert.Equal(new[] { Secret, Token }, commands.Take(2).Select(c => c!.Data));
        var variables = commands.Skip(2).ToDictionary(c => c!.Properties["variable"], c => (c!.Data, Secret: c.Properties.GetValueOrDefault("issecret")));
        Assert.Equal((KeyId, (string?)null), variables["AWS_ACCESS_KEY_ID"]);
        Assert.Equal((Secret, "true"), variables["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal((Token, "true"), variables["AWS_SESSION_TOKEN"]);
        Assert.Equal((Expiration, (string?)null), variables["AWS_CREDENTIAL_EXPIRATION"]);
        Assert.Equal(("eu-west-1", (string?)null), variables["AWS_REGION"]);
        Assert.Equal(6, variables.Count);
        // The raw lines never carry the characters that would end a property or the command early.
        Assert.All(r.Information, line => Assert.DoesNotContain(";]%0A%AZP25", line));
        Assert.Contains("IQoJb3JpZ2luX2VjE%3B%5D%AZP250A%AZP25AZP25EXAMPLETOKEN+/=", r.Information[1]);
        Assert.Equal(Token, Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
    }

    [Theory]
    [InlineData("true", null, "GitHubActions")]
    [InlineData(null, "True", "AzureDevOps")]
    [InlineData(null, null, "Process")]
    public void Auto_picks_the_CI_system_it_runs_in(string? githubActions, string? tfBuild, string chosen)
    {
        var envFile = Path.Combine(_dir, "github_env");
        File.WriteAllText(envFile, "");
        Environment.SetEnvironmentVariable("GITHUB_ENV", envFile);
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", githubActions);
        Environment.SetEnvironmentVariable("TF_BUILD", tfBuild);
        var r = Run("$c | Set-StsEnvironment -Target Auto -Verbose");
        r.ThrowIfErrors();
        Assert.Contains($"Target Auto chose {chosen}.", r.Verbose);
        Assert.Equal(chosen == "GitHubActions", File.ReadAllText(envFile).Length > 0);
        Assert.Equal(chosen == "AzureDevOps", r.Information.Any(l => l.StartsWith("##vso[")));
        Assert.Equal(KeyId, Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
    }

    [Fact]
    public void Script_target_writes_text_and_changes_nothing()
    {
        var before = EnvironmentScope.Current();
        var r = Run("$c | Set-StsEnvironment -Target Script -Format Bash; $c | Set-StsEnvironment -Format Pwsh; $c | Set-StsEnvironment -Format CredentialProcess");
        r.ThrowIfErrors();
        Assert.Equal(before, EnvironmentScope.Current());
        Assert.Equal(3, r.Output.Count);
        Assert.Equal(
            "export AWS_ACCESS_KEY_ID='ASIAIOSFODNN7EXAMPLE'\n" +
            "export AWS_SECRET_ACCESS_KEY='wJalr/K7+MDENG'\\''bPx\"RfiCY$EXAMPLE`KEY'\n" +
            "export AWS_SESSION_TOKEN='IQoJb3JpZ2luX2VjE;]%0A%AZP25EXAMPLETOKEN+/='\n" +
            "export AWS_CREDENTIAL_EXPIRATION='2099-01-02T03:04:05Z'\n" +
            "export AWS_REGION='eu-west-1'\n" +
            "export AWS_DEFAULT_REGION='eu-west-1'\n", r.Output[0].BaseObject);
        Assert.StartsWith("$env:AWS_ACCESS_KEY_ID = 'ASIAIOSFODNN7EXAMPLE'\n$env:AWS_SECRET_ACCESS_KEY = 'wJalr/K7+MDENG''bPx\"RfiCY$EXAMPLE`KEY'\n", (string)r.Output[1].BaseObject);
        Assert.Equal("{\"Version\":1,\"AccessKeyId\":\"ASIAIOSFODNN7EXAMPLE\",\"SecretAccessKey\":\"wJalr/K7+MDENG'bPx\\\"RfiCY$EXAMPLE`KEY\",\"SessionToken\":\"IQoJb3JpZ2luX2VjE;]%0A%AZP25EXAMPLETOKEN+/=\",\"Expiration\":\"2099-01-02T03:04:05Z\"}", r.Output[2].BaseObject);
    }

    [Fact]
    public void Json_format_reads_back_through_ConvertTo_StsCredential()
    {
        var r = Run("$json = $c | Set-StsEnvironment -Format Json; $h = @{}; foreach ($p in [System.Text.Json.JsonDocument]::Parse($json).RootElement.EnumerateObject()) { $h[$p.Name] = $p.Value.ToString() }; ConvertTo-StsCredential -InputObject $h");
        r.ThrowIfErrors();
        var back = r.Output.Single();
        Assert.Equal(Secret, back.Properties["SecretAccessKey"].Value);
        Assert.Equal(Token, back.Properties["SessionToken"].Value);
    }

    [Fact]
    public void Secrets_never_show_with_Verbose_and_Debug_except_in_the_text_made_to_carry_them()
    {
        var envFile = Path.Combine(_dir, "github_env");
        File.WriteAllText(envFile, "");
        Environment.SetEnvironmentVariable("GITHUB_ENV", envFile);
        Environment.SetEnvironmentVariable("AWS_PROFILE", "dev");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_dir, "credentials"));
        var everything = new System.Text.StringBuilder();
        foreach (var target in new[] { "Process", "Profile -ProfileName ci", "GitHubActions", "AzureDevOps", "Auto" })
        {
            var r = _session.Display(MakeCredential + $"$c | Set-StsEnvironment -Target {target} -PassThru -Verbose -Debug -WarningAction Continue", Secret, Token);
            r.ThrowIfErrors();
            Assert.Contains("ASIA…MPLE", r.Screen); // the passed-through credential's default view
            // The CI commands exist to carry the values to the runner, which masks them: leave them out.
            var visible = r.EverythingVisible();
            foreach (var command in r.Information) visible = visible.Replace(command, "");
            everything.AppendLine(visible);
        }

        var failing = _session.Run(MakeCredential + "$c.Expiration = [datetime]::UtcNow.AddMinutes(-1); $c | Set-StsEnvironment -Verbose -Debug", Secret, Token);
        Assert.NotNull(failing.FirstErrorId);
        everything.AppendLine(failing.EverythingVisible());

        var text = everything.ToString();
        Assert.Contains("ASIA…MPLE", text);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain("RfiCY", text);
        Assert.DoesNotContain("IQoJb3JpZ2lu", text);
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { "$c.Expiration = [datetime]::UtcNow.AddSeconds(-1); $c | Set-StsEnvironment", "ExpiredCredential" },
        { "$c.Expiration = [datetime]::UtcNow.AddSeconds(-1); $c | Set-StsEnvironment -Target Profile -ProfileName ci", "ExpiredCredential" },
        { "$c | Set-StsEnvironment -Target Profile", "MissingProfileName" },
        { "$c | Set-StsEnvironment -Target Profile -ProfileName 'has space'", "InvalidProfileName" },
        { "$c | Set-StsEnvironment -ProfileName '[evil]'", "InvalidProfileName" },
        { "$c | Set-StsEnvironment -ProfileName DEFAULT", "InvalidProfileName" },
        { "$env:AWS_SHARED_CREDENTIALS_FILE = $args[2] + '/a-file/credentials'; $c | Set-StsEnvironment -ProfileName ci", "CredentialsFileNotWritable" },
        { "$env:AWS_SHARED_CREDENTIALS_FILE = $args[2]; $c | Set-StsEnvironment -ProfileName ci", "CredentialsFileNotWritable" },
        { "$c | Set-StsEnvironment -Target Script -Format Zsh", "CannotConvertArgumentNoMessage" },
        { "$c | Set-StsEnvironment -Target Process -Format Bash", "FormatRequiresScriptTarget" },
        { "$c | Set-StsEnvironment -Target Process -ProfileName ci", "ProfileNameRequiresProfileTarget" },
        { "$env:GITHUB_ENV = $null; $c | Set-StsEnvironment -Target GitHubActions", "GitHubEnvNotSet" },
        { "$c | Set-StsEnvironment -Target Script -Format Cmd", "ValueNotRepresentableInCmd" },
        { "@{ AccessKeyId = 'ASIAIOSFODNN7EXAMPLE'; SecretAccessKey = \"a`nexport X=1\" } | Set-StsEnvironment", "InvalidCredentialValue" },
        { "[pscustomobject]@{ Name = 'not a credential' } | Set-StsEnvironment", "UnrecognizedCredentialObject" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_has_its_own_error_id_and_changes_nothing(string script, string errorId)
    {
        var credentials = Path.Combine(_dir, "credentials");
        File.WriteAllText(credentials, "# mine\n[other]\naws_access_key_id = AKIAOTHER\n");
        File.WriteAllText(Path.Combine(_dir, "a-file"), "");
        var envFile = Path.Combine(_dir, "github_env");
        File.WriteAllText(envFile, "");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", credentials);
        Environment.SetEnvironmentVariable("GITHUB_ENV", envFile);
        var before = EnvironmentScope.Current();
        var files = Directory.GetFiles(_dir).ToDictionary(f => f, File.ReadAllBytes);

        var r = _session.Run(MakeCredential + script, Secret, Token, _dir);

        Assert.StartsWith(errorId + ",", r.FirstErrorId);
        Assert.Empty(r.Output);
        Assert.Empty(r.Information);
        // Environment as before (the script's own $env: assignment aside), files byte for byte, nothing new.
        var after = EnvironmentScope.Current();
        foreach (var name in new[] { "AWS_SHARED_CREDENTIALS_FILE", "GITHUB_ENV" }) { after[name] = before[name]; }
        Assert.Equal(before, after);
        Assert.Equal(files.Keys.Order(), Directory.GetFiles(_dir).Order());
        Assert.All(files, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
    }

    [Fact]
    public void Bad_input_ids_are_distinct()
    {
        var ids = BadInput.Select(row => (string)row[1]).Distinct().ToList();
        Assert.Equal(11, ids.Count);
    }

    public void Dispose()
    {
        _session.Dispose();
        _environment.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}

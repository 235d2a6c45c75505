using System.Text;
using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

/// <summary>
/// Must-show 5: bad input, each with its own error id, and no request reaches the emulator.
/// Must-show 6: the private key (and its password) never appear in any stream, error or verbose message, and an
/// encrypted key is read without writing the key anywhere.
/// </summary>
[Collection(RolesAnywhereCollection.Name)]
public sealed class NewRolesAnywhereSessionSafetyTests
{
    private const string Password = RolesAnywhereFixture.Password;
    private readonly EmulatorProcess _emulator;
    private readonly ModuleSession _session;

    public NewRolesAnywhereSessionSafetyTests(RolesAnywhereFixture fixture)
    {
        _emulator = fixture.Emulator;
        _session = fixture.Session;
    }

    private const string Rsa = "-CertificatePath \"$pki/leaf-rsa2048.pem\" -PrivateKeyPath \"$pki/leaf-rsa2048.key\"";

    public static TheoryData<string, string> BadInputs => new()
    {
        { "CertificateExpired", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-expired.pem\" -PrivateKeyPath \"$pki/leaf-expired.key\" @ra" },
        { "CertificateNotYetValid", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-not-yet-valid.pem\" -PrivateKeyPath \"$pki/leaf-not-yet-valid.key\" @ra" },
        { "PrivateKeyMismatch", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-rsa2048.pem\" -PrivateKeyPath \"$pki/leaf-topbit-serial.key\" @ra" },
        { "WrongPrivateKeyPassword", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-rsa2048.pem\" -PrivateKeyPath \"$pki/leaf-rsa2048-encrypted.key\" -PrivateKeyPassword $bad @ra" },
        { "PrivateKeyPasswordRequired", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-rsa2048.pem\" -PrivateKeyPath \"$pki/leaf-rsa2048-encrypted.key\" @ra" },
        { "WrongPkcs12Password", "New-RolesAnywhereSession -Pkcs12Path \"$pki/leaf-rsa2048.p12\" -Password $bad @ra" },
        { "InvalidPkcs12File", "New-RolesAnywhereSession -Pkcs12Path \"$pki/leaf-rsa2048.pem\" -Password $pw @ra" },
        { "InvalidCertificateFile", "New-RolesAnywhereSession -CertificatePath \"$pki/README.txt\" -PrivateKeyPath \"$pki/leaf-rsa2048.key\" @ra" },
        { "InvalidPrivateKeyFile", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-rsa2048.pem\" -PrivateKeyPath \"$pki/leaf-rsa2048.pem\" @ra" },
        { "CertificateFileNotFound", "New-RolesAnywhereSession -CertificatePath \"$pki/no-such.pem\" -PrivateKeyPath \"$pki/leaf-rsa2048.key\" @ra" },
        { "RsaKeyTooSmall", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-rsa1024.pem\" -PrivateKeyPath \"$pki/leaf-rsa1024.key\" @ra" },
        { "UnsupportedKeyAlgorithm", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-dsa.pem\" -PrivateKeyPath \"$pki/dsa.key\" @ra" },
        { "CertificateHasNoPrivateKey", "[System.Security.Cryptography.X509Certificates.X509CertificateLoader]::LoadCertificateFromFile(\"$pki/leaf-rsa2048.pem\") | New-RolesAnywhereSession @ra" },
        { "CertificateNotInStore", "New-RolesAnywhereSession -Thumbprint 00112233445566778899AABBCCDDEEFF00112233 -StoreLocation CurrentUser -StoreName My @ra" },
        { "InvalidThumbprint", "New-RolesAnywhereSession -Thumbprint 'not a thumbprint' @ra" },
        { "InvalidTrustAnchorArn", "$r = $ra.Clone(); $r.TrustAnchorArn = $r.ProfileArn; New-RolesAnywhereSession " + Rsa + " @r" },
        { "InvalidProfileArn", "$r = $ra.Clone(); $r.ProfileArn = 'arn:aws:rolesanywhere:us-east-1:222222222222:profile/nope'; New-RolesAnywhereSession " + Rsa + " @r" },
        { "InvalidRoleArn", "$r = $ra.Clone(); $r.RoleArn = 'RolesAnywhereRole'; New-RolesAnywhereSession " + Rsa + " @r" },
        { "RolesAnywhereRegionMismatch", "$r = $ra.Clone(); $r.ProfileArn = $r.ProfileArn.Replace('us-east-1', 'eu-west-1'); New-RolesAnywhereSession " + Rsa + " @r" },
        { "UnknownRegion", "New-RolesAnywhereSession " + Rsa + " -Region mars-north-1 @ra" },
        { "DurationOutOfRange", "New-RolesAnywhereSession " + Rsa + " -DurationSeconds 43201 @ra" },
        { "InvalidRoleSessionName", "New-RolesAnywhereSession " + Rsa + " -RoleSessionName 'has spaces' @ra" },
        { "InvalidEndpointUrl", "$r = $ra.Clone(); $r.EndpointUrl = 'not a url'; New-RolesAnywhereSession " + Rsa + " @r" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_has_its_own_error_id_and_sends_nothing(string errorId, string script)
    {
        _emulator.ClearRequestLog();
        var r = _session.Run(script);
        Assert.Equal(errorId + ",StsTools.Commands.NewRolesAnywhereSessionCommand", r.FirstErrorId);
        Assert.Empty(r.Output);
        Assert.Empty(_emulator.RequestLog());
        AssertNoKeyMaterial(r.EverythingVisible());
    }

    [Fact]
    public void Every_bad_input_has_a_distinct_error_id()
    {
        var ids = BadInputs.Select(row => (string)row[0]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("New-RolesAnywhereSession -CertificatePath \"$pki/leaf-rsa2048.pem\" -PrivateKeyPath \"$pki/leaf-rsa2048-encrypted.key\" -PrivateKeyPassword $pw @ra -Verbose -Debug")]
    [InlineData("New-RolesAnywhereSession -Pkcs12Path \"$pki/leaf-rsa2048.p12\" -Password $pw @ra -Verbose -Debug")]
    [InlineData("New-RolesAnywhereSession " + Rsa + " @ra -Verbose -Debug")]
    public void The_private_key_password_and_secrets_appear_in_no_stream(string script)
    {
        var r = _session.Display(script + " | Tee-Object -Variable c; $c | Format-List *; \"$c\"");
        if (r.AllErrors.Any(e => e.FullyQualifiedErrorId.StartsWith("CommandNotFoundException")))
        {
            // The bare engine has no Tee-Object / Format-List: show the object through Out-Default only.
            r = _session.Display(script);
        }

        Assert.DoesNotContain(r.AllErrors, e => !e.FullyQualifiedErrorId.StartsWith("CommandNotFoundException"));
        Assert.NotEmpty(r.Verbose);
        var visible = r.EverythingVisible();
        AssertNoKeyMaterial(visible);
        var credential = _session.Run(script.Replace(" -Verbose -Debug", "")).Output.Single();
        Assert.DoesNotContain((string)credential.Properties["SecretAccessKey"].Value, visible);
        Assert.DoesNotContain((string)credential.Properties["SessionToken"].Value, visible);
    }

    /// <summary>No line of any PEM key of the test PKI, no PEM marker, and not the password.</summary>
    private static void AssertNoKeyMaterial(string visible)
    {
        Assert.DoesNotContain("-----BEGIN", visible);
        Assert.DoesNotContain(Password, visible);
        foreach (var key in Directory.GetFiles(DefaultWorld.PkiDirectory, "*.key"))
        {
            foreach (var line in File.ReadAllLines(key).Where(l => l.Length >= 40 && !l.StartsWith("-----")))
            {
                Assert.DoesNotContain(line, visible);
            }
        }
    }

    [Fact]
    public void An_encrypted_key_is_decrypted_in_memory_only()
    {
        // A fresh PowerShell whose HOME, TMPDIR and cache all point into an empty sandbox; after reading the encrypted
        // PKCS#8 key and the PKCS#12 file, nothing in the sandbox holds the key (in DER or PEM form).
        var sandbox = Directory.CreateTempSubdirectory("ststools-ra-secret-");
        try
        {
            var der = Path.Combine(sandbox.FullName, "..", sandbox.Name + "-plain.der");
            var export = ProcessRunner.Run("openssl", new[] { "pkey", "-in", Path.Combine(DefaultWorld.PkiDirectory, "leaf-rsa2048.key"), "-outform", "DER", "-out", der });
            Assert.True(export.ExitCode == 0, export.ToString());
            var plain = File.ReadAllBytes(der);
            File.Delete(der);
            var secretSlice = plain.Skip(plain.Length / 2).Take(64).ToArray(); // inside the private exponent / primes

            var script =
                "Import-Module $args[0]; $pw = [System.Security.SecureString]::new(); foreach ($c in $args[6].ToCharArray()) { $pw.AppendChar($c) }; " +
                "$ra = @{ TrustAnchorArn = $args[2]; ProfileArn = $args[3]; RoleArn = $args[4]; EndpointUrl = $args[5] }; " +
                "(New-RolesAnywhereSession -CertificatePath ($args[1] + '/leaf-rsa2048.pem') -PrivateKeyPath ($args[1] + '/leaf-rsa2048-encrypted.key') -PrivateKeyPassword $pw @ra -Verbose).Arn; " +
                "(New-RolesAnywhereSession -Pkcs12Path ($args[1] + '/leaf-rsa2048.p12') -Password $pw -RoleSessionName p12 @ra -Verbose).Arn";
            var environment = new Dictionary<string, string?>
            {
                ["HOME"] = sandbox.FullName,
                ["TMPDIR"] = sandbox.FullName,
                ["STSTOOLS_CACHE_DIR"] = Path.Combine(sandbox.FullName, "cache"),
                ["DOTNET_CLI_HOME"] = sandbox.FullName,
            };
            var run = ProcessRunner.RunScriptHost(script, environment, RepoPaths.Module, DefaultWorld.PkiDirectory, DefaultWorld.TrustAnchorArn,
                DefaultWorld.ProfileArn, DefaultWorld.RolesAnywhereRoleArn, _emulator.EndpointTemplate, Password);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(2, run.StdOut.Split('\n').Count(l => l.Contains("assumed-role/RolesAnywhereRole")));
            AssertNoKeyMaterial(run.StdOut + run.StdErr);

            var written = Directory.GetFiles(sandbox.FullName, "*", SearchOption.AllDirectories);
            foreach (var file in written)
            {
                var bytes = File.ReadAllBytes(file);
                var text = Encoding.UTF8.GetString(bytes);
                Assert.False(IndexOf(bytes, secretSlice) >= 0, $"{file} holds private key bytes");
                Assert.DoesNotContain("PRIVATE KEY", text);
            }

            // What was written: the two cached sessions (0600), nothing else of ours.
            Assert.Equal(2, written.Count(f => Path.GetFileName(f).StartsWith("rolesanywhere-")));
        }
        finally
        {
            sandbox.Delete(recursive: true);
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}

using System.Management.Automation;
using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

/// <summary>
/// Must-show 2: New-RolesAnywhereSession as a user runs it, against the emulator, from every key source; the
/// emulator's request log shows each CreateSession's X.509 signature verified.
/// </summary>
[Collection(RolesAnywhereCollection.Name)]
public sealed class NewRolesAnywhereSessionTests
{
    private readonly EmulatorProcess _emulator;
    private readonly ModuleSession _session;

    public NewRolesAnywhereSessionTests(RolesAnywhereFixture fixture)
    {
        _emulator = fixture.Emulator;
        _session = fixture.Session;
        _emulator.ClearRequestLog();
    }

    public static TheoryData<string, string> KeySources => new()
    {
        { "PEM RSA (PKCS#1)", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-rsa2048.pem\" -PrivateKeyPath \"$pki/leaf-rsa2048.key\" @ra" },
        { "PEM EC P-256 (SEC1)", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-p256.pem\" -PrivateKeyPath \"$pki/leaf-p256.key\" @ra" },
        { "PEM EC P-384 (PKCS#8)", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-p384.pem\" -PrivateKeyPath \"$pki/leaf-p384.key\" @ra" },
        { "encrypted PKCS#8", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-rsa2048.pem\" -PrivateKeyPath \"$pki/leaf-rsa2048-encrypted.key\" -PrivateKeyPassword $pw @ra" },
        { "PKCS#12 with a password", "New-RolesAnywhereSession -Pkcs12Path \"$pki/leaf-rsa2048.p12\" -Password $pw @ra" },
        { "PKCS#12 with its intermediate inside", "New-RolesAnywhereSession -Pkcs12Path \"$pki/leaf-via-intermediate.p12\" -Password $pw @ra" },
        { "X509Certificate2 from the pipeline",
            "$flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::EphemeralKeySet; " +
            "$cert = [System.Security.Cryptography.X509Certificates.X509CertificateLoader]::LoadPkcs12FromFile(\"$pki/leaf-p256.p12\", 'test-only-password', $flags); " +
            "$cert | New-RolesAnywhereSession @ra" },
        { "intermediate-CA leaf with -IntermediateCertificatePath",
            "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-via-intermediate.pem\" -PrivateKeyPath \"$pki/leaf-via-intermediate.key\" -IntermediateCertificatePath \"$pki/intermediate-ca.pem\" @ra" },
        { "top-bit serial", "New-RolesAnywhereSession -CertificatePath \"$pki/leaf-topbit-serial.pem\" -PrivateKeyPath \"$pki/leaf-topbit-serial.key\" @ra" },
    };

    [Theory]
    [MemberData(nameof(KeySources))]
    public void Each_key_source_gets_credentials_with_a_verified_signature(string source, string script)
    {
        _emulator.ClearRequestLog();
        var r = _session.Run(script + " -RoleSessionName ra-test");
        Assert.True(r.Terminating == null && r.Errors.Count == 0, source + ": " + string.Join("\n", r.AllErrors.Select(PowerShellResult.Describe)));
        var c = Assert.Single(r.Output);
        Assert.Equal("StsTools.StsCredential", c.BaseObject.GetType().FullName);
        Assert.Equal("RolesAnywhere", c.Properties["Source"].Value.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/RolesAnywhereRole/ra-test", c.Properties["Arn"].Value);
        Assert.Equal("222222222222", c.Properties["AccountId"].Value);
        Assert.Equal("us-east-1", c.Properties["Region"].Value);
        Assert.StartsWith("arn:aws:rolesanywhere:us-east-1:222222222222:subject/", (string)c.Properties["SubjectArn"].Value);
        Assert.StartsWith("ASIA", (string)c.Properties["AccessKeyId"].Value);

        var call = Assert.Single(_emulator.RequestLog(), e => e.Operation == "CreateSession");
        Assert.True(call.SignatureVerified, source + ": signature not verified");
        Assert.Equal(201, call.Status);
        Assert.Equal("us-east-1", call.Endpoint);
    }

    [Fact]
    public void Duration_and_the_trust_anchors_region_shape_the_session()
    {
        var r = _session.Run("New-RolesAnywhereSession -CertificatePath \"$pki/leaf-p384.pem\" -PrivateKeyPath \"$pki/leaf-p384.key\" -DurationSeconds 900 -Region us-east-1 @ra");
        r.ThrowIfErrors();
        var c = Assert.Single(r.Output);
        var expiration = (DateTime)c.Properties["Expiration"].Value;
        Assert.InRange(expiration, DateTime.UtcNow.AddSeconds(800), DateTime.UtcNow.AddSeconds(1000));
        Assert.Equal("us-east-1", c.Properties["IssuedBy"].Value);
        Assert.Equal("CN=test-leaf-p384", c.Properties["SourceIdentity"].Value);
        // The session name defaults to what Roles Anywhere chooses (the emulator: the serial in hex).
        Assert.EndsWith("/2003", (string)c.Properties["Arn"].Value);
    }

    [Fact]
    public void A_certificate_close_to_expiry_warns_and_an_AWS_refusal_keeps_its_code()
    {
        // A certificate for leaf-p256's key that the root CA issues now for 10 days: inside the default 30-day window.
        var dir = Directory.CreateTempSubdirectory("ststools-ra-");
        try
        {
            var pki = DefaultWorld.PkiDirectory;
            var csr = Path.Combine(dir.FullName, "short.csr");
            var pem = Path.Combine(dir.FullName, "short.pem");
            var req = ProcessRunner.Run("openssl", new[] { "req", "-new", "-key", Path.Combine(pki, "leaf-p256.key"), "-subj", "/O=StsTools Test Only/CN=test-short-lived", "-out", csr });
            Assert.True(req.ExitCode == 0, req.ToString());
            var sign = ProcessRunner.Run("openssl", new[] { "x509", "-req", "-in", csr, "-CA", Path.Combine(pki, "root-ca.pem"), "-CAkey", Path.Combine(pki, "root-ca.key"),
                "-set_serial", "0x2F01", "-days", "10", "-out", pem });
            Assert.True(sign.ExitCode == 0, sign.ToString());

            var r = _session.Run("New-RolesAnywhereSession -CertificatePath $args[0] -PrivateKeyPath \"$pki/leaf-p256.key\" @ra", pem);
            r.ThrowIfErrors();
            Assert.Single(r.Output);
            Assert.Contains(r.Warnings, w => w.Contains("expires on") && w.Contains("test-short-lived"));

            var quiet = _session.Run("New-RolesAnywhereSession -CertificatePath $args[0] -PrivateKeyPath \"$pki/leaf-p256.key\" -ExpiryWarningDays 5 @ra", pem);
            quiet.ThrowIfErrors();
            Assert.Empty(quiet.Warnings);
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        var denied = _session.Run("New-RolesAnywhereSession -CertificatePath \"$pki/leaf-other-ca.pem\" -PrivateKeyPath \"$pki/leaf-other-ca.key\" @ra");
        Assert.Equal("AwsAccessDeniedException,StsTools.Commands.NewRolesAnywhereSessionCommand", denied.FirstErrorId);
        Assert.Contains("AccessDeniedException", denied.AllErrors.First().ErrorDetails.Message);
    }

    [Fact]
    public void A_certificate_in_the_CurrentUser_store_signs_by_thumbprint()
    {
        // A fresh process whose HOME is a sandbox, so the store (on Linux ~/.dotnet/corefx/cryptography/x509stores)
        // is a private one: the certificate and its key are added there, then found by thumbprint.
        var home = Directory.CreateTempSubdirectory("ststools-ra-store-");
        try
        {
            var script =
                "Import-Module $args[0]; $flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]'PersistKeySet, Exportable'; " +
                "$cert = [System.Security.Cryptography.X509Certificates.X509CertificateLoader]::LoadPkcs12FromFile($args[1] + '/leaf-p384.p12', 'test-only-password', $flags); " +
                "$store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser'); $store.Open('ReadWrite'); $store.Add($cert); $store.Close(); " +
                "$c = New-RolesAnywhereSession -Thumbprint ($cert.Thumbprint.Substring(0, 20) + ' ' + $cert.Thumbprint.Substring(20).ToLowerInvariant()) -StoreLocation CurrentUser -StoreName My " +
                "-TrustAnchorArn $args[2] -ProfileArn $args[3] -RoleArn $args[4] -EndpointUrl $args[5] -NoCache; $c.Arn; $c.SourceIdentity";
            var run = ProcessRunner.RunScriptHost(script, new Dictionary<string, string?> { ["HOME"] = home.FullName, ["DOTNET_CLI_HOME"] = home.FullName },
                RepoPaths.Module, DefaultWorld.PkiDirectory, DefaultWorld.TrustAnchorArn, DefaultWorld.ProfileArn, DefaultWorld.RolesAnywhereRoleArn, _emulator.EndpointTemplate);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("arn:aws:sts::222222222222:assumed-role/RolesAnywhereRole/", run.StdOut);
            Assert.Contains("CN=test-leaf-p384", run.StdOut);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public void StoreLocation_and_StoreName_complete()
    {
        var r = _session.Run(
            "(TabExpansion2 -inputScript 'New-RolesAnywhereSession -StoreLocation Lo' ).CompletionMatches.CompletionText; " +
            "(TabExpansion2 -inputScript 'New-RolesAnywhereSession -StoreName ' ).CompletionMatches.CompletionText");
        r.ThrowIfErrors();
        var texts = r.Output.Select(o => o.ToString()).ToList();
        Assert.Contains("LocalMachine", texts);
        Assert.Contains("My", texts);
        Assert.Contains("Root", texts);
        Assert.Equal("LocalMachine", texts[0]);
    }
}

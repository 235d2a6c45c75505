using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks.Figures;

/// <summary>
/// Roles Anywhere signing, RSA-2048 and P-256. The module exposes no signer to PowerShell, so "ours" is the engine's
/// signer timed through reflection (<see cref="EngineSigner"/>: one CreateSession signed, canonical request and
/// signature). When the engine has no such types, "ours" is the whole warm New-RolesAnywhereSession -NoCache against
/// the emulator with no added latency, an UPPER BOUND (PEM read, HTTP, the emulator's verification), marked "≤".
/// The whole call is measured either way (shown in the note). The peer is the bare .NET signature of a SigV4 string
/// to sign with the same key: the floor any signer pays.
/// </summary>
public static class RolesAnywhereSigningFigure
{
    public const string Name = "Roles Anywhere signing";
    private const string Goal = "≤ 2 ms each";

    private const string Script = """
        param($endpoint, $certificate, $key, $anchor, $profile, $role, $count)
        for ($i = 0; $i -lt $count; $i++) {
            $w = [Diagnostics.Stopwatch]::StartNew()
            $null = New-RolesAnywhereSession -CertificatePath $certificate -PrivateKeyPath $key -TrustAnchorArn $anchor `
                -ProfileArn $profile -RoleArn $role -EndpointUrl $endpoint -NoCache -ErrorAction Stop
            $w.Elapsed.TotalMilliseconds
        }
        """;

    public static IEnumerable<FigureResult> Measure(BenchmarkContext context)
    {
        var available = context.HasCommand("New-RolesAnywhereSession");
        foreach (var (label, file) in new[] { ("RSA-2048", "leaf-rsa2048"), ("P-256", "leaf-p256") })
        {
            var figure = $"{Name} ({label})";
            FigureResult result;
            try
            {
                result = MeasureOne(context, figure, file, available);
            }
            catch (Exception e)
            {
                result = FigureResult.Failed(figure, Goal, e);
            }

            yield return result;
        }
    }

    private static FigureResult MeasureOne(BenchmarkContext context, string figure, string file, bool cmdletAvailable)
    {
        var certificate = Path.Combine(DefaultWorld.PkiDirectory, file + ".pem");
        var key = Path.Combine(DefaultWorld.PkiDirectory, file + ".key");
        List<double> Run(int count) => context.Session.Invoke(Script, context.EndpointTemplate, certificate, key,
                DefaultWorld.TrustAnchorArn, DefaultWorld.ProfileArn, DefaultWorld.RolesAnywhereRoleArn, count)
            .Select(o => Convert.ToDouble(o.BaseObject)).ToList();

        double? whole = null;
        if (cmdletAvailable)
        {
            Run(3);
            whole = Samples.Median(Run(Math.Max(20, context.Options.CallSamples / 3)));
        }

        var signer = EngineSigner.MedianSignMs(context.ModuleVersionDirectory, certificate, key, context.Options.CallSamples, out var problem);
        if (signer == null && whole == null)
        {
            return FigureResult.NotAvailable(figure, Goal, $"New-RolesAnywhereSession (and the engine's signer: {problem})");
        }

        var peer = CryptoFloorMs(key, context.Options.CallSamples);
        var ours = signer ?? whole!.Value;
        var wholeText = whole == null ? "n/a (New-RolesAnywhereSession not available)" : Samples.Ms(whole.Value);
        var how = signer != null
            ? "the engine's signer via reflection (X509SigV4.SignPost with a PemFileSigner: canonical request + signature), median of " +
              $"{context.Options.CallSamples}; a whole warm New-RolesAnywhereSession -NoCache against the emulator: {wholeText}"
            : $"UPPER BOUND: a whole warm New-RolesAnywhereSession -NoCache (PEM read, sign, HTTP, emulator verification), no latency ({problem})";
        return new FigureResult(figure, (signer == null ? "≤ " : "") + Samples.Ms(ours), Samples.Ms(peer) + " (.NET sign)",
            FigureResult.RatioText(ours, peer), Goal, ours <= 2 ? Verdict.Pass : Verdict.Fail,
            how + "; peer: one bare .NET signature of a SigV4 string to sign with the same key");
    }

    /// <summary>Median of one SHA-256 signature of a typical X.509 SigV4 string to sign (the CreateSession request's).</summary>
    private static double CryptoFloorMs(string keyFile, int count)
    {
        var stringToSign = Encoding.UTF8.GetBytes("AWS4-X509-RSA-SHA256\n20261201T000000Z\n20261201/us-east-1/rolesanywhere/aws4_request\n" +
                                                  Convert.ToHexString(SHA256.HashData(new byte[900])).ToLowerInvariant());
        var pem = File.ReadAllText(keyFile);
        Func<byte[]> sign;
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal) || IsEc(pem))
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            sign = () => ec.SignData(stringToSign, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        else
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            sign = () => rsa.SignData(stringToSign, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        for (var i = 0; i < 5; i++)
        {
            sign();
        }

        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            sign();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Samples.Median(samples);
    }

    private static bool IsEc(string pem)
    {
        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

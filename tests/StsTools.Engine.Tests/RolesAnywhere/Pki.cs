using System.Diagnostics;
using StsTools.Testing.Emulator;

namespace StsTools.Engine.Tests.RolesAnywhere;

/// <summary>Paths into tests/fixtures/test-only-pki and a runner for openssl, the independent party of the vector tests.</summary>
internal static class Pki
{
    public const string Password = "test-only-password";

    public static string File(string name) => Path.Combine(DefaultWorld.PkiDirectory, name);

    public static System.Security.SecureString Secure(string text)
    {
        var s = new System.Security.SecureString();
        foreach (var c in text) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    /// <summary>Runs openssl with the given arguments; returns stdout as bytes, fails the test on a non-zero exit.</summary>
    public static (int ExitCode, byte[] StdOut, string StdErr) OpenSsl(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        return (process.ExitCode, output.ToArray(), stderr.Result);
    }
}

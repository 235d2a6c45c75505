using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;

namespace StsTools.Benchmarks.Figures;

/// <summary>
/// The engine's own Roles Anywhere signer, timed through reflection: the module exposes no signer to PowerShell,
/// so the engine assembly the module loaded (its isolated load context; else loaded here from the layout's
/// Dependencies/) is asked for <c>StsTools.Engine.RolesAnywhere.PemFileSigner.Load</c> and
/// <c>X509SigV4.SignPost</c>: one signed CreateSession = canonical request + string to sign + the key's signature.
/// Returns null when the engine has no such types (then the figure falls back to an upper bound).
/// </summary>
public static class EngineSigner
{
    public static double? MedianSignMs(string moduleVersionDirectory, string certificatePath, string keyPath, int count, out string? problem)
    {
        problem = null;
        try
        {
            var engine = FindEngine(moduleVersionDirectory);
            var signerType = engine.GetType("StsTools.Engine.RolesAnywhere.PemFileSigner");
            var sigV4 = engine.GetType("StsTools.Engine.RolesAnywhere.X509SigV4");
            var load = signerType?.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m => m.Name == "Load");
            var signPost = sigV4?.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m => m.Name == "SignPost");
            if (load == null || signPost == null)
            {
                problem = "the engine has no PemFileSigner.Load / X509SigV4.SignPost";
                return null;
            }

            var loadArgs = load.GetParameters().Select(p => p.Name switch
            {
                "certificatePath" => (object?)certificatePath,
                "privateKeyPath" => keyPath,
                _ when p.ParameterType.Name.StartsWith("IReadOnlyList", StringComparison.Ordinal) =>
                    Activator.CreateInstance(typeof(List<>).MakeGenericType(p.ParameterType.GetGenericArguments())),
                _ => null,
            }).ToArray();
            using var signer = (IDisposable)load.Invoke(null, loadArgs)!;
            var url = new Uri("https://rolesanywhere.us-east-1.amazonaws.com/sessions");
            var query = new[]
            {
                new KeyValuePair<string, string>("profileArn", Testing.Emulator.DefaultWorld.ProfileArn),
                new KeyValuePair<string, string>("roleArn", Testing.Emulator.DefaultWorld.RolesAnywhereRoleArn),
                new KeyValuePair<string, string>("trustAnchorArn", Testing.Emulator.DefaultWorld.TrustAnchorArn),
            };
            var body = Encoding.UTF8.GetBytes("{\"durationSeconds\":3600}");
            object?[] signArgs = signPost.GetParameters().Select(p => p.ParameterType switch
            {
                var t when t == typeof(Uri) => (object?)url,
                var t when t == typeof(byte[]) => body,
                var t when t == typeof(string) => "us-east-1",
                var t when t == typeof(DateTime) => DateTime.UtcNow,
                var t when t.IsInstanceOfType(query) => query,
                _ => signer,
            }).ToArray();
            for (var i = 0; i < 5; i++)
            {
                signPost.Invoke(null, signArgs);
            }

            var samples = new List<double>();
            for (var i = 0; i < count; i++)
            {
                var watch = Stopwatch.StartNew();
                signPost.Invoke(null, signArgs);
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }

            return Samples.Median(samples);
        }
        catch (Exception e)
        {
            problem = FigureResult.FirstLine((e as TargetInvocationException)?.InnerException?.Message ?? e.Message);
            return null;
        }
    }

    private static Assembly FindEngine(string moduleVersionDirectory)
    {
        var loaded = AssemblyLoadContext.All.SelectMany(c => c.Assemblies).FirstOrDefault(a => a.GetName().Name == "StsTools.Engine");
        if (loaded != null)
        {
            return loaded;
        }

        var dependencies = Path.Combine(moduleVersionDirectory, "Dependencies");
        var context = new AssemblyLoadContext("bench-engine");
        context.Resolving += (c, name) =>
        {
            var path = Path.Combine(dependencies, name.Name + ".dll");
            return File.Exists(path) ? c.LoadFromAssemblyPath(path) : null;
        };
        return context.LoadFromAssemblyPath(Path.Combine(dependencies, "StsTools.Engine.dll"));
    }
}

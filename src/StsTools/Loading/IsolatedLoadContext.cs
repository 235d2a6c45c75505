using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace StsTools.Loading
{
    /// <summary>
    /// PowerShell 7: the engine and the AWS SDK load into this context, so another module's AWSSDK.Core
    /// (AWS Tools for PowerShell, any version) in the default context neither wins nor conflicts.
    /// Only requests that reach the default context for StsTools.Engine are redirected here; everything the
    /// engine asks for resolves from Dependencies/ first when it is ours to own, else from the framework.
    /// </summary>
    internal sealed class IsolatedLoadContext : AssemblyLoadContext
    {
        private const string EngineAssemblyName = "StsTools.Engine";
        private static readonly object s_gate = new object();
        private static IsolatedLoadContext? s_instance;

        private readonly string _dependencyDirectory;

        private IsolatedLoadContext(string dependencyDirectory)
        {
            _dependencyDirectory = dependencyDirectory;
            Resolving += ResolveLeftovers;
        }

        internal static void Register(string dependencyDirectory)
        {
            lock (s_gate)
            {
                if (s_instance != null)
                {
                    return;
                }

                s_instance = new IsolatedLoadContext(dependencyDirectory);
                Default.Resolving += ResolveEngineFromDefault;
            }
        }

        // The cmdlets (default context) reference StsTools.Engine; it is not beside StsTools.dll, so the default
        // context asks here. Only that one name is answered: nothing else leaks into the default context.
        private static Assembly? ResolveEngineFromDefault(AssemblyLoadContext context, AssemblyName name)
        {
            var instance = s_instance;
            if (instance == null || !string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal))
            {
                return null;
            }

            return instance.LoadFromAssemblyName(name);
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Ours to own: the engine and the AWS SDK. Always from Dependencies/, whatever the default context holds.
            if (IsOwned(assemblyName.Name) && TryGetPath(assemblyName.Name, out var path))
            {
                return LoadFromAssemblyPath(path);
            }

            // Everything else (System.*, netstandard shims) from the framework first: returning null defers to it.
            return null;
        }

        // Called when neither this context nor the framework had it (e.g. Microsoft.Bcl.AsyncInterfaces).
        private Assembly? ResolveLeftovers(AssemblyLoadContext context, AssemblyName name) =>
            TryGetPath(name.Name, out var path) ? LoadFromAssemblyPath(path) : null;

        private static bool IsOwned(string? name) =>
            name != null && (name.Equals(EngineAssemblyName, StringComparison.Ordinal) || name.StartsWith("AWSSDK.", StringComparison.Ordinal));

        private bool TryGetPath(string? name, out string path)
        {
            path = Path.Combine(_dependencyDirectory, (name ?? string.Empty) + ".dll");
            return name != null && File.Exists(path);
        }
    }
}

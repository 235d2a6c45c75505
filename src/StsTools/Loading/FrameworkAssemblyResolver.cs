using System;
using System.IO;
using System.Reflection;

namespace StsTools.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 has no load contexts. Strong-named assemblies of different versions can live
    /// side by side in one AppDomain, so resolving requests for our dependencies from Dependencies/ is enough.
    /// </summary>
    internal static class FrameworkAssemblyResolver
    {
        private static readonly object s_gate = new object();
        private static string? s_directory;

        internal static void Register(string dependencyDirectory)
        {
            lock (s_gate)
            {
                if (s_directory != null)
                {
                    return;
                }

                s_directory = dependencyDirectory;
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var path = Path.Combine(s_directory!, name.Name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            // A request for exactly this file's identity (or a lower version of it) is ours; a higher one is not.
            var candidate = AssemblyName.GetAssemblyName(path);
            if (name.Version != null && candidate.Version != null && candidate.Version < name.Version)
            {
                return null;
            }

            return Assembly.LoadFrom(path);
        }
    }
}

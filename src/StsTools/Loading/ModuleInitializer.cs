using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace StsTools.Loading
{
    /// <summary>
    /// Runs when PowerShell imports StsTools.dll: teaches the runtime where the engine and the AWS SDK live
    /// (the module's Dependencies/ folder) without loading either. They load on the first cmdlet call.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal static string DependencyDirectory { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "Dependencies");

        private static readonly bool s_isDotNetFramework =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <inheritdoc />
        public void OnImport()
        {
            if (s_isDotNetFramework)
            {
                FrameworkAssemblyResolver.Register(DependencyDirectory);
            }
            else
            {
                // Kept in its own method so Windows PowerShell never JITs code that names AssemblyLoadContext.
                RegisterCoreLoader();
            }
        }

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            // The handlers stay: an engine already loaded must keep resolving its dependencies if the module
            // is imported again, and unregistering would strand objects (StsCredential) still in the session.
        }

        private static void RegisterCoreLoader() => IsolatedLoadContext.Register(DependencyDirectory);
    }
}

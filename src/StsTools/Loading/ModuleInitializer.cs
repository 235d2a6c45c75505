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
        private static readonly bool s_isDotNetFramework =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// .NET 8 and later (PowerShell 7.4+): Dependencies/, the AWS SDK's net8.0 build, precompiled (ReadyToRun) for
        /// PowerShell 7.6's runtime. Windows PowerShell 5.1 and older PowerShell 7 (.NET Core 3.1 to 7): the
        /// netstandard2.0 set in Dependencies/netstandard2.0/.
        /// </summary>
        internal static string DependencyDirectory { get; } = Path.Combine(
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".",
            "Dependencies",
            s_isDotNetFramework || Environment.Version.Major < 8 ? "netstandard2.0" : string.Empty);

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

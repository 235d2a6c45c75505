<#
.SYNOPSIS
    Builds, tests, packages and demonstrates StsTools.
.DESCRIPTION
    Runs on PowerShell 7, Windows PowerShell 5.1 and the engine-only host (../shared/tools/psh/psh -f build.ps1):
    it uses only the language, .NET calls and the dotnet CLI. The module layout itself is MSBuild's job
    (src/StsTools/StsTools.csproj, target LayoutModule), so `dotnet build` and `dotnet test` produce the same out/StsTools.
.PARAMETER Task
    Build (default): out/StsTools/<version>/. Test: dotnet test, then Pester where pwsh and Pester 5 are present.
    Package: a .nupkg of the module under out/. Demo: the seed stories against the local emulator. Clean: remove outputs.
.PARAMETER Configuration
    Debug or Release (default Release).
.PARAMETER NoBuild
    Demo: use what is already built (as `dotnet test` leaves it) instead of building first.
.EXAMPLE
    pwsh ./build.ps1
.EXAMPLE
    pwsh ./build.ps1 -Task Demo
.EXAMPLE
    ../shared/tools/psh/psh -f build.ps1 -Task Demo -NoBuild -Configuration Debug
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Clean')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$solution = [System.IO.Path]::Combine($root, 'StsTools.sln')
$moduleOut = [System.IO.Path]::Combine($root, 'out', 'StsTools')

function Invoke-Dotnet {
    param([string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    Invoke-Dotnet @('build', $solution, '-c', $Configuration, '-nologo', '-v', 'minimal')
    [Console]::WriteLine("Module: $moduleOut")
}

function Invoke-Test {
    Invoke-Dotnet @('test', $solution, '-c', $Configuration, '-nologo')
    $pester = $null
    if ($PSVersionTable.PSEdition -eq 'Core' -or $PSVersionTable.PSVersion.Major -ge 5) {
        $pester = Get-Module -ListAvailable -Name Pester -ErrorAction SilentlyContinue | Where-Object { $_.Version.Major -ge 5 } | Select-Object -First 1
    }
    if ($pester) {
        Import-Module $pester
        $result = Invoke-Pester -Path ([System.IO.Path]::Combine($root, 'tests', 'pester')) -Output Detailed -PassThru
        if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed" }
    }
    else {
        [Console]::WriteLine('Pester 5 is not available in this host: skipped the Pester suite (dotnet test ran).')
    }
}

function Invoke-Package {
    Invoke-Build
    $version = [System.IO.Directory]::GetDirectories($moduleOut)[0]
    $zip = [System.IO.Path]::Combine($root, 'out', "StsTools-$([System.IO.Path]::GetFileName($version)).zip")
    if ([System.IO.File]::Exists($zip)) { [System.IO.File]::Delete($zip) }
    if (-not ('System.IO.Compression.ZipFile' -as [type])) {
        [void][System.Reflection.Assembly]::Load('System.IO.Compression.FileSystem, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089')
    }
    [System.IO.Compression.ZipFile]::CreateFromDirectory($moduleOut, $zip)
    [Console]::WriteLine("Package: $zip")
}

function Invoke-Clean {
    foreach ($dir in @('out')) {
        $path = [System.IO.Path]::Combine($root, $dir)
        if ([System.IO.Directory]::Exists($path)) { [System.IO.Directory]::Delete($path, $true) }
    }
    Invoke-Dotnet @('clean', $solution, '-nologo', '-v', 'quiet')
}

function Invoke-Demo {
    if (-not $NoBuild) { Invoke-Build }
    $demo = [System.IO.Path]::Combine($root, 'demo', 'Demo.ps1')
    # Throws when a step failed: the host then exits non-zero (pwsh -File and psh -f alike).
    & $demo -ModulePath $moduleOut -Root $root -Configuration $Configuration
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
    'Clean' { Invoke-Clean }
}

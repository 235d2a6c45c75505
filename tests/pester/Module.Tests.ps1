#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The module's contract as a user sees it. Run: Invoke-Pester tests/pester (after ./build.ps1).

BeforeAll {
    $script:ModuleRoot = Join-Path $PSScriptRoot '../../out/StsTools'
    $script:ManifestPath = Get-ChildItem -Path $script:ModuleRoot -Filter StsTools.psd1 -Recurse | Select-Object -First 1 -ExpandProperty FullName
    Import-Module $script:ModuleRoot -Force
}

AfterAll {
    Remove-Module StsTools -ErrorAction SilentlyContinue
}

Describe 'StsTools manifest' {
    It 'is a valid manifest' {
        { Test-ModuleManifest -Path $script:ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'supports Windows PowerShell 5.1 and PowerShell 7' {
        $manifest = Import-PowerShellDataFile -Path $script:ManifestPath
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.CompatiblePSEditions | Should -Contain 'Desktop'
        $manifest.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'exports exactly its cmdlet classes, nothing by wildcard' {
        $manifest = Import-PowerShellDataFile -Path $script:ManifestPath
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        $manifest.FunctionsToExport | Should -BeNullOrEmpty
        $manifest.AliasesToExport | Should -BeNullOrEmpty
        $classes = (Get-Module StsTools).ImplementingAssembly.GetTypes() |
            Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).Count -gt 0 } |
            ForEach-Object {
                $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
                '{0}-{1}' -f $attribute.VerbName, $attribute.NounName
            }
        ($classes | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        ((Get-Command -Module StsTools).Name | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}

Describe 'Help for <_>' -ForEach @((Import-PowerShellDataFile -Path (Get-ChildItem -Path (Join-Path $PSScriptRoot '../../out/StsTools') -Filter StsTools.psd1 -Recurse | Select-Object -First 1 -ExpandProperty FullName)).CmdletsToExport) {
    BeforeAll {
        $script:Help = Get-Help -Name $_ -Full
    }

    It 'has a synopsis' {
        $script:Help.Synopsis | Should -Not -BeNullOrEmpty
        $script:Help.Synopsis | Should -Not -Match '^\s*\w+-\w+\s+\['
    }

    It 'has a description' {
        ($script:Help.description | ForEach-Object Text) -join '' | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example' {
        @($script:Help.examples.example).Count | Should -BeGreaterOrEqual 1
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($parameter in (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }) {
            (Get-Help -Name $_ -Parameter $parameter).description.Text -join '' | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }
}

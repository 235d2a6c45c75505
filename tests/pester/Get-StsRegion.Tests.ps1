#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-StsRegion: the built-in table, filters, and live status with its source.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    . (Join-Path $PSScriptRoot 'RegionsEmulator.ps1')
    $script:Emulator = Start-RegionsEmulator
}

AfterAll {
    Stop-RegionsEmulator $script:Emulator
}

Describe 'Get-StsRegion contract' {
    It 'declares StsRegion as its output type' {
        (Get-Command Get-StsRegion).OutputType.Name | Should -Contain 'StsTools.StsRegion'
    }

    It 'refuses an unknown region code with UnknownRegion' {
        { Get-StsRegion us-esat-1 -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownRegion,StsTools.Commands.GetStsRegionCommand'
    }

    It 'completes region codes with their names' {
        $found = (TabExpansion2 -inputScript 'Get-StsRegion me-s' -cursorColumn 17).CompletionMatches
        $found.CompletionText | Should -Contain 'me-south-1'
        ($found | Where-Object CompletionText -eq 'me-south-1').ToolTip | Should -BeLike 'Middle East (Bahrain)*'
    }

    It 'refuses a profile name no file can hold with InvalidProfileName' {
        { Get-StsRegion -Live -ProfileName "two`nlines" -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidProfileName,StsTools.Commands.GetStsRegionCommand'
    }
}

Describe 'Get-StsRegion table' {
    It 'lists the opt-in regions with names' {
        $regions = Get-StsRegion -OptIn
        $regions.Region | Should -Contain 'me-south-1'
        $regions.Region | Should -Not -Contain 'us-east-1'
        ($regions | Where-Object Region -eq 'af-south-1').Name | Should -Be 'Africa (Cape Town)'
        $regions.StatusSource | Select-Object -Unique | Should -Be 'Table'
    }

    It 'accepts wildcards' {
        (Get-StsRegion 'eu-*').Region | Should -Contain 'eu-south-2'
    }

    It 'treats a well-formed code newer than the table as opt-in' {
        $future = Get-StsRegion ap-southeast-9
        $future.OptIn | Should -BeTrue
        $future.InTable | Should -BeFalse
    }
}

Describe 'Get-StsRegion -Live' {
    It 'reads the account status from the Account API' {
        $regions = Get-StsRegion me-south-1, af-south-1 -Live -Credential (Get-AliceCredential) -EndpointUrl $script:Emulator.Template
        ($regions | Where-Object Region -eq 'me-south-1').Status | Should -Be 'Enabled'
        ($regions | Where-Object Region -eq 'af-south-1').Status | Should -Be 'Disabled'
        $regions.StatusSource | Select-Object -Unique | Should -Be 'AccountApi'
    }
}

Describe 'Get-StsRegion -Live with profiles' {
    BeforeEach { $script:Sandbox = New-ProfileSandbox }
    AfterEach { Restore-ProfileSandbox $script:Sandbox }

    It 'reads the status with a profile''s keys' {
        (Get-StsRegion me-south-1 -Live -ProfileName alice -EndpointUrl $script:Emulator.Template).StatusSource | Should -Be 'AccountApi'
    }

    It 'reports a missing profile with ProfileNotFound' {
        { Get-StsRegion -Live -ProfileName missing -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProfileNotFound,StsTools.Commands.GetStsRegionCommand'
    }
}

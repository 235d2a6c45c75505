#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Test-StsRegionCompatibility: seed 000's diagnosis against the emulator; needs the AWS CLI for the starting credential.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    . (Join-Path $PSScriptRoot 'RegionsEmulator.ps1')
    $script:Emulator = Start-RegionsEmulator
}

AfterAll {
    Stop-RegionsEmulator $script:Emulator
}

Describe 'Test-StsRegionCompatibility contract' {
    It 'declares its output types' {
        (Get-Command Test-StsRegionCompatibility).OutputType.Name | Should -Contain 'StsTools.StsRegionCompatibility'
        (Get-Command Test-StsRegionCompatibility).OutputType.Name | Should -Contain 'System.Boolean'
    }

    It 'refuses an unknown region with UnknownRegion' {
        { Get-AliceCredential | Test-StsRegionCompatibility -Region us-esat-1 -Offline -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownRegion,StsTools.Commands.TestStsRegionCompatibilityCommand'
    }

    It 'reports a malformed credential with its own error id' {
        { @{ AccessKeyId = 'short'; SecretAccessKey = 's' } | Test-StsRegionCompatibility -Offline -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAccessKeyId,StsTools.Commands.TestStsRegionCompatibilityCommand'
    }

    It 'refuses a profile name no file can hold with InvalidProfileName' {
        { Test-StsRegionCompatibility -ProfileName '[x' -Region me-south-1 -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidProfileName,StsTools.Commands.TestStsRegionCompatibilityCommand'
    }

    It 'refuses a piped credential with -ProfileName' {
        { Get-AliceCredential | Test-StsRegionCompatibility -ProfileName alice -Region me-south-1 -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'CredentialWithProfileName,StsTools.Commands.TestStsRegionCompatibilityCommand'
    }
}

Describe 'Seed 000' -Skip:(-not (Get-Command aws -ErrorAction SilentlyContinue)) {
    It 'finds a global-endpoint (v1) token unusable in me-south-1 and fine in us-east-1' {
        $results = Get-ReadOnlyCredential $script:Emulator | Test-StsRegionCompatibility -Region us-east-1, me-south-1 -EndpointUrl $script:Emulator.Template
        ($results | Where-Object Region -eq 'us-east-1').Compatible | Should -BeTrue
        $bahrain = $results | Where-Object Region -eq 'me-south-1'
        $bahrain.Compatible | Should -BeFalse
        $bahrain.Reason | Should -Be 'V1TokenInOptInRegion'
        $bahrain.ErrorCode | Should -Be 'InvalidClientTokenId'
        $bahrain.Remedy | Should -BeLike '*Set-StsTokenVersion V2Token*'
    }

    It 'decides the same offline, with -Quiet' {
        Get-ReadOnlyCredential $script:Emulator | Test-StsRegionCompatibility -Region me-south-1 -Offline -Quiet | Should -BeFalse
    }

    It 'passes regional-endpoint credentials everywhere the account has enabled, and calls af-south-1 not enabled' {
        $credential = Get-ReadOnlyCredential $script:Emulator -Endpoint 'eu-west-1'
        $credential | Test-StsRegionCompatibility -EndpointUrl $script:Emulator.Template -Quiet | Should -BeTrue
        ($credential | Test-StsRegionCompatibility -Region af-south-1 -EndpointUrl $script:Emulator.Template).Reason |
            Should -Be 'RegionNotEnabled'
    }
}

Describe 'Test-StsRegionCompatibility with profiles' {
    BeforeEach { $script:Sandbox = New-ProfileSandbox }
    AfterEach { Restore-ProfileSandbox $script:Sandbox }

    It 'tests a profile''s keys' {
        Test-StsRegionCompatibility -ProfileName alice -Region us-east-1 -EndpointUrl $script:Emulator.Template -Quiet | Should -BeTrue
    }

    It 'tests a role profile''s session (regional endpoint: v2, fine in me-south-1)' {
        $result = Test-StsRegionCompatibility -ProfileName ro -Region me-south-1 -EndpointUrl $script:Emulator.Template
        $result.Compatible | Should -BeTrue
        $result.Arn | Should -BeLike 'arn:aws:sts::222222222222:assumed-role/ReadOnly/*'
    }

    It 'reports a missing profile with ProfileNotFound' {
        { Test-StsRegionCompatibility -ProfileName missing -Region me-south-1 -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProfileNotFound,StsTools.Commands.TestStsRegionCompatibilityCommand'
    }
}

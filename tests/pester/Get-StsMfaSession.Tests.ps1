#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-StsMfaSession: contract, bad input, and the cached MFA session against the emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    . (Join-Path $PSScriptRoot 'RegionsEmulator.ps1')
    $script:Emulator = Start-RegionsEmulator
    $script:Cache = Join-Path ([System.IO.Path]::GetTempPath()) ("ststools-pester-mfa-" + [guid]::NewGuid().ToString('N'))
    $script:Saved = @{}
    foreach ($name in 'STSTOOLS_CACHE_DIR', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL_STS') {
        $script:Saved[$name] = [Environment]::GetEnvironmentVariable($name)
    }
    $env:STSTOOLS_CACHE_DIR = $script:Cache
    $env:AWS_ENDPOINT_URL_STS = $script:Emulator.Template
    $env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7ALICE01'
    $env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYALICEKEY'
    $env:AWS_SESSION_TOKEN = $null
    $script:Serial = 'arn:aws:iam::111111111111:mfa/alice'
    $script:Id = ',StsTools.Commands.GetStsMfaSessionCommand'
    function Get-Code { (Invoke-RestMethod -Uri ($script:Emulator.BaseUrl + '_emulator/totp?serialNumber=' + [uri]::EscapeDataString($script:Serial))).code }
}

AfterAll {
    Stop-RegionsEmulator $script:Emulator
    foreach ($name in $script:Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $script:Saved[$name]) }
    Remove-Item -LiteralPath $script:Cache -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-StsMfaSession contract' {
    It 'declares StsCredential as its output type' {
        (Get-Command Get-StsMfaSession).OutputType.Name | Should -Contain 'StsTools.StsCredential'
    }

    It 'refuses a duration out of range' {
        { Get-StsMfaSession -SerialNumber $script:Serial -TokenCode 123456 -DurationSeconds 600 -ErrorAction Stop } |
            Should -Throw -ErrorId ('SessionDurationOutOfRange' + $script:Id)
    }

    It 'refuses a token code that is not 6 digits' {
        { Get-StsMfaSession -SerialNumber $script:Serial -TokenCode 12345 -ErrorAction Stop } |
            Should -Throw -ErrorId ('InvalidTokenCode' + $script:Id)
    }

    It 'needs a device' {
        { Get-StsMfaSession -TokenCode 123456 -ErrorAction Stop } | Should -Throw -ErrorId ('TokenCodeWithoutSerialNumber' + $script:Id)
    }
}

Describe 'Get-StsMfaSession against the emulator' {
    It 'gets an MFA session and reuses it without a code' {
        $first = Get-StsMfaSession -SerialNumber $script:Serial -TokenCode (Get-Code) -Force
        $first.Source | Should -Be 'MfaSession'
        $first.MfaAuthenticated | Should -BeTrue
        $again = Get-StsMfaSession -SerialNumber $script:Serial
        $again.AccessKeyId | Should -Be $first.AccessKeyId
    }

    It 'opens a role that requires MFA' {
        $admin = Get-StsMfaSession -SerialNumber $script:Serial | Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/Admin -NoCache
        $admin.Arn | Should -BeLike '*assumed-role/Admin/*'
    }

    It 'writes the cache file owner-only on Unix' -Skip:($IsWindows) {
        $file = Get-ChildItem -LiteralPath $script:Cache -Filter 'mfa-session-*.json' | Select-Object -First 1
        (Get-Item -LiteralPath $file.FullName).UnixFileMode.ToString() | Should -Be 'UserRead, UserWrite'
    }
}

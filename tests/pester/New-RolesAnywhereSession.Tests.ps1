#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# New-RolesAnywhereSession: contract, bad input (own error ids, nothing sent) and the main scenarios against the
# emulator's default world with the test-only PKI (tests/fixtures/test-only-pki, password test-only-password).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    . (Join-Path $PSScriptRoot 'RegionsEmulator.ps1')
    $script:Emulator = Start-RegionsEmulator
    $script:Pki = (Resolve-Path (Join-Path $PSScriptRoot '../fixtures/test-only-pki')).Path
    $script:Password = ConvertTo-SecureString 'test-only-password' -AsPlainText -Force
    $script:Ra = @{
        TrustAnchorArn = 'arn:aws:rolesanywhere:us-east-1:222222222222:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001'
        ProfileArn     = 'arn:aws:rolesanywhere:us-east-1:222222222222:profile/0a1b2c3d-0000-4000-8000-000000000002'
        RoleArn        = 'arn:aws:iam::222222222222:role/RolesAnywhereRole'
        EndpointUrl    = $script:Emulator.Template
    }
    $script:CacheDir = Join-Path ([System.IO.Path]::GetTempPath()) ('ststools-pester-ra-' + [guid]::NewGuid().ToString('N'))
    $script:PreviousCacheDir = $env:STSTOOLS_CACHE_DIR
    $env:STSTOOLS_CACHE_DIR = $script:CacheDir

    function Get-CreateSessionCount {
        $log = Invoke-RestMethod -Uri ($script:Emulator.BaseUrl + '_emulator/requests')
        @($log | Where-Object operation -eq 'CreateSession').Count
    }
}

AfterAll {
    Stop-RegionsEmulator $script:Emulator
    $env:STSTOOLS_CACHE_DIR = $script:PreviousCacheDir
    if (Test-Path $script:CacheDir) { Remove-Item -Recurse -Force $script:CacheDir }
}

Describe 'New-RolesAnywhereSession contract' {
    It 'declares StsCredential as its output type' {
        (Get-Command New-RolesAnywhereSession).OutputType.Name | Should -Contain 'StsTools.StsCredential'
    }

    It 'has one parameter set per key source' {
        (Get-Command New-RolesAnywhereSession).ParameterSets.Name | Sort-Object |
            Should -Be @('Certificate', 'PemFile', 'Pkcs12', 'Store')
    }

    It 'takes certificates from the pipeline' {
        (Get-Command New-RolesAnywhereSession).Parameters['Certificate'].Attributes.ValueFromPipeline | Should -Contain $true
    }

    It 'completes -StoreLocation and -StoreName' {
        (TabExpansion2 -inputScript 'New-RolesAnywhereSession -StoreLocation Lo').CompletionMatches.CompletionText | Should -Contain 'LocalMachine'
        (TabExpansion2 -inputScript 'New-RolesAnywhereSession -StoreName R').CompletionMatches.CompletionText | Should -Contain 'Root'
    }
}

Describe 'New-RolesAnywhereSession bad input' {
    BeforeEach { Invoke-RestMethod -Method Delete -Uri ($script:Emulator.BaseUrl + '_emulator/requests') | Out-Null }
    AfterEach { Get-CreateSessionCount | Should -Be 0 }

    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'an expired certificate'; ErrorId = 'CertificateExpired'; Arguments = @{ CertificatePath = 'leaf-expired.pem'; PrivateKeyPath = 'leaf-expired.key' } }
        @{ Case = 'a certificate not yet valid'; ErrorId = 'CertificateNotYetValid'; Arguments = @{ CertificatePath = 'leaf-not-yet-valid.pem'; PrivateKeyPath = 'leaf-not-yet-valid.key' } }
        @{ Case = 'the wrong key'; ErrorId = 'PrivateKeyMismatch'; Arguments = @{ CertificatePath = 'leaf-rsa2048.pem'; PrivateKeyPath = 'leaf-topbit-serial.key' } }
        @{ Case = 'a file that is not a certificate'; ErrorId = 'InvalidCertificateFile'; Arguments = @{ CertificatePath = 'README.txt'; PrivateKeyPath = 'leaf-rsa2048.key' } }
        @{ Case = 'an RSA-1024 key'; ErrorId = 'RsaKeyTooSmall'; Arguments = @{ CertificatePath = 'leaf-rsa1024.pem'; PrivateKeyPath = 'leaf-rsa1024.key' } }
        @{ Case = 'a DSA key'; ErrorId = 'UnsupportedKeyAlgorithm'; Arguments = @{ CertificatePath = 'leaf-dsa.pem'; PrivateKeyPath = 'dsa.key' } }
        @{ Case = 'an encrypted key without its password'; ErrorId = 'PrivateKeyPasswordRequired'; Arguments = @{ CertificatePath = 'leaf-rsa2048.pem'; PrivateKeyPath = 'leaf-rsa2048-encrypted.key' } }
    ) {
        $a = @{}
        foreach ($k in $Arguments.Keys) { $a[$k] = Join-Path $script:Pki $Arguments[$k] }
        { New-RolesAnywhereSession @a @script:Ra -NoCache -ErrorAction Stop } |
            Should -Throw -ErrorId "$ErrorId,StsTools.Commands.NewRolesAnywhereSessionCommand"
    }

    It 'refuses a wrong PKCS#8 password' {
        $wrong = ConvertTo-SecureString 'wrong' -AsPlainText -Force
        { New-RolesAnywhereSession -CertificatePath "$script:Pki/leaf-rsa2048.pem" -PrivateKeyPath "$script:Pki/leaf-rsa2048-encrypted.key" -PrivateKeyPassword $wrong @script:Ra -ErrorAction Stop } |
            Should -Throw -ErrorId 'WrongPrivateKeyPassword,StsTools.Commands.NewRolesAnywhereSessionCommand'
    }

    It 'refuses a wrong PKCS#12 password' {
        $wrong = ConvertTo-SecureString 'wrong' -AsPlainText -Force
        { New-RolesAnywhereSession -Pkcs12Path "$script:Pki/leaf-rsa2048.p12" -Password $wrong @script:Ra -ErrorAction Stop } |
            Should -Throw -ErrorId 'WrongPkcs12Password,StsTools.Commands.NewRolesAnywhereSessionCommand'
    }

    It 'refuses a trust anchor ARN that is not one' {
        $a = $script:Ra.Clone(); $a.TrustAnchorArn = $a.ProfileArn
        { New-RolesAnywhereSession -CertificatePath "$script:Pki/leaf-p256.pem" -PrivateKeyPath "$script:Pki/leaf-p256.key" @a -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTrustAnchorArn,StsTools.Commands.NewRolesAnywhereSessionCommand'
    }

    It 'refuses a profile in another region than the trust anchor' {
        $a = $script:Ra.Clone(); $a.ProfileArn = $a.ProfileArn.Replace('us-east-1', 'eu-west-1')
        { New-RolesAnywhereSession -CertificatePath "$script:Pki/leaf-p256.pem" -PrivateKeyPath "$script:Pki/leaf-p256.key" @a -ErrorAction Stop } |
            Should -Throw -ErrorId 'RolesAnywhereRegionMismatch,StsTools.Commands.NewRolesAnywhereSessionCommand'
    }

    It 'refuses a duration out of range' {
        { New-RolesAnywhereSession -CertificatePath "$script:Pki/leaf-p256.pem" -PrivateKeyPath "$script:Pki/leaf-p256.key" -DurationSeconds 60 @script:Ra -ErrorAction Stop } |
            Should -Throw -ErrorId 'DurationOutOfRange,StsTools.Commands.NewRolesAnywhereSessionCommand'
    }

    It 'refuses a thumbprint that is not in the store' {
        { New-RolesAnywhereSession -Thumbprint '00112233445566778899AABBCCDDEEFF00112233' @script:Ra -ErrorAction Stop } |
            Should -Throw -ErrorId 'CertificateNotInStore,StsTools.Commands.NewRolesAnywhereSessionCommand'
    }
}

Describe 'New-RolesAnywhereSession against the emulator' {
    It 'gets RolesAnywhereRole credentials from <Source>' -ForEach @(
        @{ Source = 'PEM RSA'; Arguments = @{ CertificatePath = 'leaf-rsa2048.pem'; PrivateKeyPath = 'leaf-rsa2048.key' } }
        @{ Source = 'PEM EC P-256'; Arguments = @{ CertificatePath = 'leaf-p256.pem'; PrivateKeyPath = 'leaf-p256.key' } }
        @{ Source = 'PEM EC P-384'; Arguments = @{ CertificatePath = 'leaf-p384.pem'; PrivateKeyPath = 'leaf-p384.key' } }
        @{ Source = 'the intermediate-CA leaf'; Arguments = @{ CertificatePath = 'leaf-via-intermediate.pem'; PrivateKeyPath = 'leaf-via-intermediate.key'; IntermediateCertificatePath = 'intermediate-ca.pem' } }
    ) {
        $a = @{}
        foreach ($k in $Arguments.Keys) { $a[$k] = Join-Path $script:Pki $Arguments[$k] }
        $c = New-RolesAnywhereSession @a @script:Ra -NoCache
        $c | Should -BeOfType 'StsTools.StsCredential'
        $c.Source | Should -Be 'RolesAnywhere'
        $c.Arn | Should -BeLike 'arn:aws:sts::222222222222:assumed-role/RolesAnywhereRole/*'
        $c.SubjectArn | Should -BeLike 'arn:aws:rolesanywhere:us-east-1:222222222222:subject/*'
    }

    It 'reads an encrypted PKCS#8 key and a PKCS#12 file with their password' {
        (New-RolesAnywhereSession -CertificatePath "$script:Pki/leaf-rsa2048.pem" -PrivateKeyPath "$script:Pki/leaf-rsa2048-encrypted.key" -PrivateKeyPassword $script:Password @script:Ra -NoCache).Source |
            Should -Be 'RolesAnywhere'
        (New-RolesAnywhereSession -Pkcs12Path "$script:Pki/leaf-via-intermediate.p12" -Password $script:Password @script:Ra -NoCache).Source |
            Should -Be 'RolesAnywhere'
    }

    It 'takes an X509Certificate2 with its key from the pipeline' {
        $cert = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new("$script:Pki/leaf-p256.p12", 'test-only-password')
        ($cert | New-RolesAnywhereSession @script:Ra -NoCache).Arn | Should -BeLike '*:assumed-role/RolesAnywhereRole/*'
    }

    It 'serves a second identical call from the cache, and -NoCache calls again' {
        Invoke-RestMethod -Method Delete -Uri ($script:Emulator.BaseUrl + '_emulator/requests') | Out-Null
        $first = New-RolesAnywhereSession -CertificatePath "$script:Pki/leaf-p256.pem" -PrivateKeyPath "$script:Pki/leaf-p256.key" -RoleSessionName pester-cache @script:Ra
        $second = New-RolesAnywhereSession -CertificatePath "$script:Pki/leaf-p256.pem" -PrivateKeyPath "$script:Pki/leaf-p256.key" -RoleSessionName pester-cache @script:Ra
        $second.AccessKeyId | Should -Be $first.AccessKeyId
        Get-CreateSessionCount | Should -Be 1
        $null = New-RolesAnywhereSession -CertificatePath "$script:Pki/leaf-p256.pem" -PrivateKeyPath "$script:Pki/leaf-p256.key" -RoleSessionName pester-cache @script:Ra -NoCache
        Get-CreateSessionCount | Should -Be 2
    }

    It 'never shows the private key or the secret in any stream' {
        $all = New-RolesAnywhereSession -CertificatePath "$script:Pki/leaf-rsa2048.pem" -PrivateKeyPath "$script:Pki/leaf-rsa2048-encrypted.key" -PrivateKeyPassword $script:Password @script:Ra -NoCache -Verbose -Debug *>&1
        $credential = $all | Where-Object { $_ -is [StsTools.StsCredential] }
        $text = ($all | Where-Object { $_ -isnot [StsTools.StsCredential] } | Out-String) + ($credential | Out-String) + ($credential | Format-List | Out-String)
        $text | Should -Not -Match 'PRIVATE KEY'
        $text | Should -Not -Match 'test-only-password'
        $text | Should -Not -Match ([regex]::Escape($credential.SecretAccessKey))
    }
}

<#
.SYNOPSIS
    Walks the five seed stories of StsTools against the local emulator, printing what a user would see.
.DESCRIPTION
    Starts the emulator (src/StsTools.Emulator) with its default world on a free loopback port, imports the built
    module, points it at the emulator through the AWS_ENDPOINT_URL_<SERVICE> variables, and runs, in order:
      002  an MFA session (the TOTP code computed here from the world's MFA seed), then the MFA-guarded role
      001  another account's role with an external id, written to a profile that the AWS CLI reads
      000  a global-endpoint token refused in me-south-1, explained, the account switched to v2 tokens, a new token
      003  regional failover with one region's STS down
      004  an IAM Roles Anywhere session from a certificate
      CI   the credentials handed to GitHub Actions (a temporary GITHUB_ENV)
    then stops the emulator. It pauses for nothing and changes nothing outside temporary files: HOME, the AWS
    variables and the files they name are pointed at a temporary folder and restored afterwards.

    Runs on PowerShell 7 and on the engine-only host (../shared/tools/psh/psh): only the language, .NET calls and
    the engine's own commands (Import-Module, Get-Command, Where-Object), no Utility cmdlets.
    Never prints a secret key or a session token: every line goes through one writer that blanks them out.
    Fails (throws, so the host exits non-zero) when any step failed.
.PARAMETER ModulePath
    The built module folder (default: <repo>/out/StsTools).
.PARAMETER Root
    The repository root (default: the folder above this script's).
.PARAMETER Configuration
    The configuration the emulator was built with (dotnet run --no-build -c ...).
.EXAMPLE
    pwsh ./build.ps1 -Task Demo
.EXAMPLE
    ../shared/tools/psh/psh -f build.ps1 -Task Demo -NoBuild -Configuration Debug
#>
[CmdletBinding()]
param(
    [string] $ModulePath,
    [string] $Root,
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'   # a demo log, not a console: no progress bars
Set-StrictMode -Version 3.0

if (-not $Root) { $Root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..')) }
if (-not $ModulePath) { $ModulePath = [System.IO.Path]::Combine($Root, 'out', 'StsTools') }

# The default world's public, test-only values (src/StsTools.Emulator/World/default-world.json).
$World = @{
    AliceAccessKeyId     = 'AKIAIOSFODNN7ALICE01'
    AliceSecretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYALICEKEY'
    AliceMfaSerial       = 'arn:aws:iam::111111111111:mfa/alice'
    AliceTotpSeed        = 'JBSWY3DPEHPK3PXP'
    AdminRoleArn         = 'arn:aws:iam::222222222222:role/Admin'
    DeployRoleArn        = 'arn:aws:iam::222222222222:role/Deploy'
    DeployExternalId     = 'ext-4242'
    ReadOnlyRoleArn      = 'arn:aws:iam::222222222222:role/ReadOnly'
    RolesAnywhereRoleArn = 'arn:aws:iam::222222222222:role/RolesAnywhereRole'
    TrustAnchorArn       = 'arn:aws:rolesanywhere:us-east-1:222222222222:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001'
    ProfileArn           = 'arn:aws:rolesanywhere:us-east-1:222222222222:profile/0a1b2c3d-0000-4000-8000-000000000002'
}
$HomeRegion = 'us-east-1'
$OptInRegion = 'me-south-1'
$FallbackRegion = 'us-west-2'
$Pki = [System.IO.Path]::Combine($Root, 'tests', 'fixtures', 'test-only-pki')

# ---------------------------------------------------------------------------------------------------------------
# Output: one writer, which blanks out every secret the demo has seen (keys, tokens, the MFA seed).
# ---------------------------------------------------------------------------------------------------------------
$script:Secrets = [System.Collections.Generic.List[string]]::new()
$script:Failures = [System.Collections.Generic.List[string]]::new()
$script:StepCount = 0
$script:StepsPassed = 0

function Add-DemoSecret([string] $Value) {
    if ($Value -and $Value.Length -ge 8 -and -not $script:Secrets.Contains($Value)) { $script:Secrets.Add($Value) }
}

function Protect-DemoText([string] $Text) {
    if ($null -eq $Text) { return '' }
    foreach ($secret in $script:Secrets) { $Text = $Text.Replace($secret, '****') }
    $Text
}

function Say([string] $Text = '') {
    [Console]::WriteLine((Protect-DemoText $Text))
}

function Show-Headline([string] $Text) {
    Say ''
    Say ('=' * 100)
    Say $Text
    Say ('=' * 100)
}

# A value of an object's property, or $null when it has none (the cmdlets are landing one by one; strict mode).
function Get-Field($Object, [string] $Name) {
    if ($null -eq $Object) { return $null }
    $property = $Object.PSObject.Properties[$Name]
    if ($null -eq $property) { return $null }
    $property.Value
}

function Add-CredentialSecrets($Credential) {
    Add-DemoSecret (Get-Field $Credential 'SecretAccessKey')
    Add-DemoSecret (Get-Field $Credential 'SessionToken')
}

# What a user sees of a credential: never the secret or the token.
function Show-Credential($Credential, [string] $Indent = '    ') {
    if ($null -eq $Credential) { Say "${Indent}(no credential)"; return }
    Add-CredentialSecrets $Credential
    $short = Get-Field $Credential 'ShortAccessKeyId'
    if (-not $short) {
        $id = [string](Get-Field $Credential 'AccessKeyId')
        $short = if ($id.Length -gt 8) { $id.Substring(0, 4) + '…' + $id.Substring($id.Length - 4) } else { $id }
    }
    $expiration = Get-Field $Credential 'Expiration'
    $expires = ''
    if ($expiration -is [DateTime]) {
        $left = $expiration.ToUniversalTime() - [DateTime]::UtcNow
        $expires = $expiration.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss') + 'Z (' + [int][Math]::Max(0, $left.TotalMinutes) + ' min left)'
    }
    $lines = [ordered]@{
        'Arn'          = Get-Field $Credential 'Arn'
        'AccessKeyId'  = $short
        'Source'       = Get-Field $Credential 'Source'
        'Region'       = Get-Field $Credential 'Region'
        'IssuedBy'     = Get-Field $Credential 'IssuedBy'
        'TokenVersion' = Get-Field $Credential 'TokenVersion'
        'Expiration'   = $expires
    }
    $mfa = Get-Field $Credential 'MfaAuthenticated'
    if ($null -ne $mfa) { $lines['MfaAuthenticated'] = $mfa }
    $subject = Get-Field $Credential 'SubjectArn'
    if ($subject) { $lines['SubjectArn'] = $subject }
    foreach ($key in $lines.Keys) {
        $value = $lines[$key]
        if ($null -ne $value -and "$value" -ne '') { Say ("{0}{1,-17}: {2}" -f $Indent, $key, $value) }
    }
}

# Any result object, property by property (what Format-List would show), secrets blanked out by Say.
function Show-Object($Object, [string] $Indent = '    ') {
    foreach ($item in @($Object)) {
        if ($null -eq $item) { continue }
        if ($item -is [string] -or $item -is [ValueType]) { Say "${Indent}$item"; continue }
        $shown = @($item.PSObject.Properties | Where-Object {
                $_.Name -notin @('SecretAccessKey', 'SessionToken') -and $null -ne $_.Value -and "$($_.Value)" -ne '' })
        $width = 0
        foreach ($p in $shown) { $width = [Math]::Max($width, $p.Name.Length) }
        foreach ($p in $shown) { Say ("{0}{1} : {2}" -f $Indent, $p.Name.PadRight($width), $p.Value) }
    }
}

function Show-Error($ErrorRecord, [string] $Indent = '    ') {
    Say "${Indent}error id : $($ErrorRecord.FullyQualifiedErrorId)"
    Say "${Indent}message  : $($ErrorRecord.Exception.Message)"
    if ($ErrorRecord.ErrorDetails -and $ErrorRecord.ErrorDetails.RecommendedAction) {
        Say "${Indent}remedy   : $($ErrorRecord.ErrorDetails.RecommendedAction)"
    }
}

# Verbose and warning records a cmdlet wrote (captured with 4>&1 3>&1), printed as the user sees them; returns the
# rest (the cmdlet's output). A run of retries against a dead endpoint is shortened after the first two lines.
function Show-Stream($Records, [string] $Indent = '    ') {
    $result = $null
    $retryLines = 0
    foreach ($record in $Records) {
        if ($record -is [System.Management.Automation.VerboseRecord]) {
            if ($record.Message -match ': (retry \d+|no answer from) ') {
                $retryLines++
                if ($retryLines -gt 2) { continue }
            }
            elseif ($retryLines -gt 2) {
                Say "${Indent}VERBOSE: … ($($retryLines - 2) more lines of the same: retry, no answer)"
                $retryLines = 0
            }
            Say "${Indent}VERBOSE: $($record.Message)"
        }
        elseif ($record -is [System.Management.Automation.WarningRecord]) { Say "${Indent}WARNING: $($record.Message)" }
        elseif ($record -is [System.Management.Automation.InformationRecord]) { Say "${Indent}$($record.MessageData)" }
        else { $result = $record }
    }
    $result
}

function Show-File([string] $Path, [string] $Indent = '    | ') {
    foreach ($line in [System.IO.File]::ReadAllLines($Path)) { Say "${Indent}$line" }
}

# ---------------------------------------------------------------------------------------------------------------
# Steps: each runs in its own try/catch; one failing step does not stop the others, but fails the demo.
# ---------------------------------------------------------------------------------------------------------------
function Test-Cmdlets([string[]] $Names) {
    $missing = @($Names | Where-Object { -not (Get-Command -Name $_ -Module StsTools -ErrorAction SilentlyContinue) })
    $missing
}

function Invoke-DemoStep([string] $Title, [string[]] $Cmdlets, [scriptblock] $Body) {
    $script:StepCount++
    Say ''
    Say "--- $Title"
    $missing = @(Test-Cmdlets $Cmdlets)
    if ($missing.Count -gt 0) {
        Say "    FAILED: the module does not export $($missing -join ', ')"
        $script:Failures.Add($Title)
        return
    }
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        & $Body
        Say ("    ok ({0:N1} s)" -f $watch.Elapsed.TotalSeconds)
        $script:StepsPassed++
    }
    catch {
        Say "    FAILED: $($_.Exception.Message)"
        if ($_.FullyQualifiedErrorId -and $_.FullyQualifiedErrorId -ne $_.Exception.Message) { Say "    error id: $($_.FullyQualifiedErrorId)" }
        $script:Failures.Add($Title)
    }
}

function Assert-Demo([bool] $Condition, [string] $Message) {
    if (-not $Condition) { throw $Message }
}

# ---------------------------------------------------------------------------------------------------------------
# TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) from a base32 seed, as an authenticator app computes it.
# ---------------------------------------------------------------------------------------------------------------
function ConvertFrom-Base32([string] $Text) {
    $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
    $bytes = [System.Collections.Generic.List[byte]]::new()
    $buffer = 0
    $bits = 0
    foreach ($ch in $Text.TrimEnd('=').Replace(' ', '').ToUpperInvariant().ToCharArray()) {
        $index = $alphabet.IndexOf($ch)
        if ($index -lt 0) { throw "'$ch' is not a base32 character." }
        $buffer = (($buffer -shl 5) -bor $index) -band 0xFFFF
        $bits += 5
        if ($bits -ge 8) {
            $bits -= 8
            $bytes.Add([byte](($buffer -shr $bits) -band 0xFF))
        }
    }
    , $bytes.ToArray()
}

function Get-TotpCode([string] $Base32Seed, [DateTimeOffset] $At = [DateTimeOffset]::UtcNow) {
    $key = ConvertFrom-Base32 $Base32Seed
    $counter = [long][Math]::Floor($At.ToUnixTimeSeconds() / 30)
    $message = [BitConverter]::GetBytes($counter)
    if ([BitConverter]::IsLittleEndian) { [Array]::Reverse($message) }
    $hmac = [System.Security.Cryptography.HMACSHA1]::new($key)
    try { $hash = $hmac.ComputeHash($message) } finally { $hmac.Dispose() }
    $offset = $hash[$hash.Length - 1] -band 0x0F
    $binary = (([int]($hash[$offset] -band 0x7F)) -shl 24) -bor (([int]$hash[$offset + 1]) -shl 16) -bor (([int]$hash[$offset + 2]) -shl 8) -bor ([int]$hash[$offset + 3])
    ($binary % 1000000).ToString('D6', [System.Globalization.CultureInfo]::InvariantCulture)
}

# ---------------------------------------------------------------------------------------------------------------
# The emulator: a child process (dotnet run), its address read from its first line; the admin API over HTTP.
# ---------------------------------------------------------------------------------------------------------------
$ListeningPrefix = 'StsTools emulator listening on '

function Start-DemoEmulator {
    $project = [System.IO.Path]::Combine($Root, 'src', 'StsTools.Emulator')
    # Port 0: the emulator picks a free port and prints it. --parent-pid: it stops by itself if this host dies.
    $emulatorArguments = @('--urls', 'http://127.0.0.1:0', '--parent-pid', [string]$PID)
    # The built dll when it is there (as the tests start it: `dotnet run` spends seconds evaluating the project
    # first), else `dotnet run --no-build`.
    $dll = $null
    $bin = [System.IO.Path]::Combine($project, 'bin', $Configuration)
    if ([System.IO.Directory]::Exists($bin)) {
        $found = [System.IO.Directory]::GetFiles($bin, 'StsTools.Emulator.dll', [System.IO.SearchOption]::AllDirectories)
        if ($found.Length -gt 0) { $dll = $found[0] }
    }
    if ($dll) {
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        $start.ArgumentList.Add($dll)
        $command = "dotnet $([System.IO.Path]::GetRelativePath($Root, $dll))"
    }
    else {
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @('run', '--project', $project, '--no-build', '-c', $Configuration, '--')) { $start.ArgumentList.Add($a) }
        $command = "dotnet run --project src/StsTools.Emulator --no-build -c $Configuration --"
    }
    foreach ($a in $emulatorArguments) { $start.ArgumentList.Add($a) }
    Say "PS> $command $($emulatorArguments -join ' ')"
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.WorkingDirectory = $Root
    foreach ($name in @('AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE')) {
        [void]$start.Environment.Remove($name)
    }
    $process = [System.Diagnostics.Process]::Start($start)
    if ($null -eq $process) { throw "Could not start the emulator ($command)." }
    $stderr = $process.StandardError.ReadToEndAsync()
    $deadline = [DateTime]::UtcNow.AddSeconds(90)
    $url = $null
    while ($null -eq $url) {
        $read = $process.StandardOutput.ReadLineAsync()
        $remaining = $deadline - [DateTime]::UtcNow
        if ($remaining -le [TimeSpan]::Zero -or -not $read.Wait($remaining)) {
            Stop-DemoEmulator $process
            throw "The emulator did not report its address within 90 s."
        }
        $line = $read.Result
        if ($null -eq $line) {
            $process.WaitForExit(5000) | Out-Null
            $errors = if ($stderr.Wait(2000)) { $stderr.Result } else { '' }
            throw "The emulator exited before listening (did the build run? try without -NoBuild). $errors"
        }
        if ($line.StartsWith($ListeningPrefix, [StringComparison]::Ordinal)) {
            $url = $line.Substring($ListeningPrefix.Length).Trim().TrimEnd('/') + '/'
        }
    }
    # Keep draining its output (the banner lists the world's keys: never printed here).
    $drain = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{ Process = $process; BaseUrl = $url; Drain = $drain; Errors = $stderr }
}

function Stop-DemoEmulator($Process) {
    if ($null -eq $Process) { return }
    try {
        if (-not $Process.HasExited) {
            $Process.Kill($true)   # the whole tree: dotnet run and the emulator it started
            [void]$Process.WaitForExit(10000)
        }
    }
    catch [System.InvalidOperationException] { }
    $Process.Dispose()
}

$script:Http = [System.Net.Http.HttpClient]::new()
$script:Http.Timeout = [TimeSpan]::FromSeconds(30)

function Invoke-EmulatorAdmin([string] $Method, [string] $Path, [string] $Json) {
    $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $script:Emulator.BaseUrl + '_emulator/' + $Path)
    if ($Json) { $request.Content = [System.Net.Http.StringContent]::new($Json, [System.Text.Encoding]::UTF8, 'application/json') }
    $response = $script:Http.SendAsync($request).GetAwaiter().GetResult()
    try {
        $body = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "Emulator admin call $Method /_emulator/$Path failed: $([int]$response.StatusCode) $body" }
        $body
    }
    finally { $response.Dispose(); $request.Dispose() }
}

# ---------------------------------------------------------------------------------------------------------------
# The AWS CLI as an independent reader, in its own process with an environment we choose.
# ---------------------------------------------------------------------------------------------------------------
function Find-OnPath([string] $Tool) {
    $names = @($Tool)
    if ([System.IO.Path]::DirectorySeparatorChar -eq '\') { $names = @("$Tool.exe", "$Tool.cmd", $Tool) }
    foreach ($dir in ([Environment]::GetEnvironmentVariable('PATH') -split [System.IO.Path]::PathSeparator)) {
        if (-not $dir) { continue }
        foreach ($name in $names) {
            $candidate = [System.IO.Path]::Combine($dir, $name)
            if ([System.IO.File]::Exists($candidate)) { return $candidate }
        }
    }
    $null
}

function Invoke-Tool([string] $Path, [string[]] $Arguments, [hashtable] $Environment) {
    $start = [System.Diagnostics.ProcessStartInfo]::new($Path)
    foreach ($a in $Arguments) { $start.ArgumentList.Add($a) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    foreach ($key in $Environment.Keys) {
        if ($null -eq $Environment[$key]) { [void]$start.Environment.Remove($key) } else { $start.Environment[$key] = [string]$Environment[$key] }
    }
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        $out = $process.StandardOutput.ReadToEndAsync()
        $err = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(60000)) { $process.Kill($true); throw "$Path did not finish within 60 s." }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; StdOut = $out.Result; StdErr = $err.Result }
    }
    finally { $process.Dispose() }
}

# ---------------------------------------------------------------------------------------------------------------
# Environment: everything the demo points somewhere is saved first and restored at the end.
# ---------------------------------------------------------------------------------------------------------------
function Save-DemoEnvironment {
    $saved = @{}
    foreach ($entry in [Environment]::GetEnvironmentVariables().GetEnumerator()) {
        if ([string]$entry.Key -like 'AWS_*') { $saved[[string]$entry.Key] = [string]$entry.Value }
    }
    foreach ($name in @('HOME', 'USERPROFILE', 'GITHUB_ENV', 'GITHUB_ACTIONS', 'TF_BUILD', 'STSTOOLS_CACHE_DIR')) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
    }
    $saved
}

function Restore-DemoEnvironment([hashtable] $Saved) {
    foreach ($entry in [Environment]::GetEnvironmentVariables().GetEnumerator()) {
        $name = [string]$entry.Key
        if ($name -like 'AWS_*' -and -not $Saved.ContainsKey($name)) { [Environment]::SetEnvironmentVariable($name, $null) }
    }
    foreach ($name in $Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
}

function Set-Env([string] $Name, [string] $Value) { [Environment]::SetEnvironmentVariable($Name, $Value) }

# ===============================================================================================================
$savedEnvironment = Save-DemoEnvironment
$tempRoot = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'ststools-demo-' + [Guid]::NewGuid().ToString('N').Substring(0, 12))
$script:Emulator = $null
$clock = [System.Diagnostics.Stopwatch]::StartNew()
Add-DemoSecret $World.AliceSecretAccessKey
Add-DemoSecret $World.AliceTotpSeed

try {
    Show-Headline 'StsTools demo: the five seed stories against the local emulator'
    [void][System.IO.Directory]::CreateDirectory($tempRoot)
    [void][System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($tempRoot, 'home'))

    Say "Starting the emulator with its default world:"
    $script:Emulator = Start-DemoEmulator
    $base = $script:Emulator.BaseUrl
    $endpointTemplate = $base + '{region}/'
    Say "    listening on $base (every region at ${base}<region>/, the global STS endpoint at ${base}aws-global/)"

    # Nothing of the user's own AWS setup takes part: a temporary HOME, config and credentials file.
    foreach ($name in @([Environment]::GetEnvironmentVariables().Keys)) {
        if ([string]$name -like 'AWS_*') { Set-Env ([string]$name) $null }
    }
    $credentialsFile = [System.IO.Path]::Combine($tempRoot, 'credentials')
    $configFile = [System.IO.Path]::Combine($tempRoot, 'config')
    [System.IO.File]::WriteAllText($configFile, "[default]`nregion = $HomeRegion`n")
    Set-Env 'STSTOOLS_CACHE_DIR' $null
    Set-Env 'HOME' ([System.IO.Path]::Combine($tempRoot, 'home'))
    Set-Env 'USERPROFILE' ([System.IO.Path]::Combine($tempRoot, 'home'))
    Set-Env 'AWS_CONFIG_FILE' $configFile
    Set-Env 'AWS_SHARED_CREDENTIALS_FILE' $credentialsFile
    Set-Env 'AWS_EC2_METADATA_DISABLED' 'true'
    Set-Env 'AWS_REGION' $HomeRegion
    foreach ($service in @('STS', 'IAM', 'ACCOUNT', 'EC2', 'ROLESANYWHERE')) {
        Set-Env "AWS_ENDPOINT_URL_$service" $endpointTemplate
    }
    # alice's long-term keys (an IAM user in account 111111111111 with an MFA device), as a runbook has them.
    Set-Env 'AWS_ACCESS_KEY_ID' $World.AliceAccessKeyId
    Set-Env 'AWS_SECRET_ACCESS_KEY' $World.AliceSecretAccessKey
    Say "    AWS_ENDPOINT_URL_STS/IAM/ACCOUNT/EC2/ROLESANYWHERE = $endpointTemplate"
    Say "    AWS_ACCESS_KEY_ID = $($World.AliceAccessKeyId) (alice, account 111111111111), AWS_REGION = $HomeRegion"
    Say "    HOME, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point under $tempRoot (your ~/.aws is untouched)"

    Say ''
    Say "PS> Import-Module $ModulePath"
    Import-Module $ModulePath -ErrorAction Stop
    $module = Get-Module -Name StsTools
    Say "    StsTools $($module.Version): $((@($module.ExportedCmdlets.Keys) | Where-Object { $_ }) -join ', ')"

    # -----------------------------------------------------------------------------------------------------------
    Show-Headline 'Story 002: an MFA session once, then the role that requires MFA'
    $script:MfaSession = $null
    Invoke-DemoStep 'Get-StsMfaSession with a TOTP code computed from alice''s MFA seed' @('Get-StsMfaSession') {
        $code = Get-TotpCode $World.AliceTotpSeed
        Say "    TOTP code now (RFC 6238, computed in PowerShell from alice's MFA seed): $code"
        Say "PS> `$mfa = Get-StsMfaSession -SerialNumber $($World.AliceMfaSerial) -TokenCode $code -DurationSeconds 3600"
        $script:MfaSession = Get-StsMfaSession -SerialNumber $World.AliceMfaSerial -TokenCode $code -DurationSeconds 3600 -ErrorAction Stop
        Show-Credential $script:MfaSession
        Assert-Demo ($null -ne $script:MfaSession) 'Get-StsMfaSession returned nothing.'
    }

    Invoke-DemoStep 'The next run of the runbook asks for no code: the MFA session comes from the cache' @('Get-StsMfaSession') {
        Assert-Demo ($null -ne $script:MfaSession) 'needs the MFA session of the step before.'
        Say "PS> Get-StsMfaSession -SerialNumber $($World.AliceMfaSerial)      # no -TokenCode, no prompt"
        $again = Get-StsMfaSession -SerialNumber $World.AliceMfaSerial -ErrorAction Stop
        Show-Credential $again
        $cache = [System.IO.Path]::Combine($tempRoot, 'home', '.aws', 'ststools', 'cache')
        if ([System.IO.Directory]::Exists($cache)) {
            foreach ($file in [System.IO.Directory]::GetFiles($cache)) {
                $mode = ''
                if ([System.IO.Path]::DirectorySeparatorChar -eq '/') { $mode = ', mode 0' + [Convert]::ToString([int][System.IO.File]::GetUnixFileMode($file), 8) }
                Say "    cached under ~/.aws/ststools/cache/ (one file$mode)"
            }
        }
        Assert-Demo ((Get-Field $again 'AccessKeyId') -eq (Get-Field $script:MfaSession 'AccessKeyId')) 'the second call did not return the cached MFA session.'
    }

    Invoke-DemoStep 'Without MFA, the Admin role refuses alice' @('Invoke-StsAssumeRole') {
        Say "PS> Invoke-StsAssumeRole -RoleArn $($World.AdminRoleArn)     # alice's long-term keys, no MFA"
        $refused = $false
        try {
            $c = Invoke-StsAssumeRole -RoleArn $World.AdminRoleArn -NoCache -ErrorAction Stop
            Add-CredentialSecrets $c
        }
        catch {
            $refused = $true
            Show-Error $_
        }
        Assert-Demo $refused 'The Admin role was assumed without MFA: the trust policy requires it.'
        Say '    (refused, as the trust policy requires aws:MultiFactorAuthPresent)'
    }

    Invoke-DemoStep 'The MFA session pipes into Invoke-StsAssumeRole for the Admin role' @('Get-StsMfaSession', 'Invoke-StsAssumeRole') {
        Assert-Demo ($null -ne $script:MfaSession) 'needs the MFA session of the step before.'
        Say "PS> `$mfa | Invoke-StsAssumeRole -RoleArn $($World.AdminRoleArn) -RoleSessionName demo-admin"
        $admin = $script:MfaSession | Invoke-StsAssumeRole -RoleArn $World.AdminRoleArn -RoleSessionName 'demo-admin' -ErrorAction Stop
        Show-Credential $admin
        Assert-Demo ([string](Get-Field $admin 'Arn') -like '*:assumed-role/Admin/demo-admin') "unexpected Arn '$(Get-Field $admin 'Arn')'."
    }

    # -----------------------------------------------------------------------------------------------------------
    Show-Headline 'Story 001: another account''s role with an external id, in a profile the AWS CLI reads'
    $script:Deploy = $null
    Invoke-DemoStep 'Invoke-StsAssumeRole with the external id' @('Invoke-StsAssumeRole') {
        Say "PS> `$deploy = Invoke-StsAssumeRole -RoleArn $($World.DeployRoleArn) -ExternalId $($World.DeployExternalId) -RoleSessionName demo-deploy"
        $script:Deploy = Invoke-StsAssumeRole -RoleArn $World.DeployRoleArn -ExternalId $World.DeployExternalId -RoleSessionName 'demo-deploy' -ErrorAction Stop
        Show-Credential $script:Deploy
        Assert-Demo ([string](Get-Field $script:Deploy 'Arn') -like '*:assumed-role/Deploy/demo-deploy') "unexpected Arn '$(Get-Field $script:Deploy 'Arn')'."
    }

    Invoke-DemoStep 'Set-StsEnvironment -Target Profile writes it into the shared credentials file' @('Set-StsEnvironment') {
        Assert-Demo ($null -ne $script:Deploy) 'needs the Deploy credentials of the step before.'
        # Another profile with a comment, to show it is kept byte for byte.
        [System.IO.File]::WriteAllText($credentialsFile, "# written by hand`n[other]`naws_access_key_id = AKIAOTHEREXAMPLE0001`naws_secret_access_key = not-a-real-secret-just-an-example-0000`n")
        Add-DemoSecret 'not-a-real-secret-just-an-example-0000'
        Say "PS> `$deploy | Set-StsEnvironment -Target Profile -ProfileName demo-deploy"
        $records = $script:Deploy | Set-StsEnvironment -Target Profile -ProfileName 'demo-deploy' -ErrorAction Stop 4>&1 3>&1
        [void](Show-Stream $records)
        Say "    $credentialsFile (secrets shown as ****):"
        Show-File $credentialsFile
        $text = [System.IO.File]::ReadAllText($credentialsFile)
        Assert-Demo ($text.Contains('[demo-deploy]') -and $text.Contains('[other]') -and $text.Contains('# written by hand')) 'the credentials file lacks a profile or lost the other one.'
    }

    Invoke-DemoStep 'The AWS CLI reads the profile: aws sts get-caller-identity --profile demo-deploy' @('Set-StsEnvironment') {
        $aws = Find-OnPath 'aws'
        if (-not $aws) {
            Say '    (skipped: the AWS CLI (aws) is not on PATH)'
            return
        }
        Assert-Demo ([System.IO.File]::Exists($credentialsFile)) 'needs the profile of the step before.'
        Say "PS> aws sts get-caller-identity --profile demo-deploy --endpoint-url ${base}${HomeRegion}/"
        $cliEnvironment = @{
            AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null; AWS_SESSION_TOKEN = $null; AWS_PROFILE = $null
            AWS_ENDPOINT_URL_STS = $null; AWS_ENDPOINT_URL_IAM = $null; AWS_ENDPOINT_URL_ACCOUNT = $null; AWS_ENDPOINT_URL_EC2 = $null; AWS_ENDPOINT_URL_ROLESANYWHERE = $null
            AWS_SHARED_CREDENTIALS_FILE = $credentialsFile; AWS_CONFIG_FILE = $configFile; AWS_DEFAULT_REGION = $HomeRegion
        }
        $result = Invoke-Tool $aws @('sts', 'get-caller-identity', '--profile', 'demo-deploy', '--region', $HomeRegion, '--endpoint-url', "${base}${HomeRegion}/", '--output', 'json') $cliEnvironment
        foreach ($line in ($result.StdOut.TrimEnd() -split "`r?`n")) { Say "    $line" }
        if ($result.ExitCode -ne 0) { throw "aws exited with $($result.ExitCode): $($result.StdErr.Trim())" }
        Assert-Demo ($result.StdOut.Contains('assumed-role/Deploy/demo-deploy')) 'the AWS CLI did not see the Deploy role session.'
    }

    # -----------------------------------------------------------------------------------------------------------
    Show-Headline "Story 000: a token from the global endpoint fails in $OptInRegion (Bahrain)"
    $script:V1Token = $null
    Invoke-DemoStep 'A token from the global STS endpoint (the account still issues v1 tokens there)' @('Invoke-StsAssumeRole') {
        Say "PS> `$old = Invoke-StsAssumeRole -RoleArn $($World.ReadOnlyRoleArn) -StsEndpoint Global -RoleSessionName demo-global"
        $records = Invoke-StsAssumeRole -RoleArn $World.ReadOnlyRoleArn -StsEndpoint Global -RoleSessionName 'demo-global' -NoCache -ErrorAction Stop 3>&1
        $script:V1Token = Show-Stream $records
        Show-Credential $script:V1Token
        Assert-Demo ([string](Get-Field $script:V1Token 'TokenVersion') -eq 'V1') "expected a V1 token, got '$(Get-Field $script:V1Token 'TokenVersion')'."
    }

    Invoke-DemoStep "It is refused in $OptInRegion" @('Invoke-StsAssumeRole') {
        Assert-Demo ($null -ne $script:V1Token) 'needs the global-endpoint token of the step before.'
        Say "PS> `$old | Invoke-StsAssumeRole -RoleArn $($World.ReadOnlyRoleArn) -Region $OptInRegion"
        $refused = $false
        try {
            $c = $script:V1Token | Invoke-StsAssumeRole -RoleArn $World.ReadOnlyRoleArn -Region $OptInRegion -RoleSessionName 'demo-bahrain' -NoCache -ErrorAction Stop
            Add-CredentialSecrets $c
        }
        catch {
            $refused = $true
            Show-Error $_
        }
        Assert-Demo $refused "the v1 token was accepted in $OptInRegion."
        Say "    (refused: what seed 000's operator saw in Bahrain)"
    }

    Invoke-DemoStep 'Test-StsRegionCompatibility explains why' @('Test-StsRegionCompatibility') {
        Assert-Demo ($null -ne $script:V1Token) 'needs the global-endpoint token.'
        Say "PS> `$old | Test-StsRegionCompatibility -Region $OptInRegion"
        $results = @($script:V1Token | Test-StsRegionCompatibility -Region $OptInRegion -ErrorAction Stop)
        foreach ($r in $results) {
            foreach ($name in @('Region', 'Name', 'OptIn', 'OptInStatus', 'TokenVersion', 'GlobalEndpointTokenVersion', 'Compatible', 'ErrorCode', 'Reason', 'Explanation', 'Remedy')) {
                $value = Get-Field $r $name
                if ($null -ne $value -and "$value" -ne '') { Say ("    {0} : {1}" -f $name.PadRight(26), $value) }
            }
        }
        Assert-Demo ($results.Count -ge 1 -and (Get-Field $results[0] 'Compatible') -eq $false) 'Test-StsRegionCompatibility did not report the token as incompatible.'
    }

    Invoke-DemoStep 'Set-StsTokenVersion V2Token switches the account to v2 tokens' @('Get-StsTokenVersion', 'Set-StsTokenVersion') {
        Say 'PS> Get-StsTokenVersion'
        Show-Object (Get-StsTokenVersion -ErrorAction Stop)
        Say 'PS> Set-StsTokenVersion -Version V2Token -Confirm:$false -PassThru'
        $records = Set-StsTokenVersion -Version V2Token -Confirm:$false -PassThru -ErrorAction Stop 3>&1
        Show-Object (Show-Stream $records)
        Say 'PS> Get-StsTokenVersion'
        $after = Get-StsTokenVersion -ErrorAction Stop
        Show-Object $after
        $version = Get-Field $after 'Version'
        if ($null -eq $version) { $version = Get-Field $after 'GlobalEndpointTokenVersion' }
        Assert-Demo ("$version" -eq 'V2Token') "the account still reports '$version'."
    }

    Invoke-DemoStep "A new token from the global endpoint works in $OptInRegion" @('Invoke-StsAssumeRole', 'Test-StsRegionCompatibility') {
        Say "PS> `$new = Invoke-StsAssumeRole -RoleArn $($World.ReadOnlyRoleArn) -StsEndpoint Global -RoleSessionName demo-global -NoCache"
        $records = Invoke-StsAssumeRole -RoleArn $World.ReadOnlyRoleArn -StsEndpoint Global -RoleSessionName 'demo-global' -NoCache -ErrorAction Stop 3>&1
        $new = Show-Stream $records
        Show-Credential $new
        Say "PS> `$new | Test-StsRegionCompatibility -Region $OptInRegion -Quiet"
        $ok = $new | Test-StsRegionCompatibility -Region $OptInRegion -Quiet -ErrorAction Stop
        Say "    $ok"
        Say "PS> `$new | Invoke-StsAssumeRole -RoleArn $($World.ReadOnlyRoleArn) -Region $OptInRegion"
        $chained = $new | Invoke-StsAssumeRole -RoleArn $World.ReadOnlyRoleArn -Region $OptInRegion -RoleSessionName 'demo-bahrain' -NoCache -ErrorAction Stop
        Show-Credential $chained
        Assert-Demo ($ok -eq $true) 'the new token is still reported incompatible.'
    }

    # -----------------------------------------------------------------------------------------------------------
    Show-Headline "Story 003: regional failover while $HomeRegion's STS is down"
    Invoke-DemoStep "Invoke-StsAssumeRole -FallbackRegion $FallbackRegion with $HomeRegion refusing connections" @('Invoke-StsAssumeRole') {
        Say "    (emulator admin API: PUT /_emulator/faults/$HomeRegion {`"service`":`"sts`",`"down`":true})"
        [void](Invoke-EmulatorAdmin 'PUT' "faults/$HomeRegion" '{"service":"sts","down":true}')
        try {
            Say "PS> Invoke-StsAssumeRole -RoleArn $($World.ReadOnlyRoleArn) -Region $HomeRegion -FallbackRegion $FallbackRegion -Verbose"
            $records = Invoke-StsAssumeRole -RoleArn $World.ReadOnlyRoleArn -Region $HomeRegion -FallbackRegion $FallbackRegion -RoleSessionName 'demo-failover' -NoCache -Verbose -ErrorAction Stop 4>&1 3>&1
            $failedOver = Show-Stream $records
            Show-Credential $failedOver
            Assert-Demo ("$(Get-Field $failedOver 'IssuedBy')" -like "*$FallbackRegion*") "expected credentials issued by $FallbackRegion, got '$(Get-Field $failedOver 'IssuedBy')'."
        }
        finally {
            [void](Invoke-EmulatorAdmin 'DELETE' "faults/$HomeRegion" $null)
        }
    }

    # -----------------------------------------------------------------------------------------------------------
    Show-Headline 'Story 004: IAM Roles Anywhere from an X.509 certificate (no signing helper binary)'
    $script:RolesAnywhere = $null
    Invoke-DemoStep 'New-RolesAnywhereSession with the test PKI''s certificate and key' @('New-RolesAnywhereSession') {
        $certificate = [System.IO.Path]::Combine($Pki, 'leaf-rsa2048.pem')
        $key = [System.IO.Path]::Combine($Pki, 'leaf-rsa2048.key')
        Say "PS> `$ra = New-RolesAnywhereSession -CertificatePath tests/fixtures/test-only-pki/leaf-rsa2048.pem -PrivateKeyPath tests/fixtures/test-only-pki/leaf-rsa2048.key ``"
        Say "        -TrustAnchorArn $($World.TrustAnchorArn) ``"
        Say "        -ProfileArn $($World.ProfileArn) ``"
        Say "        -RoleArn $($World.RolesAnywhereRoleArn)"
        $records = New-RolesAnywhereSession -CertificatePath $certificate -PrivateKeyPath $key -TrustAnchorArn $World.TrustAnchorArn `
            -ProfileArn $World.ProfileArn -RoleArn $World.RolesAnywhereRoleArn -ErrorAction Stop 3>&1
        $script:RolesAnywhere = Show-Stream $records
        Show-Credential $script:RolesAnywhere
        Assert-Demo ([string](Get-Field $script:RolesAnywhere 'Arn') -like '*:assumed-role/RolesAnywhereRole/*') "unexpected Arn '$(Get-Field $script:RolesAnywhere 'Arn')'."
    }

    # -----------------------------------------------------------------------------------------------------------
    Show-Headline 'CI: the credentials handed to the next GitHub Actions step (Set-StsEnvironment -Target GitHubActions)'
    Invoke-DemoStep 'Set-StsEnvironment -Target GitHubActions into a temporary GITHUB_ENV' @('Set-StsEnvironment') {
        $credential = if ($null -ne $script:RolesAnywhere) { $script:RolesAnywhere } else { $script:Deploy }
        Assert-Demo ($null -ne $credential) 'needs credentials from a step before.'
        $githubEnv = [System.IO.Path]::Combine($tempRoot, 'github_env')
        [System.IO.File]::WriteAllText($githubEnv, '')
        Set-Env 'GITHUB_ENV' $githubEnv
        Say "    GITHUB_ENV = $githubEnv"
        Say 'PS> $ra | Set-StsEnvironment -Target GitHubActions'
        # The ::add-mask:: workflow commands carry the values to mask: the writer blanks them out here.
        $records = $credential | Set-StsEnvironment -Target GitHubActions -ErrorAction Stop 4>&1 3>&1 6>&1
        foreach ($record in @($records)) {
            if ($record -is [System.Management.Automation.WarningRecord]) { Say "    WARNING: $($record.Message)" }
            elseif ($record -is [System.Management.Automation.InformationRecord]) { Say "    $($record.MessageData)" }
            elseif ($null -ne $record) { Say "    $record" }
        }
        Say "    $githubEnv (secrets shown as ****):"
        Show-File $githubEnv
        $text = [System.IO.File]::ReadAllText($githubEnv)
        Assert-Demo ($text.Contains('AWS_ACCESS_KEY_ID') -and $text.Contains('AWS_SESSION_TOKEN')) 'GITHUB_ENV lacks the credentials.'
    }
}
catch {
    Say "FAILED: $($_.Exception.Message)"
    $script:Failures.Add('setup: ' + $_.Exception.Message)
}
finally {
    Say ''
    Say 'Stopping the emulator.'
    if ($null -ne $script:Emulator) { Stop-DemoEmulator $script:Emulator.Process }
    Restore-DemoEnvironment $savedEnvironment
    $secretsFile = [Environment]::GetEnvironmentVariable('STSTOOLS_DEMO_SECRETS_FILE')
    if ($secretsFile) {
        # For the demo's own test only: the secrets it saw, so the test can prove none was printed.
        [System.IO.File]::WriteAllLines($secretsFile, $script:Secrets.ToArray())
    }
    try { if ([System.IO.Directory]::Exists($tempRoot)) { [System.IO.Directory]::Delete($tempRoot, $true) } } catch { }
    $script:Http.Dispose()
}

$clock.Stop()
Say ''
Say ("Demo finished in {0:N1} s: {1} step(s) passed, {2} failed." -f $clock.Elapsed.TotalSeconds, $script:StepsPassed, $script:Failures.Count)
if ($script:Failures.Count -gt 0) {
    throw "The demo failed: $($script:Failures -join '; ')"
}

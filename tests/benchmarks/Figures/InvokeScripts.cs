namespace StsTools.Benchmarks.Figures;

/// <summary>The PowerShell the in-process figures run. Each timed script measures itself with a Stopwatch, so only
/// the cmdlets' own time is counted, not the host's invocation.</summary>
public static class InvokeScripts
{
    /// <summary>$args: endpoint template, role ARN, count, session-name prefix, no-cache. Outputs one time (ms) per call.</summary>
    public const string TimedCalls = """
        param($endpoint, $role, $count, $prefix, $noCache)
        for ($i = 0; $i -lt $count; $i++) {
            $name = if ($noCache) { "$prefix-$i" } else { $prefix }
            $w = [Diagnostics.Stopwatch]::StartNew()
            $null = Invoke-StsAssumeRole -RoleArn $role -RoleSessionName $name -Credential $alice -Region us-east-1 `
                -EndpointUrl $endpoint -NoCache:$noCache -ErrorAction Stop
            $w.Elapsed.TotalMilliseconds
        }
        """;

    /// <summary>$args: endpoint template, role ARNs, throttle limit (0 = a sequential loop). Outputs elapsed ms, then the count of credentials.</summary>
    public const string ManyRoles = """
        param($endpoint, $arns, $throttle)
        $w = [Diagnostics.Stopwatch]::StartNew()
        if ($throttle -gt 0) {
            $out = @($arns | Invoke-StsAssumeRole -Credential $alice -Region us-east-1 -EndpointUrl $endpoint -ThrottleLimit $throttle `
                -NoCache -ErrorAction Stop)
        } else {
            $out = @(foreach ($a in $arns) {
                Invoke-StsAssumeRole -RoleArn $a -Credential $alice -Region us-east-1 -EndpointUrl $endpoint -NoCache -ErrorAction Stop
            })
        }
        $w.Elapsed.TotalMilliseconds
        $out.Count
        """;
}

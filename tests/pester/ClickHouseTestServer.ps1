# A private ClickHouse server for Pester tests (Import-FiberSqsClickHouse, runbooks): Debian's clickhouse-server,
# installed with apt-get when missing (as root), started from a copy of its config whose paths and ports point
# at a temp folder and free loopback ports, with an extra user that has a password. Dot-source this file, then:
#   $server = Start-ClickHouseTestServer      # .Url, .HttpPort, .TcpPort, .Pid, .Folder, .User, .Password
#   Stop-ClickHouseTestServer $server         # kills it by its PID and removes the folder
#   Stop-ClickHouseTestServer $server -KeepData; Start-ClickHouseTestServer -Restart $server   # a crash and a restart

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

# Three different free loopback ports (the listeners are held together, so they cannot repeat).
function Get-FreeTcpPortSet {
    $listeners = 1..3 | ForEach-Object { [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0) }
    try {
        foreach ($l in $listeners) { $l.Start() }
        $listeners | ForEach-Object { $_.LocalEndpoint.Port }
    } finally { foreach ($l in $listeners) { $l.Stop() } }
}

function Install-ClickHouseServer {
    $binary = @('/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server') | Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
    if ($binary -and (Test-Path -LiteralPath '/etc/clickhouse-server/config.xml')) {
        return $binary
    }
    & /bin/sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server clickhouse-client' | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "apt-get install clickhouse-server failed with exit code $LASTEXITCODE." }
    @('/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server') | Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
}

function Start-ClickHouseTestServer {
    [CmdletBinding()]
    param(
        # Start again a server stopped with -KeepData (same folder and ports).
        [object] $Restart,
        [int] $TimeoutSeconds = 60,
        # Internal: the how-manieth try (a probed free port taken by another process before the server binds it).
        [int] $Attempt = 1
    )
    $binary = Install-ClickHouseServer
    if ($Restart) {
        $server = $Restart
    } else {
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('fibersqs-chserver-ps-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $http, $tcp, $interserver = Get-FreeTcpPortSet
        $server = [pscustomobject]@{
            Folder = $folder; HttpPort = $http; TcpPort = $tcp; InterserverPort = $interserver
            Url = $null; Pid = 0; User = 'fibersqs_test'; Password = 'Pester-Pa55-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        }
        $server.Url = "http://127.0.0.1:$($server.HttpPort)"

        # PreserveWhitespace: a pretty-printing save would turn <password></password> into a whitespace password.
        $config = [xml]::new(); $config.PreserveWhitespace = $true; $config.Load('/etc/clickhouse-server/config.xml')
        $root = $config.DocumentElement
        foreach ($name in 'https_port', 'tcp_port_secure', 'mysql_port', 'postgresql_port', 'interserver_https_port', 'listen_host') {
            foreach ($node in @($root.SelectNodes($name))) { [void] $root.RemoveChild($node) }
        }
        $set = {
            param($name, $value)
            $node = $root.SelectSingleNode($name)
            if (-not $node) { $node = $root.AppendChild($config.CreateElement($name)) }
            $node.InnerText = $value
        }
        & $set 'listen_host' '127.0.0.1'
        & $set 'http_port' "$($server.HttpPort)"
        & $set 'tcp_port' "$($server.TcpPort)"
        & $set 'interserver_http_port' "$($server.InterserverPort)"
        & $set 'path' "$folder/data/"
        & $set 'tmp_path' "$folder/tmp/"
        & $set 'user_files_path' "$folder/user_files/"
        & $set 'format_schema_path' "$folder/format_schemas/"
        & $set 'users_config' "$folder/users.xml"
        & $set 'mark_cache_size' '268435456'
        $logger = $root.SelectSingleNode('logger')
        foreach ($pair in @(@('level', 'warning'), @('log', "$folder/log/server.log"), @('errorlog', "$folder/log/err.log"))) {
            $node = $logger.SelectSingleNode($pair[0])
            if (-not $node) { $node = $logger.AppendChild($config.CreateElement($pair[0])) }
            $node.InnerText = $pair[1]
        }
        $config.Save("$folder/config.xml")

        $users = [xml]::new(); $users.PreserveWhitespace = $true; $users.Load('/etc/clickhouse-server/users.xml')
        $usersNode = $users.DocumentElement.SelectSingleNode('users')
        $copy = $usersNode.SelectSingleNode('default').CloneNode($true)
        $renamed = $users.CreateElement($server.User)
        foreach ($child in @($copy.ChildNodes)) { [void] $renamed.AppendChild($child) }
        $pw = $renamed.SelectSingleNode('password')
        if (-not $pw) { $pw = $renamed.AppendChild($users.CreateElement('password')) }
        $pw.InnerText = $server.Password
        [void] $usersNode.AppendChild($renamed)
        $users.Save("$folder/users.xml")
    }

    # exec keeps the PID: the process started is the server itself.
    $psi = [System.Diagnostics.ProcessStartInfo]::new('/bin/sh')
    $psi.ArgumentList.Add('-c')
    $psi.ArgumentList.Add("exec $binary --config-file=$($server.Folder)/config.xml >>$($server.Folder)/stdout.log 2>&1")
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $server.Pid = $process.Id

    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([datetime]::UtcNow -lt $deadline) {
        if ($process.HasExited) {
            $logs = "$(Get-Content -Raw "$($server.Folder)/stdout.log" -ErrorAction Ignore) $(Get-Content -Raw "$($server.Folder)/log/err.log" -ErrorAction Ignore)"
            if (-not $Restart -and $Attempt -lt 5 -and $logs -match 'Address already in use') {
                Remove-Item -Recurse -Force -LiteralPath $server.Folder
                return Start-ClickHouseTestServer -TimeoutSeconds $TimeoutSeconds -Attempt ($Attempt + 1)
            }
            throw "clickhouse-server exited at start: $(Get-Content -Tail 10 "$($server.Folder)/stdout.log" -ErrorAction Ignore)"
        }
        try {
            if ((Invoke-RestMethod -Uri "$($server.Url)/ping" -TimeoutSec 2) -like 'Ok.*') { return $server }
        } catch { }
        Start-Sleep -Milliseconds 100
    }
    throw "clickhouse-server did not answer /ping within $TimeoutSeconds s."
}

function Stop-ClickHouseTestServer {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [object] $Server, [switch] $KeepData)
    if ($Server.Pid) {
        $process = Get-Process -Id $Server.Pid -ErrorAction Ignore
        if ($process) {
            $process.Kill()
            $process.WaitForExit(10000) | Out-Null
        }
        $Server.Pid = 0
    }
    if (-not $KeepData -and (Test-Path -LiteralPath $Server.Folder)) {
        Remove-Item -LiteralPath $Server.Folder -Recurse -Force -ErrorAction Ignore
    }
}

function Invoke-ClickHouseTestQuery {
    # Runs one statement on the test server as user default and returns its TabSeparated text.
    param([Parameter(Mandatory)] [object] $Server, [Parameter(Mandatory)] [string] $Sql)
    (Invoke-WebRequest -Uri "$($Server.Url)/" -Method Post -Body $Sql -TimeoutSec 60).Content.TrimEnd("`n")
}

# Shared by the Pester files (dot-source it): the loopback HTTP stub of the xunit tests
# (tests/FiberSqs.ClickHouse.Tests/LoopbackHttpStub.cs, compiled once per session with Add-Type), for the protocol
# cases a real server will not produce on demand: a redirect, a /ping that answers and then a query that hangs,
# an error whose text holds escape sequences.
#   $stub = Start-HttpStub @((New-StubRule 'GET /ping' 200 'Ok.'), (New-StubRule 'POST' -Hang))
#   ... $stub.Url ...; $stub.Requests; $stub.Dispose()

if (-not ('FiberSqs.Tests.LoopbackHttpStub' -as [type])) {
    Add-Type -Path (Join-Path $PSScriptRoot '../FiberSqs.ClickHouse.Tests/LoopbackHttpStub.cs')
}

function New-StubRule {
    param(
        # Matched against the request line and body ("POST /?... HTTP/1.1`n<body>").
        [Parameter(Mandatory, Position = 0)] [AllowEmptyString()] [string] $Match,
        [Parameter(Position = 1)] [int] $Status = 200,
        [Parameter(Position = 2)] [string] $Body = '',
        [switch] $Hang,
        [string] $Redirect
    )
    $reply = if ($Hang) { [FiberSqs.Tests.StubReply]::Silent() }
        elseif ($Redirect) { [FiberSqs.Tests.StubReply]::Redirect(307, $Redirect) }
        else { [FiberSqs.Tests.StubReply]::new($Status, $Body) }
    [FiberSqs.Tests.StubRule]::new($Match, $reply)
}

function Start-HttpStub {
    param([Parameter(Mandatory)] [FiberSqs.Tests.StubRule[]] $Rules)
    [FiberSqs.Tests.LoopbackHttpStub]::new($Rules)
}

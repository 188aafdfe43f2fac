# A real headless browser for the report tests: Debian's chromium, installed with apt-get when missing (as root, as the
# ClickHouse tests install clickhouse-server). Dot-source this file, then:
#   $browser = Install-ChromiumForTests            # .Path (null when it cannot be had) and .Reason
#   Invoke-Chromium $browser.Path -Arguments ... -Profile <folder>    # runs it with no network, bounded in time
#   Read-PngImage <file.png>                       # .Width, .Height, .Pixels (one 0xRRGGBB int per pixel), .CountOf(0xRRGGBB), .DistinctColours()

function Install-ChromiumForTests {
    $candidates = @('/usr/bin/chromium', '/usr/bin/chromium-browser')
    $found = $candidates | Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
    if ($found) { return [pscustomobject]@{ Path = $found; Reason = $null } }
    $why = $null
    if (-not $IsLinux) {
        $why = "Debian's chromium is installed with apt-get on Linux; this is $([Runtime.InteropServices.RuntimeInformation]::OSDescription)."
    } elseif (-not (Get-Command apt-get -ErrorAction Ignore)) {
        $why = 'chromium is not installed and there is no apt-get to install it.'
    } elseif ((& id -u) -ne '0') {
        $why = 'chromium is not installed, and installing it needs root (run the tests as root, or apt-get install chromium first).'
    } else {
        $log = & /bin/sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium 2>&1'
        $found = $candidates | Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
        if ($found) { return [pscustomobject]@{ Path = $found; Reason = $null } }
        # As root with apt-get the browser can be had: a failed install is a failure of the run, never a skip (as
        # for clickhouse-server).
        throw "apt-get install chromium failed (exit code $LASTEXITCODE): $((@($log) | Select-Object -Last 3) -join ' ')"
    }
    [pscustomobject]@{ Path = $null; Reason = $why }
}

function Invoke-Chromium {
    # Runs headless chromium with the network cut off (every request goes to a proxy on a closed loopback port, and
    # loopback itself is not bypassed), a profile of its own, and a time bound; returns its standard output.
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [string[]] $Arguments,
        [Parameter(Mandatory)] [string] $ProfileFolder,
        [int] $TimeoutSeconds = 90
    )
    $psi = [System.Diagnostics.ProcessStartInfo]::new($Path)
    foreach ($a in @('--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions', '--disable-sync',
            '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>', "--user-data-dir=$ProfileFolder") + $Arguments) {
        $psi.ArgumentList.Add($a)
    }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($psi)
    $stderr = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "chromium did not finish within $TimeoutSeconds s."
    }
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.GetAwaiter().GetResult(); Errors = $stderr.GetAwaiter().GetResult() }
}

if (-not ('FiberSqsTests.PngImage' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.IO;
using System.IO.Compression;

namespace FiberSqsTests
{
    /// <summary>Decodes an 8-bit RGB or RGBA PNG (what chromium writes) into 0xRRGGBB pixels: the chunks, zlib over the
    /// IDAT data, and the five row filters.</summary>
    public sealed class PngImage
    {
        public int Width;
        public int Height;
        public int[] Pixels;

        /// <summary>How many pixels are exactly this colour (0xRRGGBB).</summary>
        public int CountOf(int colour)
        {
            var n = 0;
            foreach (var p in Pixels) { if (p == colour) n++; }
            return n;
        }

        /// <summary>How many different colours the image has.</summary>
        public int DistinctColours() => new System.Collections.Generic.HashSet<int>(Pixels).Count;

        public static PngImage Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var signature = new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 };
            for (var i = 0; i < 8; i++) { if (bytes[i] != signature[i]) throw new InvalidDataException(path + " is not a PNG."); }
            int width = 0, height = 0, colourType = 0;
            var data = new MemoryStream();
            for (var at = 8; at < bytes.Length;)
            {
                var length = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
                var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
                if (type == "IHDR")
                {
                    width = (bytes[at + 8] << 24) | (bytes[at + 9] << 16) | (bytes[at + 10] << 8) | bytes[at + 11];
                    height = (bytes[at + 12] << 24) | (bytes[at + 13] << 16) | (bytes[at + 14] << 8) | bytes[at + 15];
                    if (bytes[at + 16] != 8 || bytes[at + 20] != 0) throw new InvalidDataException("Only 8-bit, non-interlaced PNGs are read.");
                    colourType = bytes[at + 17];
                }
                else if (type == "IDAT")
                {
                    data.Write(bytes, at + 8, length);
                }

                at += 12 + length;
            }

            var channels = colourType == 6 ? 4 : colourType == 2 ? 3 : throw new InvalidDataException("Colour type " + colourType + " is not RGB(A).");
            data.Position = 0;
            var raw = new MemoryStream();
            using (var z = new ZLibStream(data, CompressionMode.Decompress)) { z.CopyTo(raw); }
            var source = raw.ToArray();
            var stride = width * channels;
            var previous = new byte[stride];
            var line = new byte[stride];
            var image = new PngImage { Width = width, Height = height, Pixels = new int[width * height] };
            for (var y = 0; y < height; y++)
            {
                var filter = source[y * (stride + 1)];
                Buffer.BlockCopy(source, y * (stride + 1) + 1, line, 0, stride);
                for (var x = 0; x < stride; x++)
                {
                    int a = x >= channels ? line[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    int add = filter switch { 1 => a, 2 => b, 3 => (a + b) / 2, 4 => pa <= pb && pa <= pc ? a : pb <= pc ? b : c, _ => 0 };
                    line[x] = (byte)(line[x] + add);
                }

                for (var x = 0; x < width; x++)
                {
                    image.Pixels[y * width + x] = (line[x * channels] << 16) | (line[x * channels + 1] << 8) | line[x * channels + 2];
                }

                (previous, line) = (line, previous);
            }

            return image;
        }
    }
}
'@
}

function Read-PngImage([string] $Path) { [FiberSqsTests.PngImage]::Read($Path) }

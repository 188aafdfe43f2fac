using FiberSqs.Core.Files;

namespace FiberSqs.Core.Tests.Files;

public sealed class DirectAppendStreamTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fibersqs-direct-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The folders to write in: this machine's temp folder, and a tmpfs one where there is one (direct I/O is
    /// refused there on many kernels, so the page-cache path runs).</summary>
    public static TheoryData<bool, string?> Places() => new()
    {
        { true, null },
        { false, null },
        { true, Directory.Exists("/dev/shm") ? "/dev/shm" : null },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void TheFileHoldsExactlyTheBytesAppended(bool direct, string? place)
    {
        var folder = place is null ? _folder : Directory.CreateDirectory(Path.Combine(place, "fibersqs-direct-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            // Pieces around the alignment and the buffer size (8 KiB here), so blocks, tails and spills all happen.
            int[] pieces = [0, 1, 4095, 4096, 4097, 8191, 8192, 8193, 20_000, 3, 100_000, 17];
            var path = Path.Combine(folder, "t.csv");
            var expected = new MemoryStream();
            using (var file = DirectAppendStream.Create(path, bufferBytes: 8192, direct: direct))
            {
                for (var i = 0; i < pieces.Length; i++)
                {
                    var piece = Bytes(pieces[i], i);
                    file.Write(piece);
                    expected.Write(piece);
                    Assert.Equal(expected.Length, file.Length);
                }

                file.Complete();
                Assert.False(file.IsDirect); // the tail went through the page cache (or nothing was direct)
                var late = Bytes(5000, 99);
                file.Write(late); // appending after Complete goes on, buffered
                expected.Write(late);
            }

            Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
        }
        finally
        {
            if (place is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void OnLinuxWholeBlocksBypassThePageCache()
    {
        using var file = DirectAppendStream.Create(Path.Combine(_folder, "t.csv"));
        using var buffered = DirectAppendStream.Create(Path.Combine(_folder, "b.csv"), direct: false);
        Assert.False(buffered.IsDirect);
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(file.IsDirect); // direct I/O is used on Linux only
        }
        else if (!IsTmpfs(_folder))
        {
            // A temp folder on a disk file system (ext4 here and in CI) takes O_DIRECT; tmpfs may refuse it.
            Assert.True(file.IsDirect);
        }
    }

    [Fact]
    public void AFileOfExactlyWholeBlocksNeedsNoTail()
    {
        var path = Path.Combine(_folder, "t.csv");
        var bytes = Bytes(3 * DirectAppendStream.Alignment, 5);
        using (var file = DirectAppendStream.Create(path, bufferBytes: DirectAppendStream.Alignment))
        {
            file.Write(bytes);
            file.Flush();
        }

        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void AnExistingFileOrLinkIsNeverOpened()
    {
        var existing = Path.Combine(_folder, "there.csv");
        File.WriteAllText(existing, "keep");
        Assert.Throws<IOException>(() => DirectAppendStream.Create(existing));
        var link = Path.Combine(_folder, "link.csv");
        File.CreateSymbolicLink(link, existing);
        Assert.Throws<IOException>(() => DirectAppendStream.Create(link));
        Assert.Equal("keep", File.ReadAllText(existing));
    }

    [Fact]
    public void WritingAfterDisposeFails()
    {
        var file = DirectAppendStream.Create(Path.Combine(_folder, "t.csv"));
        file.Dispose();
        Assert.Throws<ObjectDisposedException>(() => file.Write([1, 2, 3]));
        Assert.False(file.CanWrite);
    }

    private static bool IsTmpfs(string path) =>
        File.ReadAllLines("/proc/mounts").Select(l => l.Split(' ')).Where(f => f.Length > 2 && path.StartsWith(f[1], StringComparison.Ordinal))
            .OrderByDescending(f => f[1].Length).FirstOrDefault()?[2] == "tmpfs";
}

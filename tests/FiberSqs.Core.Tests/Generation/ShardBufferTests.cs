using System.Runtime.InteropServices;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Tests.Generation;

/// <summary>A shard's bytes kept in pooled blocks: what is written comes back whole and in order, across block
/// boundaries, through both the segments and the read stream; released blocks are taken again.</summary>
public sealed class ShardBufferTests
{
    private static byte[] Pattern(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + (i >> 11)))];

    private static byte[] Joined(ShardBuffer buffer) => [.. buffer.Segments.SelectMany(s => s.ToArray())];

    private static byte[] ReadBack(ShardBuffer buffer)
    {
        using var read = buffer.OpenRead();
        using var copy = new MemoryStream();
        read.CopyTo(copy, 4093); // an odd size, so reads straddle the blocks
        return copy.ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(BlockPool.BlockBytes)]
    [InlineData(BlockPool.BlockBytes + 1)]
    [InlineData((3 * BlockPool.BlockBytes) - 7)]
    public void WhatIsWrittenComesBackInOrder(int length)
    {
        var bytes = Pattern(length);
        var buffer = new ShardBuffer(new BlockPool());
        for (var at = 0; at < length; at += 65_537)
        {
            buffer.Write(bytes.AsSpan(at, Math.Min(65_537, length - at)));
        }

        Assert.Equal(length, buffer.Length);
        Assert.Equal((length + BlockPool.BlockBytes - 1) / BlockPool.BlockBytes, buffer.Segments.Count());
        Assert.Equal(bytes, Joined(buffer));
        Assert.Equal(bytes, ReadBack(buffer));
    }

    [Fact]
    public void ReleasedBlocksAreReusedAndTheBufferStartsEmpty()
    {
        var pool = new BlockPool();
        var buffer = new ShardBuffer(pool);
        buffer.Write(Pattern(BlockPool.BlockBytes + 10));
        var first = buffer.Segments.Select(s => s.ToArray().Length).ToList();
        Assert.Equal([BlockPool.BlockBytes, 10], first);
        var blocks = buffer.Segments.Select(s => MemoryMarshal.TryGetArray(s, out var a) ? a.Array! : null).ToList();
        buffer.Release();
        Assert.Equal(0, buffer.Length);
        Assert.Empty(buffer.Segments);

        // Both blocks went back: the next two rents are they (the same arrays: equal bytes would not tell, as a new
        // uninitialized block may hold what an earlier one held), the third is new.
        var again = new[] { pool.Rent(), pool.Rent() };
        Assert.All(again, a => Assert.Contains(blocks, b => ReferenceEquals(a, b)));
        var fresh = pool.Rent();
        Assert.DoesNotContain(blocks, b => ReferenceEquals(b, fresh));
        pool.Return(again[0]);
        buffer.Write("ab"u8);
        Assert.Equal("ab"u8.ToArray(), Joined(buffer));
    }

    [Fact]
    public void CsvRowsWrittenThroughItMatchAMemoryStream()
    {
        static void Rows(Stream stream)
        {
            using var csv = new CsvRowWriter(stream, TableCatalog.NetworkEvents);
            csv.Header();
            for (var i = 0; i < 40_000; i++)
            {
                foreach (var _ in TableCatalog.NetworkEvents.Columns)
                {
                    csv.WholeNumber(i);
                }

                csv.EndRow();
            }

            csv.Flush();
        }

        using var expected = new MemoryStream();
        Rows(expected);
        var buffer = new ShardBuffer(new BlockPool());
        Rows(buffer);
        Assert.True(buffer.Length > BlockPool.BlockBytes);
        Assert.Equal(expected.ToArray(), ReadBack(buffer));
    }
}

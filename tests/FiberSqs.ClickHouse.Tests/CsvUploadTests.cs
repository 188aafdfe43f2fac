using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Files;
using FiberSqs.Core.Tables;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>Whole-row slices of a CSV: together they are the file, each ends on a row boundary.</summary>
public sealed class CsvUploadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fibersqs-slices-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Slices_cover_the_file_and_cut_only_after_a_line_feed(int parts)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "t.csv");
        var lines = Enumerable.Range(0, 5000).Select(i => $"{i},\"text, with comma {i}\",{i * 0.5}").Prepend("a,b,c");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        var bytes = File.ReadAllBytes(path);

        var slices = CsvUploadContent.Slices(path, parts);
        Assert.Equal(parts, slices.Count);
        Assert.Equal(0, slices[0].Offset);
        Assert.Equal(bytes.Length, slices.Sum(s => s.Length));
        for (var i = 0; i < slices.Count; i++)
        {
            var (offset, length) = slices[i];
            Assert.Equal((byte)'\n', bytes[offset + length - 1]);
            if (i > 0)
            {
                Assert.Equal(slices[i - 1].Offset + slices[i - 1].Length, offset);
            }
        }
    }

    [Fact]
    public async Task Row_counts_of_the_slices_add_up_to_the_file_s_rows()
    {
        using var dataset = new SmallDataset(new FiberSqs.Core.Generation.DatasetOptions { Seed = 5, AppLogRows = 5_000 });
        var path = DatasetLayout.CsvPath(dataset.Root, TableCatalog.InfraHostMetrics);
        long rows = 0;
        var slices = CsvUploadContent.Slices(path, 3);
        for (var i = 0; i < slices.Count; i++)
        {
            using var content = new CsvUploadContent(path, slices[i].Offset, slices[i].Length, hasHeader: i == 0, gzip: false);
            using var sink = new MemoryStream();
            await content.CopyToAsync(sink);
            Assert.Equal(slices[i].Length, sink.Length);
            rows += content.RowsSent;
        }

        Assert.Equal(dataset.Truth.Generation.RowCounts["infra_host_metrics"], rows);
    }
}

using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>A small generated dataset (Tier 2 included), written once per fixture and deleted at the end.</summary>
public sealed class SmallDataset : IDisposable
{
    /// <summary>Big enough that every cell of the TSO confusion matrix is non-zero (a fabricated id included),
    /// small enough to generate in about a second and load in two.</summary>
    internal static readonly DatasetOptions Options = new() { Seed = 7, AppLogRows = 200_000, EnableTier2 = true };

    public SmallDataset() : this(Options)
    {
    }

    internal SmallDataset(DatasetOptions options)
    {
        Root = Path.Combine(Path.GetTempPath(), "fibersqs-chtest-" + Guid.NewGuid().ToString("N")[..12]);
        Result = DatasetGenerator.Generate(Root, options);
        Truth = GroundTruth.Load(DatasetLayout.GroundTruthPath(Root));
    }

    public string Root { get; }
    internal GenerationResult Result { get; }
    public GroundTruth Truth { get; }

    /// <summary>A copy of the dataset folder (to damage without touching the shared one).</summary>
    public string Copy()
    {
        var target = Path.Combine(Path.GetTempPath(), "fibersqs-chtest-copy-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One private server and one dataset for every test of the <see cref="ServerTests"/>.</summary>
public sealed class ServerFixture : IDisposable
{
    public ClickHouseTestServer Server { get; } = new();
    public SmallDataset Dataset { get; } = new();

    internal ClickHouseEndpoint Endpoint => ClickHouseEndpoint.Parse(Server.Url);

    internal ClickHouseConnection Connect(System.Net.NetworkCredential? credential = null) =>
        ClickHouseConnection.OpenAsync(Endpoint, credential).GetAwaiter().GetResult();

    /// <summary>One statement on a connection of its own (as user default).</summary>
    public void Exec(string sql)
    {
        using var connection = Connect();
        connection.Exec(sql);
    }

    public long Scalar(string sql)
    {
        using var connection = Connect();
        return connection.Scalar(sql);
    }

    public List<string[]> Rows(string sql)
    {
        using var connection = Connect();
        return [.. connection.Rows(sql)];
    }

    /// <summary>Imports <paramref name="path"/> (the shared dataset by default) as Import-FiberSqsClickHouse does.</summary>
    internal ImportResult Import(ImportOptions options, string? path = null, IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        using var connection = Connect();
        return ClickHouseImporter.RunAsync(connection, ImportDataset.Open(path ?? Dataset.Root), options, progress, cancel).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Server.Dispose();
        Dataset.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ServerTests : ICollectionFixture<ServerFixture>
{
    public const string Name = "ClickHouse 18.16 server";
}

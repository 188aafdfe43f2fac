using System.Diagnostics;
using System.Text.Json;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Files;
using FiberSqs.Core.Model;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Files;

/// <summary>The file rules of docs/safety.md: no write through a planted link, folders created exclusively, staging folders
/// recognised by their owner, -Force's "nothing but what the module writes", bounded reads of crafted files.</summary>
public sealed class SafeFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fibersqs-safe-" + Guid.NewGuid().ToString("N")[..12]);

    public SafeFilesTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string At(string name) => Path.Combine(_root, name);

    /// <summary>The id of a process that has ended.</summary>
    private static int GonePid()
    {
        using var gone = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        gone.WaitForExit();
        return gone.Id;
    }

    private static void WriteOwner(string folder, int pid, string started) =>
        File.WriteAllText(Path.Combine(folder, StagingFolder.OwnerFile),
            JsonSerializer.Serialize(new { pid, process_start_utc = started, host = Environment.MachineName }));

    [Fact]
    public void An_atomic_write_replaces_a_planted_link_and_never_writes_through_it()
    {
        var outside = At("outside.txt");
        File.WriteAllText(outside, "precious");
        var report = At("report.json");
        File.CreateSymbolicLink(report, outside);
        AtomicFile.WriteAllBytes(report, "{}"u8.ToArray());
        Assert.Equal("precious", File.ReadAllText(outside));
        Assert.Null(new FileInfo(report).LinkTarget);
        Assert.Equal("{}", File.ReadAllText(report));
        Assert.Equal(["outside.txt", "report.json"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void The_validation_summary_is_created_new_and_never_written_through_a_planted_link_or_over_a_file()
    {
        var report = new ValidationReport(_root, [new ValidationCheck("files_present", true, [], "all", "ok")]);
        var outside = At("outside.txt");
        File.WriteAllText(outside, "precious");
        File.CreateSymbolicLink(At("linked.json"), outside);
        File.WriteAllText(At("existing.json"), "old");

        Assert.Throws<IOException>(() => report.Save(At("linked.json")));
        Assert.Throws<IOException>(() => report.Save(At("existing.json")));
        report.Save(At("new.json"));

        Assert.Equal("precious", File.ReadAllText(outside));
        Assert.Equal("old", File.ReadAllText(At("existing.json")));
        Assert.Equal(report.ToJson(), File.ReadAllText(At("new.json")));
    }

    [Fact]
    public void An_exclusive_folder_is_never_one_that_already_has_the_name()
    {
        Assert.True(ExclusiveDirectory.TryCreate(At("new")));
        Assert.False(ExclusiveDirectory.TryCreate(At("new")));
        File.WriteAllText(At("file"), "x");
        Assert.False(ExclusiveDirectory.TryCreate(At("file")));
        Directory.CreateDirectory(At("elsewhere"));
        File.CreateSymbolicLink(At("link"), At("elsewhere"));
        Assert.False(ExclusiveDirectory.TryCreate(At("link")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(At("elsewhere")));
    }

    [Fact]
    public void A_staging_folder_has_an_unpredictable_name_and_an_owner_file_and_is_not_a_leftover_while_its_owner_runs()
    {
        var a = StagingFolder.Create(At("ds"));
        var b = StagingFolder.Create(At("ds"));
        Assert.NotEqual(a.FolderPath, b.FolderPath);
        Assert.Matches(@"^\.ds\.fibersqs-staging-[0-9a-f]{16}$", Path.GetFileName(a.FolderPath));
        Assert.True(File.Exists(Path.Combine(a.FolderPath, StagingFolder.OwnerFile)));
        Assert.Empty(StagingFolder.FindLeftovers(_root));
    }

    [Fact]
    public void A_leftover_of_a_gone_process_is_found_and_removed_with_the_bytes_it_held()
    {
        var left = At(".ds.fibersqs-staging-0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(left, "dataset", "data"));
        File.WriteAllBytes(Path.Combine(left, "dataset", "data", "clickhouse-app_logs.csv"), new byte[5000]);
        WriteOwner(left, GonePid(), "2025-12-01T00:00:00Z");
        // Not ours: no owner file, or one of a process that runs.
        var lookalike = At(".other.fibersqs-staging-fedcba9876543210");
        Directory.CreateDirectory(lookalike);
        var live = At(".live.fibersqs-staging-00112233445566ff");
        Directory.CreateDirectory(live);
        WriteOwner(live, Environment.ProcessId, Process.GetCurrentProcess().StartTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

        var found = Assert.Single(StagingFolder.FindLeftovers(_root));
        Assert.Equal(left, found.FolderPath);
        Assert.Null(found.PreviousDataset);
        Assert.True(StagingFolder.RemoveLeftover(found) >= 5000);
        Assert.False(Directory.Exists(left));
        Assert.True(Directory.Exists(lookalike));
        Assert.True(Directory.Exists(live));
    }

    [Fact]
    public void A_kill_between_the_two_moves_of_a_swap_is_undone_by_putting_the_previous_dataset_back()
    {
        var left = At(".ds.fibersqs-staging-0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(left, "previous"));
        File.WriteAllText(Path.Combine(left, "previous", DatasetLayout.GroundTruthFile), "{}");
        Directory.CreateDirectory(Path.Combine(left, "dataset"));
        WriteOwner(left, GonePid(), "");

        var found = Assert.Single(StagingFolder.FindLeftovers(_root));
        StagingFolder.RemoveLeftover(found);
        Assert.True(File.Exists(Path.Combine(At("ds"), DatasetLayout.GroundTruthFile)));
        Assert.False(Directory.Exists(left));
    }

    [Fact]
    public void An_earlier_versions_leftover_is_removed_only_when_it_holds_nothing_but_dataset_files()
    {
        var pid = GonePid();
        var clean = At($".a.fibersqs-staging-{pid}");
        Directory.CreateDirectory(Path.Combine(clean, "data"));
        File.WriteAllText(Path.Combine(clean, "data", "clickhouse-tso_calls.csv"), "x");
        var mixed = At($".b.fibersqs-staging-{pid}");
        Directory.CreateDirectory(mixed);
        File.WriteAllText(Path.Combine(mixed, "notes.txt"), "mine");
        Assert.Equal([clean], StagingFolder.FindLeftovers(_root).Select(l => l.FolderPath));
    }

    [Fact]
    public void Only_the_files_the_module_writes_count_as_a_dataset_folders_content()
    {
        var ds = At("ds");
        Directory.CreateDirectory(Path.Combine(ds, "data"));
        foreach (var name in new[] { DatasetLayout.MarkerFile, DatasetLayout.GroundTruthFile, DatasetLayout.PostLoadValidationFile, DatasetLayout.DebriefFile, ".postload_validation.json.fibersqs-tmp-0123456789abcdef" })
        {
            File.WriteAllText(Path.Combine(ds, name), "x");
        }

        File.WriteAllText(Path.Combine(ds, "data", "clickhouse-app_logs.csv"), "x");
        Assert.Empty(DatasetContent.ForeignEntries(ds));

        File.WriteAllText(Path.Combine(ds, "notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(ds, "data", "more"));
        File.CreateSymbolicLink(Path.Combine(ds, "data", "clickhouse-tso_calls.csv"), At("elsewhere"));
        Assert.Equal(["data/clickhouse-tso_calls.csv (a symbolic link)", "data/more", "notes.txt"], DatasetContent.ForeignEntries(ds).Order());
    }

    [Fact]
    public void A_header_line_longer_than_the_bound_is_refused_without_reading_the_file()
    {
        var csv = At("big.csv");
        using (var file = File.Create(csv))
        {
            file.SetLength(1L << 30); // a gigabyte of one line, sparse
        }

        Assert.Throws<InvalidDataException>(() => BoundedFile.ReadFirstLine(csv, 64 << 10));
        File.WriteAllText(At("ok.csv"), "a,b\r\n1,2\n");
        Assert.Equal("a,b", BoundedFile.ReadFirstLine(At("ok.csv"), 64 << 10));
    }

    [Fact]
    public void A_file_that_never_ends_is_read_only_up_to_the_bound()
    {
        File.CreateSymbolicLink(At("zeros"), "/dev/zero");
        using var stream = BoundedFile.OpenRead(At("zeros"), 1 << 20, "a test file");
        var e = Assert.Throws<InvalidDataException>(() => stream.CopyTo(Stream.Null));
        Assert.Contains("larger than 1 MiB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ground_truth_larger_than_any_real_one_is_an_unreadable_dataset_not_an_out_of_memory()
    {
        var ds = At("crafted");
        Directory.CreateDirectory(Path.Combine(ds, "data"));
        using (var file = File.Create(DatasetLayout.GroundTruthPath(ds)))
        {
            // Valid JSON as far as it goes (an object opened, then whitespace): a reader takes all of it.
            file.WriteByte((byte)'{');
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written <= GroundTruth.MaxFileBytes; written += spaces.Length)
            {
                file.Write(spaces);
            }
        }

        // One folder type opens it for both: the same problem whoever reads it.
        Assert.Equal(DatasetProblem.GroundTruthUnreadable, Assert.Throws<DatasetFolderException>(() => ImportDataset.Open(ds)).Problem);
        Assert.Equal(DatasetProblem.GroundTruthUnreadable, Assert.Throws<DatasetFolderException>(() => DatasetValidator.Validate(ds)).Problem);
    }
}

using System.Diagnostics;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// One file's load while its slices go to the server, possibly at once: the bytes and rows each slice has sent, the
/// file's clock (from its first slice's start to its last's end), its progress reports (a few a second) and, once
/// every slice is done, its <see cref="TableLoadResult"/>. Safe to call from the slices' threads.
/// </summary>
internal sealed class FileLoadTracker(ImportFile file, int slices, LoadTotals totals, LoadFormat format = LoadFormat.Csv)
{
    private static readonly long ReportEveryMs = 250;

    private readonly long[] _bytes = new long[slices];
    private readonly long[] _rows = new long[slices];
    private readonly Stopwatch _clock = new();
    private readonly object _sync = new();
    private int _started;
    private int _left = slices;
    private long _lastReport;

    public ImportFile File { get; } = file;

    public TableLoadResult? Result { get; private set; }

    /// <summary>A slice starts sending: the first one starts the file's clock (and says so).</summary>
    public void Started(IProgress<ImportProgress>? progress)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            lock (_sync)
            {
                _clock.Start();
            }

            progress?.Report(Report(done: false));
        }
    }

    /// <summary>A slice has sent so much so far; reports the file at most every 250 ms.</summary>
    public void Sent(int slice, long bytes, long rows, IProgress<ImportProgress>? progress)
    {
        totals.Add(bytes - Interlocked.Exchange(ref _bytes[slice], bytes));
        Interlocked.Exchange(ref _rows[slice], rows);
        var now = _clock.ElapsedMilliseconds;
        var last = Interlocked.Read(ref _lastReport);
        if (now - last >= ReportEveryMs && Interlocked.CompareExchange(ref _lastReport, now, last) == last)
        {
            progress?.Report(Report(done: false));
        }
    }

    /// <summary>A slice has finished; after the last one the file's result is set and reported.</summary>
    public void Finished(int slice, long bytes, long rows, IProgress<ImportProgress>? progress)
    {
        totals.Add(bytes - Interlocked.Exchange(ref _bytes[slice], bytes));
        Interlocked.Exchange(ref _rows[slice], rows);
        if (Interlocked.Decrement(ref _left) != 0)
        {
            return;
        }

        lock (_sync)
        {
            _clock.Stop();
        }

        var final = Report(done: true);
        Result = new TableLoadResult(File.Table.Name, File.ExpectedRows, final.RowsSent, File.Bytes, _clock.Elapsed) { Format = format };
        progress?.Report(final);
    }

    /// <summary>The load is given up (the file goes again in another format): its bytes leave the totals.</summary>
    public void Abandon()
    {
        for (var k = 0; k < _bytes.Length; k++)
        {
            totals.Add(-Interlocked.Exchange(ref _bytes[k], 0));
        }
    }

    private ImportProgress Report(bool done)
    {
        long bytes = 0, rows = 0;
        for (var k = 0; k < _bytes.Length; k++)
        {
            bytes += Interlocked.Read(ref _bytes[k]);
            rows += Interlocked.Read(ref _rows[k]);
        }

        var seconds = _clock.Elapsed.TotalSeconds;
        return new ImportProgress("Loading", $"{File.Table.Name}: {rows:N0} of {File.ExpectedRows:N0} rows", totals.Percent)
        {
            Table = File.Table.Name,
            RowsSent = rows,
            ExpectedRows = File.ExpectedRows,
            BytesSent = bytes,
            TotalBytes = File.Bytes,
            RowsPerSecond = seconds > 0 ? rows / seconds : 0,
            Format = format,
            Completed = done,
        };
    }
}

using FiberSqs.Core.Generation;
using FiberSqs.Core.Validation.Collectors;

namespace FiberSqs.Core.Tests.Validation;

public sealed class ConsecutiveGroupsTests
{
    private readonly record struct SpanRow(long Trace, long Span, long? Parent);

    /// <summary>Traces of 1 to 6 spans with now and then a repeated span, a parent that is not there, no root or two.</summary>
    private static List<SpanRow> Traces(int seed, int count)
    {
        var prng = Prng.Create(seed, StreamId.Transactions, count);
        var rows = new List<SpanRow>();
        for (var t = 0; t < count; t++)
        {
            var trace = (long)prng.NextULong();
            var spans = 1 + (int)(prng.NextDouble() * 6);
            for (var s = 0; s < spans; s++)
            {
                var damage = prng.NextDouble();
                var span = damage < 0.05 && s > 0 ? 100 + s - 1 : 100 + s;            // a repeat of the span before
                long? parent = s == 0 ? (damage < 0.1 ? 999 : null) : 100 + (s - 1) / 2; // a root turned child of no one
                if (s > 0 && damage > 0.95)
                {
                    parent = damage > 0.975 ? null : 555;                             // a second root, or a lost parent
                }

                rows.Add(new SpanRow(trace, span, parent));
            }
        }

        return rows;
    }

    /// <summary>The figures from the whole file's key sets, as the check computed them before.</summary>
    private static (long, long, long, long) FileWide(List<SpanRow> rows)
    {
        var spans = rows.Select(r => (r.Trace, r.Span)).ToList();
        var distinctSpans = spans.Distinct().ToHashSet();
        var parents = rows.Where(r => r.Parent is not null).Select(r => (r.Trace, r.Parent!.Value)).Distinct();
        var roots = rows.Where(r => r.Parent is null).GroupBy(r => r.Trace).ToDictionary(g => g.Key, g => g.Count());
        var traces = rows.Select(r => r.Trace).Distinct();
        return (spans.Count - distinctSpans.Count, parents.Count(p => !distinctSpans.Contains(p)),
            roots.Values.Sum(n => n - 1L), traces.Count(t => !roots.ContainsKey(t)));
    }

    /// <summary>Feeds the rows chunk by chunk, cut anywhere (a group cut in two or three, chunks of one row or none),
    /// each chunk to its own set, merged in order; returns the set and how often the per-chunk key list repeats.</summary>
    internal static (TGroups Groups, long KeyRepeats) InChunks<TGroups, TRow>(IReadOnlyList<TRow> rows, int chunks, int seed,
        Func<TRow, long> key, Action<TGroups, TRow> add, Action<TGroups, TGroups> merge)
        where TGroups : class, new()
    {
        var prng = Prng.Create(seed, StreamId.Bursts, chunks);
        var cuts = Enumerable.Range(0, chunks - 1).Select(_ => (int)(prng.NextDouble() * rows.Count)).Order().ToList();
        cuts.Add(rows.Count);
        TGroups? whole = null;
        var from = 0;
        long repeats = 0;
        var seen = new HashSet<long>();
        foreach (var cut in cuts)
        {
            var part = new TGroups();
            long? last = null;
            foreach (var r in rows.Skip(from).Take(cut - from))
            {
                add(part, r);
                if (key(r) != last && !seen.Add(key(r)))
                {
                    repeats++; // the key list names a key once per chunk, as the collectors' lists do
                }

                last = key(r);
            }

            from = cut;
            if (whole is null)
            {
                whole = part;
            }
            else
            {
                merge(whole, part);
            }
        }

        return (whole!, repeats);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 40)]
    [InlineData(4, 400)]
    public void CountedInChunksTraceByTraceTheFiguresAreTheFilesWhereverTheChunksAreCut(int seed, int chunks)
    {
        var rows = Traces(seed, 300);
        var (whole, repeats) = InChunks<TraceGroups, SpanRow>(rows, chunks, seed, r => r.Trace, (g, r) => g.Add(r.Trace, r.Span, r.Parent), (a, b) => a.Merge(b));
        whole.Complete();
        Assert.Equal(FileWide(rows), (whole.DuplicateSpans, whole.MissingParents, whole.SeveralRoots, whole.WithoutRoot));
        Assert.Equal(repeats, whole.Joins);
        Assert.True(whole.DuplicateSpans > 0 && whole.MissingParents > 0 && whole.SeveralRoots > 0 && whole.WithoutRoot > 0);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(6, 9)]
    [InlineData(7, 500)]
    public void CountedInChunksRunByRunTheTransactionFiguresAreTheFiles(int seed, int chunks)
    {
        // Each transaction received once and its rows together; some without a final row, some with two.
        var prng = Prng.Create(seed, StreamId.Transactions, chunks);
        var rows = new List<(long Id, bool Received, bool Final)>();
        for (var t = 0; t < 400; t++)
        {
            var id = 1_000_000 - 7L * t; // not in id order: the first without a final is the smallest, not the first met
            rows.Add((id, true, false));
            rows.AddRange(Enumerable.Range(0, (int)(prng.NextDouble() * 4)).Select(_ => (id, false, false)));
            var finals = prng.NextDouble() switch { < 0.1 => 0, > 0.9 => 2, _ => 1 };
            rows.AddRange(Enumerable.Range(0, finals).Select(_ => (id, false, true)));
        }

        var (whole, _) = InChunks<TransactionGroups, (long Id, bool Received, bool Final)>(rows, chunks, seed, r => r.Id,
            (g, r) => g.Add(r.Id, r.Received, r.Final), (a, b) => a.Merge(b));
        whole.Complete();
        var finalsById = rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Count(r => r.Final));
        Assert.Equal(0, whole.NotReceivedOnce);
        Assert.Equal(finalsById.Count(f => f.Value == 0), whole.WithoutFinal);
        Assert.Equal(finalsById.Where(f => f.Value == 0).Min(f => f.Key), whole.FirstWithoutFinal);
        Assert.Equal(finalsById.Sum(f => Math.Max(0, f.Value - 1L)), whole.DuplicateFinals);
        Assert.True(whole.WithoutFinal > 0 && whole.DuplicateFinals > 0);
    }

    [Fact]
    public void ATransactionWhoseRowsAreApartHasARunNotReceivedOnce()
    {
        var groups = new TransactionGroups();
        groups.Add(1, received: true, final: false);
        groups.Add(2, received: true, final: true);
        groups.Add(1, received: false, final: true);
        groups.Complete();
        Assert.Equal(1, groups.NotReceivedOnce);
    }

    [Fact]
    public void ATraceWhoseRowsAreApartIsNotAJoin()
    {
        var groups = new TraceGroups();
        groups.Add(1, 10, null);
        groups.Add(2, 10, null);
        groups.Add(1, 11, 10); // trace 1 again, in the same chunk: the keys repeat with no join
        groups.Complete();
        Assert.Equal(0, groups.Joins);
        Assert.Equal(1, groups.MissingParents); // trace by trace, the second part of trace 1 lacks its parent
    }
}

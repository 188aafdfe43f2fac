namespace FiberSqs.Core.Validation.Collectors;

/// <summary>
/// The span_parents figures counted trace by trace, on each run of consecutive rows of one trace: repeated spans,
/// parents that are not a span of the trace, traces without a root or with several. The generator writes a trace's
/// spans together, so these are the figures of the whole file without sorting its ten million span keys. Whether
/// every trace's rows were together is known only at the end (the trace keys' repeats against <c>Joins</c>); when
/// not, the check falls back to the file-wide key sets, so a file that scatters a trace's rows is judged as before.
/// </summary>
internal sealed class TraceGroups : ConsecutiveGroups<TraceGroups.Trace>
{
    /// <summary>Spans of a trace whose span id another span of the trace already has.</summary>
    public long DuplicateSpans { get; private set; }

    /// <summary>Distinct parent ids of a trace that are not a span of the trace.</summary>
    public long MissingParents { get; private set; }

    /// <summary>Root spans beyond the first of a trace.</summary>
    public long SeveralRoots { get; private set; }

    /// <summary>Traces without a root span.</summary>
    public long WithoutRoot { get; private set; }

    /// <summary>Adds a span of <paramref name="trace"/>; <paramref name="parent"/> is null for a root span.</summary>
    public void Add(long trace, long span, long? parent)
    {
        var g = At(trace);
        g.Spans.Add(span);
        if (parent is { } p)
        {
            g.Parents.Add(p);
        }
        else
        {
            g.Roots++;
        }
    }

    protected override void Close(Trace group)
    {
        var spans = group.Spans;
        spans.Sort();
        for (var i = 1; i < spans.Count; i++)
        {
            DuplicateSpans += spans[i] == spans[i - 1] ? 1 : 0;
        }

        var parents = group.Parents;
        parents.Sort();
        for (var i = 0; i < parents.Count; i++)
        {
            if ((i == 0 || parents[i] != parents[i - 1]) && spans.BinarySearch(parents[i]) < 0)
            {
                MissingParents++;
            }
        }

        WithoutRoot += group.Roots == 0 ? 1 : 0;
        SeveralRoots += Math.Max(0, group.Roots - 1);
    }

    protected override void AddClosed(ConsecutiveGroups<Trace> other)
    {
        var o = (TraceGroups)other;
        DuplicateSpans += o.DuplicateSpans;
        MissingParents += o.MissingParents;
        SeveralRoots += o.SeveralRoots;
        WithoutRoot += o.WithoutRoot;
    }

    /// <summary>The spans of one trace read so far (a trace has a handful).</summary>
    internal sealed class Trace : Group
    {
        public List<long> Spans { get; } = new(8);
        public List<long> Parents { get; } = new(8);
        public int Roots { get; set; }

        public override void Reset(long key)
        {
            base.Reset(key);
            Spans.Clear();
            Parents.Clear();
            Roots = 0;
        }

        public override void Absorb(Trace other)
        {
            Spans.AddRange(other.Spans);
            Parents.AddRange(other.Parents);
            Roots += other.Roots;
        }
    }
}

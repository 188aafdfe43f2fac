using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using FiberSqs.Core.Files;
using FiberSqs.Core.Model;
using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Generation;

/// <summary>
/// Writes a whole dataset folder: the CSVs of docs/data-contract.md (hour-shards generated on every core, appended in
/// order), README.md, ground_truth.json, the module's marker and, when asked, the participants' zip.
/// </summary>
internal static class DatasetGenerator
{
    public static string GeneratorName { get; } = "FiberSqs " +
        (typeof(DatasetGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0");

    /// <summary>Generates into <paramref name="outputPath"/>, which must not exist or be empty.</summary>
    public static GenerationResult Generate(string outputPath, DatasetOptions options,
        IProgress<GenerationProgress>? progress = null, CancellationToken cancel = default) =>
        Generate(outputPath, options, null, progress, cancel);

    /// <summary>As <see cref="Generate(string, DatasetOptions, IProgress{GenerationProgress}?, CancellationToken)"/>;
    /// <paramref name="scan"/> (when given) gets the validator's reading pass of every shard-written table, done from
    /// memory as it is written.</summary>
    internal static GenerationResult Generate(string outputPath, DatasetOptions options, WriteTimeScan? scan,
        IProgress<GenerationProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (Directory.Exists(outputPath) && Directory.EnumerateFileSystemEntries(outputPath).Any())
        {
            throw new IOException($"The folder '{outputPath}' is not empty.");
        }

        var clock = Stopwatch.StartNew();
        var root = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(DatasetLayout.DataPath(root));
        var tables = TableCatalog.For(options.EnableTier2);
        var context = new GenerationContext(options);
        var stats = new GenerationStats();
        var ended = new EndedTransactionIndex();
        var candidates = new List<TsoCandidate>();
        var rows = tables.ToDictionary(t => t, _ => 0L);
        var shardTables = tables.Where(t => t != TableCatalog.TsoCalls && t != TableCatalog.NetworkEvents).ToList();

        var headers = tables.ToDictionary(t => t, HeaderBytes);
        var files = tables.ToDictionary(t => t, t => OpenTable(root, t, headers[t]));
        try
        {
            if (scan is not null)
            {
                // The key as planned: what the scan judges rows by is fixed before the first row (its figures are not).
                scan.Start(BuildGroundTruth(options, context, new GenerationStats(), new TsoNoise(),
                    [.. tables.Select(t => new TableFileInfo(t.Name, t.Tier, 0, 0, DatasetLayout.CsvPath(root, t)))]), shardTables);
                foreach (var table in shardTables)
                {
                    scan.Header(table, headers[table]);
                }
            }

            var workers = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
            long written = 0;
            var shardsDone = 0;
            new ShardPipeline(context, shardTables).Run(Math.Max(1, workers), shard =>
            {
                foreach (var (table, buffer) in shard.Buffers)
                {
                    foreach (var segment in buffer.Segments)
                    {
                        files[table].Write(segment.Span);
                    }

                    rows[table] += shard.Rows[table];
                    written += shard.Rows[table];
                }

                stats.Merge(shard.Stats);
                ended.Merge(shard.EndedByMinute);
                candidates.AddRange(shard.TsoCandidates);
                shardsDone++;
                progress?.Report(new GenerationProgress("Writing tables", shardsDone * 95 / ArrivalPlan.Shards, written));
            }, cancel, scan is null ? null : (shard, token) =>
            {
                foreach (var (table, buffer) in shard.Buffers)
                {
                    scan.Shard(table, shard.Shard, buffer.OpenRead, buffer.Length, token);
                }
            });

            cancel.ThrowIfCancellationRequested();
            progress?.Report(new GenerationProgress("Writing support calls", 96, written));
            TsoNoise tso;
            using (var csv = new CsvRowWriter(files[TableCatalog.TsoCalls], TableCatalog.TsoCalls))
            {
                tso = new TsoCallTableWriter(csv, options.Seed).Write(candidates, ended);
                csv.Flush();
                rows[TableCatalog.TsoCalls] = csv.Rows;
            }

            if (options.EnableTier2)
            {
                using var csv = new CsvRowWriter(files[TableCatalog.NetworkEvents], TableCatalog.NetworkEvents);
                new NetworkEventsTableWriter(csv).Write(context.Events);
                csv.Flush();
                rows[TableCatalog.NetworkEvents] = csv.Rows;
            }

            foreach (var file in files.Values)
            {
                file.Complete();
            }

            var infos = tables.Select(t => new TableFileInfo(t.Name, t.Tier, rows[t], files[t].Length, DatasetLayout.CsvPath(root, t))).ToList();
            foreach (var file in files.Values)
            {
                file.Dispose();
            }

            files.Clear();

            progress?.Report(new GenerationProgress("Writing answer key", 98, written));
            var truth = BuildGroundTruth(options, context, stats, tso, infos);
            truth.Save(DatasetLayout.GroundTruthPath(root));
            File.WriteAllText(Path.Combine(root, DatasetLayout.ReadmeFile), DatasetReadme.Render(options, infos));
            DatasetMarker.Write(root, GeneratorName, options.Seed);

            string? zip = null;
            if (options.Zip)
            {
                progress?.Report(new GenerationProgress("Writing participants' zip", 99, written));
                zip = ParticipantBundle.Write(root, tables, cancel);
            }

            progress?.Report(new GenerationProgress("Done", 100, written));
            return new GenerationResult
            {
                Path = root,
                Options = options,
                Tables = infos,
                GroundTruth = truth,
                ZipPath = zip,
                Elapsed = clock.Elapsed,
            };
        }
        finally
        {
            foreach (var file in files.Values)
            {
                file.Dispose();
            }
        }
    }

    private static DirectAppendStream OpenTable(string root, TableSchema table, byte[] header)
    {
        var file = DirectAppendStream.Create(DatasetLayout.CsvPath(root, table));
        try
        {
            file.Write(header);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static byte[] HeaderBytes(TableSchema table)
    {
        using var bytes = new MemoryStream();
        using (var header = new CsvRowWriter(bytes, table))
        {
            header.Header();
            header.Flush();
        }

        return bytes.ToArray();
    }

    /// <summary>The answer key's timestamps, as the original writes them: 2025-12-03T12:20:00.000000Z.</summary>
    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static GroundTruth BuildGroundTruth(DatasetOptions options, GenerationContext context, GenerationStats stats,
        TsoNoise tso, List<TableFileInfo> tables)
    {
        var bursts = context.Bursts;
        var appRows = tables.First(t => t.Table == TableCatalog.AppLogs.Name).Rows;
        var p50 = stats.OutsideIncidents.Quantile(0.50);
        var p99 = stats.OutsideIncidents.Quantile(0.99);
        var impactedTimeoutRate = Rate(stats.ImpactedTimeouts, stats.ImpactedTransactions);
        var durations = Enumerable.Range(0, bursts.Count).Select(i => (bursts.End(i) - bursts.Start(i)).TotalMinutes).ToList();
        var intervals = Enumerable.Range(1, Math.Max(0, bursts.Count - 1)).Select(i => (bursts.Start(i) - bursts.Start(i - 1)).TotalMinutes).ToList();
        var multiplier = stats.ImpactedDependencyMultiplier;
        var scenario = context.Story.Scenario;
        var incident = scenario.Incident;
        return new GroundTruth
        {
            TimeRange = new TimeRange { Start = Iso(Scenario.WindowStart), End = Iso(Scenario.WindowEnd) },
            PrimaryIncident = new PrimaryIncident
            {
                RootCauseType = ScenarioKinds.RootCauseType(incident.Kind),
                CircuitId = context.Circuits.Primary?.Id,
                Hosts = incident.Hosts.Count > 0 ? [.. incident.Hosts] : null,
                Service = incident.Kind is ScenarioKinds.DependencyOutage or ScenarioKinds.DeploymentRegression ? incident.Component : null,
                SrcRegion = incident.SourceRegion,
                DstRegion = incident.DestinationRegion,
                Start = Iso(incident.Start),
                End = Iso(incident.End),
                FixTime = Iso(incident.FixTime),
                AffectedTransactionTypes = [.. incident.TransactionTypes],
                RerouteCircuitId = context.Circuits.Alternate?.Id,
                Bursts = [.. Enumerable.Range(0, bursts.Count).Select(i => new Burst { Start = Iso(bursts.Start(i)), End = Iso(bursts.End(i)) })],
                Observed = new IncidentObservations
                {
                    PrimaryRttBaselineMs = stats.PrimaryRttBaseline.ToStat(),
                    PrimaryRttBurstMs = stats.PrimaryRttBurst.ToStat(),
                    PrimaryRttUplift = stats.PrimaryRttBaseline.Mean == 0 ? 0
                        : Math.Round(stats.PrimaryRttBurst.Mean / stats.PrimaryRttBaseline.Mean, 3),
                    ImpactedTransactions = stats.ImpactedTransactions,
                    ImpactedTimeoutRate = impactedTimeoutRate,
                    BaselineTimeoutRate = Rate(stats.BaselineTimeouts, stats.BaselineTransactions),
                    ImpactedDependencyLatencyMeanMs = Math.Round(stats.ImpactedDependencyMs.Mean, 3),
                    BaselineDependencyLatencyMeanMs = Math.Round(stats.BaselineDependencyMs.Mean, 3),
                },
            },
            Confounders = [.. scenario.Confounders.Select((c, i) =>
                Confounder(stats, i, c.Name, c.Start, c.End, c.Component, c.Region, Describe(c), impactedTimeoutRate))],
            Exercise = scenario.IsClassic ? null : new ScenarioRecord
            {
                Name = scenario.Name,
                Variant = scenario.Variant,
                Difficulty = scenario.Difficulty,
                IncidentKind = incident.Kind,
                ConfounderKinds = scenario.Confounders.ToDictionary(c => c.Name, c => c.Kind),
            },
            Generation = new GenerationInfo
            {
                Seed = options.Seed,
                Generator = GeneratorName,
                Rng = Prng.AlgorithmVersion,
                RowCounts = tables.ToDictionary(t => t.Table, t => t.Rows),
                Parameters = new GenerationParameters
                {
                    IncidentBurstIntervalMinutes = intervals.Count == 0 ? 0 : Math.Round(intervals.Average(), 2),
                    IncidentBurstDurationMinutes = durations.Count == 0 ? [] : [Math.Round(durations.Min(), 2), Math.Round(durations.Max(), 2)],
                    NetworkBaselineRttMs = Math.Round(stats.PrimaryRttBaseline.Mean, 2),
                    NetworkBurstRttRangeMs = stats.PrimaryRttBurst.Count == 0 ? []
                        : [Math.Round(stats.PrimaryRttBurst.Min, 2), Math.Round(stats.PrimaryRttBurst.Max, 2)],
                    DependencyLatencyMultiplier = multiplier.Count == 0 ? [] : [Math.Round(multiplier.Min, 2), Math.Round(multiplier.Max, 2)],
                    OrchestrationTimeoutMs = ModelParameters.OrchestrationTimeoutMs,
                    DependencyTimeoutMs = ModelParameters.DependencyTimeoutMs,
                    TraceSampling = context.Story.TraceSampling < 1 ? context.Story.TraceSampling : null,
                    LogLoss = context.Story.LogLoss > 0 ? context.Story.LogLoss : null,
                    AppLogRows = options.AppLogRows,
                    ScaleLogs = options.ScaleLogs,
                    AppLogRowsTarget = options.AppLogRowTarget,
                    AppLogRowsActual = appRows,
                    EnableTier2 = options.EnableTier2,
                    Zip = options.Zip,
                    Transactions = context.Plan.Transactions,
                    AppLogRowsPerTransaction = Math.Round((double)appRows / Math.Max(1, context.Plan.Transactions), 4),
                    BurstCount = bursts.Count,
                    LatencyP50MsOutsideIncidents = Math.Round(p50, 1),
                    LatencyP99MsOutsideIncidents = Math.Round(p99, 1),
                    LatencyTailRatio = p50 == 0 ? 0 : Math.Round(p99 / p50, 3),
                    HostsByRegion = Scenario.Regions.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => Scenario.HostsPerRegion[x.i]),
                    Circuits = context.Circuits.All.Count,
                },
                HostInventory = Scenario.Regions.Select((r, i) => (r, i)).ToDictionary(x => x.r,
                    x => Enumerable.Range(1, Scenario.HostsPerRegion[x.i]).Select(n => Scenario.HostName(x.r, n)).ToList()),
            },
            TsoNoise = tso,
        };
    }

    /// <summary>The red herring in words, by kind (the classic's two keep the original's words).</summary>
    private static string Describe(ConfounderPlan c) => c.Kind switch
    {
        ScenarioKinds.HostSaturation => $"Short CPU saturation on {c.Region} hosts (75-97% on every one of them)",
        ScenarioKinds.DeploymentRegression => $"Deployment-induced latency bump in {c.Region} (host network errors rise)",
        ScenarioKinds.NetworkCircuitDegradation => $"Regional network slowdown: every circuit out of {c.Region} at about twice its usual RTT",
        _ => $"Brief slowdown of {c.Region}'s {ScenarioKinds.DependencyService} for every caller",
    };

    /// <summary>A confounder of the key, with its measured effect beside the original's words.</summary>
    private static Confounder Confounder(GenerationStats stats, int index, string name, DateTime start, DateTime end,
        string component, string region, string description, double impactedTimeoutRate)
    {
        var inside = stats.ConfounderInside[index];
        var outside = stats.ConfounderOutside[index];
        var p95In = inside.Latency.Quantile(0.95);
        var p95Out = outside.Latency.Quantile(0.95);
        var rateIn = Rate(inside.Timeouts, inside.Transactions);
        return new Confounder
        {
            Name = name,
            Start = Iso(start),
            End = Iso(end),
            Component = component,
            Region = region,
            Description = description,
            Observed = new ConfounderObservations
            {
                TransactionsInside = inside.Transactions,
                TimeoutRateInside = rateIn,
                TimeoutRateOutside = Rate(outside.Timeouts, outside.Transactions),
                P50LatencyMsInside = Math.Round(inside.Latency.Quantile(0.5), 1),
                P50LatencyMsOutside = Math.Round(outside.Latency.Quantile(0.5), 1),
                P95LatencyMsInside = Math.Round(p95In, 1),
                P95LatencyMsOutside = Math.Round(p95Out, 1),
                P95LatencyMultiplier = p95Out == 0 ? 0 : Math.Round(p95In / p95Out, 3),
                TimeoutRateVsIncident = impactedTimeoutRate == 0 ? 0 : Math.Round(rateIn / impactedTimeoutRate, 3),
            },
        };
    }

    private static double Rate(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 6);
}

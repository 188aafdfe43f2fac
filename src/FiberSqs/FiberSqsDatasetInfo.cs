using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using FiberSqs.Core.Validation;

namespace FiberSqs;

/// <summary>What New-FiberSqsDataset returns: one object per dataset written.</summary>
public sealed class FiberSqsDatasetInfo
{
    internal FiberSqsDatasetInfo(GenerationResult result, ValidationReport validation, TimeSpan elapsed)
    {
        Path = result.Path;
        Seed = result.Options.Seed;
        AppLogRows = result.Options.AppLogRows;
        ScaleLogs = result.Options.ScaleLogs;
        AppLogRowTarget = result.Options.AppLogRowTarget;
        EnableTier2 = result.Options.EnableTier2;
        Tables = [.. result.Tables];
        TotalRows = result.TotalRows;
        TotalBytes = result.TotalBytes;
        GroundTruth = result.GroundTruth;
        TsoCalls = result.GroundTruth.TsoNoise.TotalCalls;
        Validation = FiberSqsValidationResult.OfFiles(validation);
        ValidationPassed = validation.Passed;
        ZipPath = result.ZipPath;
        Elapsed = elapsed;
        GenerationElapsed = result.Elapsed;
        RowsPerSecond = result.Elapsed.TotalSeconds > 0 ? Math.Round(result.TotalRows / result.Elapsed.TotalSeconds) : 0;
    }

    /// <summary>The dataset folder (full path); binds to -Path of Import-FiberSqsClickHouse and Test-FiberSqsDataset.</summary>
    public string Path { get; }
    public long Seed { get; }
    public long AppLogRows { get; }
    public double ScaleLogs { get; }
    public long AppLogRowTarget { get; }
    public bool EnableTier2 { get; }
    public IReadOnlyList<TableFileInfo> Tables { get; }
    public long TotalRows { get; }
    public long TotalBytes { get; }

    /// <summary>The answer key as written to ground_truth.json. Deliberately one property away and not in the default
    /// view: a trainer often generates in front of the trainees.</summary>
    public GroundTruth GroundTruth { get; }

    public long TsoCalls { get; }

    /// <summary>The checks run on the written files, as saved in validation_summary.json.</summary>
    public FiberSqsValidationResult Validation { get; }

    /// <summary>True when every validation check passed.</summary>
    public bool ValidationPassed { get; }

    public string? ZipPath { get; }
    /// <summary>The whole command: generation, validation and moving the folder into place.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Writing the files alone; RowsPerSecond is measured over this.</summary>
    public TimeSpan GenerationElapsed { get; }
    public double RowsPerSecond { get; }
}

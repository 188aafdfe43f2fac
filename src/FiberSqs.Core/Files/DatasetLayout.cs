using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Files;

/// <summary>Where each file of a dataset folder lives (docs/data-contract.md).</summary>
internal static class DatasetLayout
{
    public const string DataFolder = "data";
    public const string ReadmeFile = "README.md";
    public const string GroundTruthFile = "ground_truth.json";
    public const string ValidationSummaryFile = "validation_summary.json";
    public const string PostLoadValidationFile = "postload_validation.json";
    public const string ZipFile = "simulated_fibersqs_cross_region_latency_tso.zip";

    /// <summary>The trainer's debrief (Export-FiberSqsReport's default file): the answer key, never in the participants' zip.</summary>
    public const string DebriefFile = "debrief.html";

    /// <summary>Marker that says this module wrote the folder; -Force replaces only folders that carry it.</summary>
    public const string MarkerFile = ".fibersqs-dataset";

    public static string DataPath(string root) => Path.Combine(root, DataFolder);

    public static string CsvPath(string root, TableSchema table) => Path.Combine(root, DataFolder, table.FileName);

    public static string GroundTruthPath(string root) => Path.Combine(root, GroundTruthFile);

    public static string MarkerPath(string root) => Path.Combine(root, MarkerFile);

    /// <summary>Every file the module writes at the top of a dataset folder (beside <see cref="DataFolder"/>). A folder
    /// holding anything else is not replaced by -Force: add a file here when the module starts writing it.</summary>
    public static readonly IReadOnlyList<string> TopLevelFiles =
        [MarkerFile, ReadmeFile, GroundTruthFile, ValidationSummaryFile, PostLoadValidationFile, ZipFile, DebriefFile];

    /// <summary>True when the folder carries this module's marker.</summary>
    public static bool IsDataset(string root) => File.Exists(MarkerPath(root));
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FiberSqs.Core.Files;

/// <summary>A staging folder a stopped run left: the folder, the dataset folder it was for, and a previous dataset
/// it holds (null when none).</summary>
internal sealed record StagingLeftover(string FolderPath, string Target, string? PreviousDataset);

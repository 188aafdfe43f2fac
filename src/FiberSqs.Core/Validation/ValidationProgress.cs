using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FiberSqs.Core.Validation;

/// <summary>Where a validation is: the stage, percent done, bytes read so far of the total.</summary>
internal sealed record ValidationProgress(string Stage, int PercentComplete, long BytesRead, long TotalBytes);

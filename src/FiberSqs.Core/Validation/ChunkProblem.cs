using CsvHelper;
using FiberSqs.Core.Tables;
using Microsoft.Win32.SafeHandles;

namespace FiberSqs.Core.Validation;

/// <summary>Where a problem was found in a chunk: the data row (1-based within the chunk), the column and what.</summary>
internal sealed record ChunkProblem(long Row, string What);

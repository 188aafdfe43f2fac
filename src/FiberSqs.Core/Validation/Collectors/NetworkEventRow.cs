using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>One network event: when, what, on which circuit, how severe.</summary>
internal sealed record NetworkEventRow(long Ticks, string Type, string Circuit, string Severity);

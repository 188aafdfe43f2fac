using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>One support call as read from tso_calls.</summary>
internal sealed record TsoCallRow(string CallId, long Customer, string TransactionId, long TransactionKey);

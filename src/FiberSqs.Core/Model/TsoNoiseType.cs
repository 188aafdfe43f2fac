using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

/// <summary>The original's TSO noise type names.</summary>
public static class TsoNoiseType
{
    public const string Clean = "clean";
    public const string Missing = "missing";
    public const string Fabricated = "fabricated";
    public const string WrongCustomer = "wrong_customer";
    public static readonly IReadOnlyList<string> All = [Clean, Missing, Fabricated, WrongCustomer];
}

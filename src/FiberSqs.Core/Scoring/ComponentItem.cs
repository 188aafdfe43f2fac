using System.Text.RegularExpressions;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.Scoring;

/// <summary>
/// One thing an answer's Component names (the field may list several, separated by <c>;</c> or <c>,</c>): a circuit
/// (<c>CKT-CEN-EAS-003</c>: its two regions from the codes), a host (<c>fibersqs-prod-east-host03</c>, or any name
/// with a hostNN or infraNN part: its region from the name), or anything else, a service or words
/// (<c>inventory-client (east)</c>: the regions it mentions).
/// </summary>
internal sealed partial record ComponentItem(string Text, ComponentItemKind Kind, IReadOnlyList<string> Regions)
{
    [GeneratedRegex(@"^CKT-(?<src>[A-Z]{3})-(?<dst>[A-Z]{3})-\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex Circuit();

    [GeneratedRegex(@"(^|-)(host|infra)\d+($|-)", RegexOptions.IgnoreCase)]
    private static partial Regex HostPart();

    private static readonly char[] Separators = [' ', '/', '@', '(', ')', ':', '\t'];

    /// <summary>The items of a Component field.</summary>
    public static IReadOnlyList<ComponentItem> Parse(string component) => [.. ListText.Split(component).Select(Of)];

    public static ComponentItem Of(string text)
    {
        var circuit = Circuit().Match(text);
        if (circuit.Success)
        {
            var ends = new[] { RegionWords.OfCode(circuit.Groups["src"].Value), RegionWords.OfCode(circuit.Groups["dst"].Value) };
            return new ComponentItem(text.ToUpperInvariant(), ComponentItemKind.Circuit, [.. ends.OfType<string>()]);
        }

        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("fibersqs-", StringComparison.Ordinal) || HostPart().IsMatch(lower))
        {
            var region = lower.Split('-').Select(RegionWords.OfWord).FirstOrDefault(r => r is not null);
            return new ComponentItem(lower, ComponentItemKind.Host, region is null ? [] : [region]);
        }

        return new ComponentItem(text, ComponentItemKind.Other, RegionWords.Find(text));
    }

    /// <summary>The circuit's source and destination region (circuits only; null when a code is unknown).</summary>
    public (string Source, string Destination)? Ends => Kind == ComponentItemKind.Circuit && Regions.Count == 2 ? (Regions[0], Regions[1]) : null;

    /// <summary>Whether the text names this service: as a word of its own (<c>inventory-client</c>, <c>inventory-client (east)</c>,
    /// <c>east/inventory-client</c>), never as part of another (<c>worker</c> is not <c>worker-retry</c>).</summary>
    public bool NamesService(string service) =>
        Kind == ComponentItemKind.Other
        && Text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(w => string.Equals(w, service, StringComparison.OrdinalIgnoreCase));

    /// <summary>Words that say "the hosts" of a region without naming one (<c>central hosts</c>, <c>east CPU</c>).</summary>
    public bool SpeaksOfHosts =>
        Kind == ComponentItemKind.Host
        || Text.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Any(w => w.ToLowerInvariant() is "host" or "hosts" or "cpu" or "infra" or "saturation" or "fleet");

    /// <summary>True when the item is a region's name alone, or words with a region, not a thing in it.</summary>
    public bool IsRegionOnly => Kind == ComponentItemKind.Other && Scenario.Regions.Any(r => string.Equals(Text.Trim(), r, StringComparison.OrdinalIgnoreCase));
}

using FiberSqs.Core.Model;

namespace FiberSqs.Core.Scoring;

/// <summary>The regions a piece of text names: the names (<c>central</c>, any case) and the circuit codes written in
/// capitals (<c>CEN</c>, as in CKT-CEN-EAS-003), as whole words, in the order they appear, each once. So
/// <c>central -> east</c>, <c>CEN-EAS</c>, <c>central,east</c> and <c>fibersqs-prod-east-host03</c> all read.</summary>
internal static class RegionWords
{
    public static IReadOnlyList<string> Find(string? text)
    {
        var found = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return found;
        }

        foreach (var word in text.Split(NonLetters(text), StringSplitOptions.RemoveEmptyEntries))
        {
            var region = OfWord(word);
            if (region is not null && !found.Contains(region))
            {
                found.Add(region);
            }
        }

        return found;
    }

    /// <summary>The region of one word: a region's name in any case, or its three-letter code in capitals.</summary>
    public static string? OfWord(string word)
    {
        foreach (var region in Scenario.Regions)
        {
            if (string.Equals(word, region, StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, Scenario.RegionCode(region), StringComparison.Ordinal))
            {
                return region;
            }
        }

        return null;
    }

    /// <summary>The region whose circuit code this is (CEN, EAS, ...), any case; null for an unknown code.</summary>
    public static string? OfCode(string code) =>
        Scenario.Regions.FirstOrDefault(r => string.Equals(Scenario.RegionCode(r), code, StringComparison.OrdinalIgnoreCase));

    /// <summary>A pair for a person: <c>central -> east</c>.</summary>
    public static string Pair(string source, string destination) => $"{source} -> {destination}";

    private static char[] NonLetters(string text) => [.. text.Where(c => !char.IsLetter(c)).Distinct()];
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.Scenarios;

/// <summary>
/// The scenario's JSON form (docs/scenarios.md): the property names of the cmdlets' FiberSqsScenario, any case, so
/// that <c>Get-FiberSqsScenario | ConvertTo-Json -Depth 10</c> is a file <c>-Path</c> reads back unchanged. Reading
/// checks every field and throws <see cref="ScenarioInvalidException"/> naming the first wrong one.
/// </summary>
internal static partial class ScenarioJson
{
    private const long MaxFileBytes = 1 << 20;

    public static string Write(ExerciseScenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var i = s.Incident;
        var node = new JsonObject
        {
            ["Name"] = s.Name,
            ["Variant"] = s.Variant,
            ["Difficulty"] = s.Difficulty,
            ["Incident"] = new JsonObject
            {
                ["Kind"] = i.Kind, ["Component"] = i.Component, ["SourceRegion"] = i.SourceRegion, ["DestinationRegion"] = i.DestinationRegion,
                ["TransactionTypes"] = new JsonArray([.. i.TransactionTypes.Select(t => (JsonNode?)t)]),
                ["Start"] = Iso(i.Start), ["End"] = Iso(i.End), ["FixTime"] = Iso(i.FixTime),
            },
            ["Confounders"] = new JsonArray([.. s.Confounders.Select(c => (JsonNode?)new JsonObject
            {
                ["Name"] = c.Name, ["Kind"] = c.Kind, ["Region"] = c.Region, ["Component"] = c.Component, ["Start"] = Iso(c.Start), ["End"] = Iso(c.End),
            })]),
        };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static ExerciseScenario ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ScenarioInvalidException("Path", $"'{path}' is not a file.");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new ScenarioInvalidException("Path", $"'{path}' is {info.Length:N0} bytes; a scenario file is at most 1 MiB.");
        }

        return Read(File.ReadAllText(path));
    }

    public static ExerciseScenario Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, new JsonNodeOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException e)
        {
            throw new ScenarioInvalidException("(file)", $"is not JSON: {e.Message}");
        }

        if (root is not JsonObject o)
        {
            throw new ScenarioInvalidException("(file)", "must be a JSON object with Name, Difficulty, Incident and Confounders.");
        }

        var name = Text(o, "Name", "Name");
        int? variant = o["Variant"] is null ? null : Number(o, "Variant", "Variant");
        var difficulty = OneOf(Text(o, "Difficulty", "Difficulty"), "Difficulty", ScenarioKinds.DifficultiesGenerated,
            "the difficulty levels");
        var io = o["Incident"] as JsonObject ?? throw new ScenarioInvalidException("Incident", "is missing or not an object.");
        var kind = OneOf(Text(io, "Kind", "Incident.Kind"), "Incident.Kind", ScenarioKinds.IncidentsGenerated,
            "the incident kinds");
        var src = OneOf(Text(io, "SourceRegion", "Incident.SourceRegion"), "Incident.SourceRegion", Scenario.Regions);
        var dst = OneOf(Text(io, "DestinationRegion", "Incident.DestinationRegion"), "Incident.DestinationRegion", Scenario.Regions);
        if (src == dst)
        {
            throw new ScenarioInvalidException("Incident.DestinationRegion", "must differ from Incident.SourceRegion (the circuit joins two regions).");
        }

        var component = Component(kind, Text(io, "Component", "Incident.Component"), src, dst);

        var types = (io["TransactionTypes"] as JsonArray ?? throw new ScenarioInvalidException("Incident.TransactionTypes", "is missing or not a list."))
            .Select((t, k) => OneOf(t?.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : "", $"Incident.TransactionTypes[{k}]",
                ExerciseScenario.ImpactableTypes)).ToList();
        if (types.Count is < 1 or > 3 || types.Distinct().Count() != types.Count)
        {
            throw new ScenarioInvalidException("Incident.TransactionTypes", "must list one to three different types.");
        }

        var start = Time(io, "Start", "Incident.Start");
        var end = Time(io, "End", "Incident.End");
        var fix = Time(io, "FixTime", "Incident.FixTime");
        if (!(start < end && end <= fix))
        {
            throw new ScenarioInvalidException("Incident.End", "the incident must start before it ends, and be fixed at or after its end.");
        }

        var list = o["Confounders"] as JsonArray ?? throw new ScenarioInvalidException("Confounders", "is missing or not a list.");
        if (list.Count != 2)
        {
            throw new ScenarioInvalidException("Confounders", $"has {list.Count}; a scenario has two red herrings, of two different kinds.");
        }

        var confounders = new List<ConfounderPlan>();
        for (var k = 0; k < 2; k++)
        {
            var at = $"Confounders[{k}]";
            var c = list[k] as JsonObject ?? throw new ScenarioInvalidException(at, "is not an object.");
            var cname = Text(c, "Name", at + ".Name");
            if (!NamePattern().IsMatch(cname))
            {
                throw new ScenarioInvalidException(at + ".Name", $"'{cname}' must be lower-case letters, digits and underscores.");
            }

            var ckind = OneOf(Text(c, "Kind", at + ".Kind"), at + ".Kind", ScenarioKinds.All, "the kinds of disturbance");
            if (confounders.Any(p => p.Kind == ckind))
            {
                throw new ScenarioInvalidException(at + ".Kind", $"'{ckind}' is the other confounder's kind too; the two red herrings are of different kinds.");
            }

            if (confounders.Any(p => p.Name == cname))
            {
                throw new ScenarioInvalidException(at + ".Name", $"'{cname}' names the other confounder too.");
            }

            var region = OneOf(Text(c, "Region", at + ".Region"), at + ".Region", Scenario.Regions);
            var ccomp = OneOf(Text(c, "Component", at + ".Component"), at + ".Component", [ScenarioKinds.ConfounderComponent(ckind)],
                $"what a {ckind} red herring touches");
            var cs = Time(c, "Start", at + ".Start");
            var ce = Time(c, "End", at + ".End");
            if (cs >= ce)
            {
                throw new ScenarioInvalidException(at + ".End", "must be after its Start.");
            }

            if (cs < fix && start < ce)
            {
                throw new ScenarioInvalidException(at + ".Start", "overlaps the incident (from Incident.Start to Incident.FixTime): a red herring must lie apart.");
            }

            if (confounders.Any(p => cs < p.End && p.Start < ce))
            {
                throw new ScenarioInvalidException(at + ".Start", "overlaps the other confounder.");
            }

            confounders.Add(new ConfounderPlan(cname, ckind, region, ccomp, cs, ce));
        }

        return new ExerciseScenario(name, variant, difficulty, new IncidentPlan(kind, component, src, dst, types, start, end, fix), confounders);
    }

    /// <summary>The incident's component, checked against what its kind can fail (docs/scenarios.md).</summary>
    private static string Component(string kind, string component, string src, string dst)
    {
        const string field = "Incident.Component";
        switch (kind)
        {
            case ScenarioKinds.NetworkCircuitDegradation:
                var expected = $"CKT-{Scenario.RegionCode(src)}-{Scenario.RegionCode(dst)}-";
                if (!CircuitPattern().IsMatch(component) || !component.StartsWith(expected, StringComparison.Ordinal) ||
                    (int.Parse(component[^3..], CultureInfo.InvariantCulture) is < 1 or > 99 && component != Scenario.PrimaryCircuitId))
                {
                    throw new ScenarioInvalidException(field,
                        $"'{component}' is not a circuit of the inventory's form for {src}->{dst}: {expected}001 to {expected}099.");
                }

                return component;
            case ScenarioKinds.HostSaturation:
                var region = Scenario.RegionIndex(src);
                var inventory = Enumerable.Range(1, Scenario.HostsPerRegion[region]).Select(n => Scenario.HostName(src, n)).ToList();
                var hosts = component.Split(',', StringSplitOptions.TrimEntries);
                if (hosts.Length is < ScenarioKinds.MinSaturatedHosts or > ScenarioKinds.MaxSaturatedHosts || hosts.Distinct().Count() != hosts.Length ||
                    hosts.Any(h => !inventory.Contains(h)))
                {
                    throw new ScenarioInvalidException(field,
                        $"'{component}' must be {ScenarioKinds.MinSaturatedHosts} to {ScenarioKinds.MaxSaturatedHosts} different hosts of {src}, " +
                        $"comma-separated, from {inventory[0]} to {inventory[^1]}.");
                }

                // One spelling (the inventory's order), so a file and its round trip give the same bytes.
                return string.Join(",", inventory.Where(hosts.Contains));
            case ScenarioKinds.DependencyOutage:
                return OneOf(component, field, [ScenarioKinds.DependencyService], $"the dependency of {dst} that fails for every caller");
            default:
                return OneOf(component, field, [ScenarioKinds.RegressedService], $"the service whose release in {src} regresses");
        }
    }

    /// <summary>A time as the file writes it (a local or unspecified time is taken as UTC).</summary>
    public static string Iso(DateTime t) =>
        (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Text(JsonObject o, string key, string field) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s
            ? s : throw new ScenarioInvalidException(field, "is missing or not a non-empty string.");

    private static int Number(JsonObject o, string key, string field) =>
        o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= 1
            ? n : throw new ScenarioInvalidException(field, "must be a whole number of at least 1, or absent.");

    private static string OneOf(string value, string field, IReadOnlyList<string> allowed, string? why = null) =>
        allowed.Contains(value) ? value
            : throw new ScenarioInvalidException(field, $"'{value}' is not allowed; use one of: {string.Join(", ", allowed)}{(why is null ? "" : $" ({why})")}.");

    /// <summary>A whole-second UTC time inside the week, written <c>2025-12-03T12:20:00Z</c>.</summary>
    private static DateTime Time(JsonObject o, string key, string field)
    {
        DateTime t;
        if (o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String &&
            DateTime.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out t) &&
            ZoneSuffix().IsMatch(v.GetValue<string>()))
        {
            t = DateTime.SpecifyKind(t, DateTimeKind.Utc);
        }
        else
        {
            throw new ScenarioInvalidException(field, "must be a time with its zone, such as 2025-12-03T12:20:00Z.");
        }

        if (t.Ticks % TimeSpan.TicksPerMinute != 0 || t < Scenario.WindowStart || t > Scenario.WindowEnd - TimeSpan.FromHours(1))
        {
            throw new ScenarioInvalidException(field, $"'{Iso(t)}' must be a whole minute from {Iso(Scenario.WindowStart)} to {Iso(Scenario.WindowEnd - TimeSpan.FromHours(1))}.");
        }

        return t;
    }

    /// <summary>An explicit zone: Z, or an offset such as +01:00 (ConvertTo-Json writes a local time that way).</summary>
    [GeneratedRegex("(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex ZoneSuffix();

    [GeneratedRegex("^CKT-[A-Z]{3}-[A-Z]{3}-[0-9]{3}$")]
    private static partial Regex CircuitPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex NamePattern();
}

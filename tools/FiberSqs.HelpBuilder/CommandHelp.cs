namespace FiberSqs.HelpBuilder;

// The content of one platyPS 2.0.0 command page, as read from markdown and written as MAML.

/// <summary>One cmdlet's help page.</summary>
internal sealed record CommandHelp(
    string Name,
    string ExternalHelpFile,
    string ModuleName,
    IReadOnlyList<string> Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LinkHelp> Links)
{
    /// <summary>The parameter set that "(All)" stands for when the page has no named sets.</summary>
    public const string AllParameterSets = "(All)";
}

/// <summary>A parameter: its description and one or more yaml blocks (one per group of parameter sets).</summary>
internal sealed record ParameterHelp(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterMetadata> Metadata)
{
    /// <summary>The metadata that applies in a parameter set, or null when the parameter is not in it.</summary>
    public ParameterMetadata? For(string parameterSet) =>
        Metadata.FirstOrDefault(m => m.ParameterSets.Contains(parameterSet, StringComparer.OrdinalIgnoreCase))
        ?? Metadata.FirstOrDefault(m => m.ParameterSets.Contains(CommandHelp.AllParameterSets, StringComparer.OrdinalIgnoreCase));
}

/// <summary>One parameter yaml block of a platyPS page.</summary>
internal sealed record ParameterMetadata(
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AcceptedValues,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool Globbing)
{
    public bool IsSwitch => Type is "SwitchParameter" or "Switch" or "System.Management.Automation.SwitchParameter";
}

/// <summary>A titled example: code blocks and the remarks after them.</summary>
internal sealed record ExampleHelp(string Title, IReadOnlyList<string> Code, IReadOnlyList<string> Remarks);

/// <summary>An INPUTS or OUTPUTS entry.</summary>
internal sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

/// <summary>A RELATED LINKS entry; Uri is empty for links to other pages of the module.</summary>
internal sealed record LinkHelp(string Text, string Uri);

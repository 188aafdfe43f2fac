namespace FiberSqs.HelpBuilder.Tests;

/// <summary>Small platyPS pages for the tests; each test breaks one thing on purpose.</summary>
internal static class SamplePages
{
    public const string Valid = """
        ---
        external help file: Sample.dll-Help.xml
        Module Name: Sample
        online version:
        schema: 2.0.0
        ---

        # Get-Widget

        ## SYNOPSIS
        Gets *widgets* from the `store`.

        ## SYNTAX

        ### ByName (Default)
        ```
        Get-Widget [-Name] <String> [-Force] [<CommonParameters>]
        ```

        ### ById
        ```
        Get-Widget -Id <Int32> [-Force] [<CommonParameters>]
        ```

        ## DESCRIPTION
        First paragraph
        continues here.

        Second paragraph with a [link](https://example.org/widgets).

        ## EXAMPLES

        ### Example 1: All widgets
        ```powershell
        PS> Get-Widget -Name *
        ```

        Lists every widget.

        ### Example 2: One widget by id
        ```powershell
        PS> Get-Widget -Id 3
        ```

        ## PARAMETERS

        ### -Name
        The widget's name.

        ```yaml
        Type: String
        Parameter Sets: ByName
        Aliases: WidgetName, N

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: True
        ```

        ### -Id
        The widget's id.

        ```yaml
        Type: Int32
        Parameter Sets: ById
        Aliases:

        Required: True
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Force
        Gets hidden widgets too.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases:

        Required: False
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String
        A name.

        ## OUTPUTS

        ### Sample.Widget
        One object per widget.

        ## NOTES
        Widgets are cached.

        ## RELATED LINKS

        [Online](https://example.org/get-widget)

        [Set-Widget](Set-Widget.md)
        """;

    public const string About = """
        # about_Sample

        ## SHORT DESCRIPTION
        What the sample is.

        ## LONG DESCRIPTION
        A long paragraph that goes on and on so that it has to be wrapped at eighty columns by the writer, because the help viewer shows it as it is written.

        ### A subsection
        - first item
        - second item

        ```sql
        SELECT 1;
        ```
        """;
}

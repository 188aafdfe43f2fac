namespace FiberSqs.Core.Validation;

/// <summary>Collects figures for a check, in order.</summary>
public sealed class FigureList : List<ValidationFigure>
{
    public FigureList Add(string name, object? value)
    {
        Add(new ValidationFigure(name, value));
        return this;
    }
}

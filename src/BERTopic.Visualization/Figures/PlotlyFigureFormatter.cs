namespace BERTopicNet.Visualization.Figures;

// .NET Interactive finds formatters by convention: an attribute named TypeFormatterSourceAttribute whose
// FormatterSourceType names a class with CreateTypeFormatters(), each formatter exposing MimeType and
// Format(object, TextWriter). Declaring them here lets notebooks render figures without this package
// depending on Microsoft.DotNet.Interactive.

/// <summary>Marks a type whose notebook rendering is provided by <see cref="FormatterSourceType"/> (.NET Interactive convention).</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[] PreferredMimeTypes { get; set; } = [];
}

/// <summary>Creates the notebook formatters of <see cref="PlotlyFigure"/>.</summary>
internal sealed class PlotlyFigureFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() => [new PlotlyFigureHtmlFormatter()];
}

/// <summary>Renders a <see cref="PlotlyFigure"/> as an HTML fragment with plotly.js included once per page.</summary>
internal sealed class PlotlyFigureHtmlFormatter
{
    public string MimeType => "text/html";

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not PlotlyFigure figure) return false;
        writer.Write(figure.ToHtmlFragment());
        return true;
    }
}

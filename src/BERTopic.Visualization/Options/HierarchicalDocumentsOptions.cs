namespace BERTopicNet.Visualization;

/// <summary>Options of the hierarchical document map (Python's <c>visualize_hierarchical_documents</c>).</summary>
public sealed class HierarchicalDocumentsOptions : ChartOptions
{
    /// <summary>Number of levels of the hierarchy the slider steps through. Default 10, as Python.</summary>
    public int NrLevels { get; set; } = 10;

    /// <summary>Draw the (merged) topic names at their documents' centre. Default true.</summary>
    public bool ShowAnnotations { get; set; } = true;

    /// <summary>Characters of each document shown on hover. Default 100.</summary>
    public int HoverTextLength { get; set; } = 100;
}

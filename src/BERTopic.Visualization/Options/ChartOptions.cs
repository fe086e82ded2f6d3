namespace BERTopicNet.Visualization;

/// <summary>Settings every chart shares. Null title, width or height mean the chart's own default (Python BERTopic's).</summary>
public abstract class ChartOptions
{
    /// <summary>The title (HTML tags such as &lt;b&gt; allowed). Default null: the chart's default title.</summary>
    public string? Title { get; set; }

    /// <summary>Width of the figure in pixels. Default null: the chart's default.</summary>
    public int? Width { get; set; }

    /// <summary>Height of the figure in pixels. Default null: the chart's default.</summary>
    public int? Height { get; set; }

    /// <summary>Use the model's custom topic labels instead of "id_word_word_word" (Python's <c>custom_labels</c>). Default false.</summary>
    public bool UseCustomLabels { get; set; }

    internal int ResolveWidth(int fallback) => Checked(Width ?? fallback, nameof(Width));

    internal int ResolveHeight(int fallback) => Checked(Height ?? fallback, nameof(Height));

    private static int Checked(int v, string name) =>
        v is >= 50 and <= 20000 ? v : throw new ArgumentException($"{name} must be between 50 and 20000 pixels (it was {v}).", name);
}

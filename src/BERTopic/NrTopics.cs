using System.Globalization;

namespace BERTopicNet;

/// <summary>
/// How many topics to keep after clustering (Python BERTopic's <c>nr_topics</c>): a number, or
/// <see cref="Auto"/> (merge similar topics found by HDBSCAN on the topic embeddings).
/// Converts implicitly from <see cref="int"/>.
/// </summary>
public readonly record struct NrTopics
{
    private NrTopics(int value) => Value = value;

    /// <summary>The number of topics, or 0 for <see cref="Auto"/>.</summary>
    public int Value { get; }

    /// <summary>True for <see cref="Auto"/>.</summary>
    public bool IsAuto => Value == 0;

    /// <summary>Merge topics automatically (Python's <c>nr_topics="auto"</c>).</summary>
    public static NrTopics Auto => new(0);

    /// <summary>Reduce to <paramref name="count"/> topics (the outlier topic -1 counts as one when present).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static NrTopics Of(int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "The number of topics must be at least 1; use NrTopics.Auto for automatic reduction.");
        return new(count);
    }

    /// <summary>Same as <see cref="Of"/>.</summary>
    public static implicit operator NrTopics(int count) => Of(count);

    /// <inheritdoc/>
    public override string ToString() => IsAuto ? "auto" : Value.ToString(CultureInfo.InvariantCulture);
}

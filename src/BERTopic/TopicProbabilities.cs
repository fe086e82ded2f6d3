using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BERTopicNet.Numerics;

namespace BERTopicNet;

/// <summary>
/// The probabilities returned with the topics: either one membership strength per document, or (with
/// <see cref="BERTopicOptions.CalculateProbabilities"/>) a document × topic matrix of soft memberships whose
/// column t is topic t (the outlier topic has no column; rows need not sum to 1).
/// </summary>
public sealed class TopicProbabilities
{
    private TopicProbabilities(float[]? perDocument, float[,]? matrix)
    {
        PerDocument = perDocument;
        Matrix = matrix;
    }

    /// <summary>One probability per document, or null when <see cref="Matrix"/> is set.</summary>
    public float[]? PerDocument { get; }

    /// <summary>The document × topic matrix, or null when <see cref="PerDocument"/> is set.</summary>
    public float[,]? Matrix { get; }

    /// <summary>True when the probabilities are a document × topic matrix.</summary>
    public bool IsMatrix => Matrix is not null;

    /// <summary>Number of documents.</summary>
    public int Count => PerDocument?.Length ?? Matrix!.GetLength(0);

    /// <summary>
    /// The probabilities of document <paramref name="document"/>, as the article's <c>probabilities[0]</c>: its row
    /// of <see cref="Matrix"/> (one value per topic, column t = topic t), or its single value when there is one
    /// probability per document. The span reads the matrix in place.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="document"/> is not in [0, <see cref="Count"/>).</exception>
    public ReadOnlySpan<float> Row(int document)
    {
        if ((uint)document >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(document), document, $"document must be in [0, {Count}).");
        if (PerDocument is { } v) return v.AsSpan(document, 1);
        return MatrixRows.Row(Matrix!, document);
    }

    /// <summary>The same as <see cref="Row(int)"/>: <c>probabilities[0]</c>.</summary>
    public ReadOnlySpan<float> this[int document] => Row(document);


    /// <summary>Wraps one probability per document.</summary>
    public static TopicProbabilities FromVector(float[] perDocument) => new(perDocument ?? throw new ArgumentNullException(nameof(perDocument)), null);

    /// <summary>Wraps a document × topic matrix.</summary>
    public static TopicProbabilities FromMatrix(float[,] matrix) => new(null, matrix ?? throw new ArgumentNullException(nameof(matrix)));
}

/// <summary>Topics and probabilities of documents: <c>var (topics, probabilities) = model.FitTransform(docs);</c></summary>
/// <param name="Topics">The topic of each document (-1 = outlier).</param>
/// <param name="Probabilities">The probabilities, or null when the clusterer gives none (e.g. <see cref="Clustering.ManualClusterer"/>).</param>
public sealed record TopicModelResult(int[] Topics, TopicProbabilities? Probabilities);

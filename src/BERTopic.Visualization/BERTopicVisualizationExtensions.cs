using BERTopicNet.Umap;
using BERTopicNet.Visualization.Figures;

namespace BERTopicNet.Visualization;

/// <summary>
/// Python BERTopic's <c>visualize_*</c> methods on a fitted <see cref="BERTopic"/>:
/// <code>
/// using BERTopicNet.Visualization;
/// model.VisualizeTopics().SaveHtml("topics.html");
/// </code>
/// Each reads the model's fitted state (<see cref="ToChartData"/>) and draws the chart of <see cref="TopicVisualizations"/>.
/// </summary>
public static class BERTopicVisualizationExtensions
{
    /// <summary>
    /// The fitted state the charts need: topic ids, sizes, words, custom labels, topic embeddings, c-TF-IDF rows and
    /// each training document's topic.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public static TopicChartData ToChartData(this BERTopic model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.IsFitted)
            throw new InvalidOperationException("This BERTopic model is not fitted yet; call Fit or FitTransform before visualizing it.");
        var ids = model.TopicIds;
        var sizes = model.TopicSizes;
        var words = model.GetTopics();
        var m = model.CTfidf;
        CsrMatrix? ctfidf = null;
        // A model loaded from a Python folder saved without c-TF-IDF has none.
        if (m is not null && m.Rows == ids.Count)
            ctfidf = new CsrMatrix(m.Rows, m.Columns, m.IndPtr, m.Indices, Array.ConvertAll(m.Values, v => (float)v));
        var embeddings = model.TopicEmbeddings;
        var custom = model.CustomLabels;
        return new TopicChartData(
            ids,
            ids.Select(t => sizes.TryGetValue(t, out var s) ? s : 0).ToArray(),
            ids.Select(t => words.TryGetValue(t, out var w) ? w : []).ToArray())
        {
            CTfIdf = ctfidf,
            TopicEmbeddings = embeddings is not null && embeddings.GetLength(0) == ids.Count ? embeddings : null,
            CustomLabels = custom is not null && custom.Count == ids.Count ? custom : null,
            DocumentTopics = model.DocumentTopics.Count > 0 ? model.DocumentTopics.ToArray() : null,
        };
    }

    /// <summary>Intertopic distance map (Python's <c>visualize_topics</c>); see <see cref="TopicVisualizations.VisualizeTopics"/>.</summary>
    public static PlotlyFigure VisualizeTopics(this BERTopic model, TopicsChartOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        model.ToChartData().VisualizeTopics(options, progress, cancellationToken);

    /// <summary>Word-score bar charts (Python's <c>visualize_barchart</c>); see <see cref="TopicVisualizations.VisualizeBarchart"/>.</summary>
    public static PlotlyFigure VisualizeBarchart(this BERTopic model, BarchartOptions? options = null) =>
        model.ToChartData().VisualizeBarchart(options);

    /// <summary>Topic similarity heatmap (Python's <c>visualize_heatmap</c>); see <see cref="TopicVisualizations.VisualizeHeatmap"/>.</summary>
    public static PlotlyFigure VisualizeHeatmap(this BERTopic model, HeatmapOptions? options = null) =>
        model.ToChartData().VisualizeHeatmap(options);

    /// <summary>Topic dendrogram (Python's <c>visualize_hierarchy</c>); see <see cref="TopicVisualizations.VisualizeHierarchy(TopicChartData, HierarchyOptions?)"/>.</summary>
    public static PlotlyFigure VisualizeHierarchy(this BERTopic model, HierarchyOptions? options = null) =>
        model.ToChartData().VisualizeHierarchy(options);

    /// <summary>Term score decline per topic (Python's <c>visualize_term_rank</c>); see <see cref="TopicVisualizations.VisualizeTermRank"/>.</summary>
    public static PlotlyFigure VisualizeTermRank(this BERTopic model, TermRankOptions? options = null) =>
        model.ToChartData().VisualizeTermRank(options);

    /// <summary>
    /// 2-d document map (Python's <c>visualize_documents</c>) of the training documents.
    /// </summary>
    /// <param name="model">A fitted model.</param>
    /// <param name="points">The training documents' 2-d coordinates (N × 2, Python's <c>reduced_embeddings</c>) or embeddings (N × D).</param>
    /// <param name="documents">The training documents, for hover text; null for none.</param>
    /// <param name="options">Selection, sampling and look; null for defaults.</param>
    /// <param name="progress">Receives the fraction of the 2-d reduction done, 0 to 1.</param>
    /// <param name="cancellationToken">Cancels the 2-d reduction.</param>
    public static PlotlyFigure VisualizeDocuments(this BERTopic model, float[,] points, IReadOnlyList<string>? documents = null,
        DocumentsChartOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        model.ToChartData().VisualizeDocuments(points, documents, options, progress, cancellationToken);

    /// <summary>
    /// 2-d document map of the training documents, embedding them with the model's embedding model first (as Python
    /// does when no embeddings are given).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no embedding model (it was fitted on precomputed embeddings).</exception>
    public static PlotlyFigure VisualizeDocuments(this BERTopic model, IReadOnlyList<string> documents,
        DocumentsChartOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        var embedder = model.EmbeddingModel
            ?? throw new InvalidOperationException("The model has no embedding model (it was fitted on precomputed embeddings); pass the embeddings or 2-d coordinates to VisualizeDocuments.");
        return model.VisualizeDocuments(embedder.Embed(documents, null, cancellationToken), documents, options, progress, cancellationToken);
    }

    /// <summary>One document's topic distribution (Python's <c>visualize_distribution</c>); see <see cref="TopicVisualizations.VisualizeDistribution"/>.</summary>
    /// <param name="model">A fitted model.</param>
    /// <param name="probabilities">The document's probability per topic 0, 1, 2, … (a row of the probability matrix).</param>
    /// <param name="options">Threshold and look; null for defaults.</param>
    public static PlotlyFigure VisualizeDistribution(this BERTopic model, ReadOnlySpan<float> probabilities, DistributionOptions? options = null) =>
        model.ToChartData().VisualizeDistribution(probabilities, options);

    /// <summary>The topic distribution of training document <paramref name="document"/>, from the fitted probability matrix.</summary>
    /// <exception cref="ArgumentException">The document index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The model holds no document × topic probability matrix (fit with <c>CalculateProbabilities = true</c>).</exception>
    public static PlotlyFigure VisualizeDistribution(this BERTopic model, int document, DistributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var matrix = model.ToChartDataProbabilities();
        if ((uint)document >= (uint)matrix.GetLength(0))
            throw new ArgumentException($"document must be in [0, {matrix.GetLength(0)}) (it was {document}).", nameof(document));
        var row = new float[matrix.GetLength(1)];
        for (int t = 0; t < row.Length; t++) row[t] = matrix[document, t];
        return model.VisualizeDistribution(row, options);
    }

    private static float[,] ToChartDataProbabilities(this BERTopic model)
    {
        if (!model.IsFitted)
            throw new InvalidOperationException("This BERTopic model is not fitted yet; call Fit or FitTransform before visualizing it.");
        return model.Probabilities?.Matrix
            ?? throw new InvalidOperationException(
                "The model holds no document × topic probability matrix; fit it with BERTopicOptions.CalculateProbabilities = true, " +
                "or pass one document's probabilities, e.g. from ApproximateDistribution: model.VisualizeDistribution(model.ApproximateDistribution([text]).Row(0)).");
    }
}

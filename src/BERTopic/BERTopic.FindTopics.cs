using BERTopicNet.Numerics;
using BERTopicNet.Operations;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>
    /// The topics most similar to a search term (Python's <c>find_topics</c>): the term is embedded with the embedding
    /// model and compared with every topic embedding (the outlier topic included) by cosine similarity.
    /// </summary>
    /// <param name="searchTerm">A word, phrase or document.</param>
    /// <param name="topN">How many topics to return, most similar first. Default 5.</param>
    /// <param name="cancellationToken">Cancels the embedding.</param>
    /// <returns>Up to <paramref name="topN"/> topics with their similarities, most similar first.</returns>
    /// <exception cref="InvalidOperationException">The model is not fitted, or has no embedding model (fitted on precomputed embeddings without <see cref="BERTopicOptions.EmbeddingModel"/>) or no topic embeddings.</exception>
    /// <exception cref="ArgumentException"><paramref name="searchTerm"/> is null or <paramref name="topN"/> is below 1.</exception>
    public IReadOnlyList<TopicSimilarity> FindTopics(string searchTerm, int topN = 5, CancellationToken cancellationToken = default)
    {
        RequireFitted();
        if (searchTerm is null) throw new ArgumentNullException(nameof(searchTerm), "The search term is null; pass a word or phrase.");
        if (topN < 1) throw new ArgumentException($"topN is {topN}; ask for at least 1 topic (default 5).", nameof(topN));
        var model = _embeddingModel ?? Options.EmbeddingModel ?? throw new InvalidOperationException(
            "FindTopics embeds the search term, but this model has no embedding model (it was fitted on precomputed embeddings). " +
            "Set BERTopicOptions.EmbeddingModel to the model that produced those embeddings, or embed the term yourself and use FindTopics(float[]).");
        var embedded = model.Embed([searchTerm], null, cancellationToken);
        if (embedded.GetLength(0) != 1)
            throw new InvalidOperationException($"The embedding model {model.Name} returned {embedded.GetLength(0)} rows for one search term.");
        return FindTopics(MatrixRows.Row(embedded, 0).ToArray(), topN);
    }

    /// <summary>The topics most similar to an already embedded query (see <see cref="FindTopics(string, int, CancellationToken)"/>).</summary>
    /// <param name="queryEmbedding">The query's embedding, as long as a topic embedding.</param>
    /// <param name="topN">How many topics to return. Default 5.</param>
    /// <exception cref="ArgumentException">The embedding has the wrong length or non-finite values, or <paramref name="topN"/> is below 1.</exception>
    public IReadOnlyList<TopicSimilarity> FindTopics(float[] queryEmbedding, int topN = 5)
    {
        RequireFitted();
        ArgumentNullException.ThrowIfNull(queryEmbedding);
        if (topN < 1) throw new ArgumentException($"topN is {topN}; ask for at least 1 topic (default 5).", nameof(topN));
        var topicEmbeddings = _topicEmbeddings ?? throw new InvalidOperationException("The model has no topic embeddings to compare with.");
        if (queryEmbedding.Length != topicEmbeddings.GetLength(1))
            throw new ArgumentException($"The query embedding has {queryEmbedding.Length} values but topic embeddings have {topicEmbeddings.GetLength(1)}; embed it with the model's embedding model.", nameof(queryEmbedding));
        foreach (var v in queryEmbedding)
            if (!float.IsFinite(v)) throw new ArgumentException($"The query embedding holds {v}; every value must be finite.", nameof(queryEmbedding));
        var cosine = new DenseCosine(topicEmbeddings, 0);
        var sims = new double[cosine.Count];
        cosine.Similarities(queryEmbedding, sims);
        // np.argsort(sims)[-top_n:][::-1]: Python's tie order included.
        var order = NumpySort.ArgQuickSort<double>(sims);
        int take = Math.Min(topN, order.Length);
        var result = new TopicSimilarity[take];
        for (int i = 0; i < take; i++)
        {
            int idx = order[order.Length - 1 - i];
            result[i] = new TopicSimilarity(_topicIds[idx], sims[idx]);
        }
        return result;
    }
}

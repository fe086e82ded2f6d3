namespace BERTopicNet.Representation;

/// <summary>
/// Maximal marginal relevance (Python BERTopic's <c>MaximalMarginalRelevance</c>): from each topic's c-TF-IDF
/// candidate words, picks <see cref="TopNWords"/> words that are similar to the topic (the embedding of the joined
/// candidates) yet diverse among themselves; the kept words retain their c-TF-IDF order and scores (as in Python,
/// when the filler word "" is chosen, every filler entry is kept).
/// Needs an embedding model (<see cref="BERTopicOptions.EmbeddingModel"/>).
/// </summary>
public sealed class MaximalMarginalRelevance : IRepresentationModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="diversity">0 (only relevance) to 1 (only diversity). Default 0.1.</param>
    /// <param name="topNWords">Words kept per topic. Default 10.</param>
    public MaximalMarginalRelevance(double diversity = 0.1, int topNWords = 10)
    {
        if (!(diversity >= 0 && diversity <= 1)) throw new ArgumentOutOfRangeException(nameof(diversity), diversity, "diversity must lie in [0, 1].");
        ArgumentOutOfRangeException.ThrowIfLessThan(topNWords, 1);
        Diversity = diversity;
        TopNWords = topNWords;
    }

    /// <summary>The weight of diversity against relevance.</summary>
    public double Diversity { get; }

    /// <summary>Words kept per topic.</summary>
    public int TopNWords { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The model has no embedding model.</exception>
    public IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> ExtractTopics(RepresentationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.EmbeddingModel ?? throw new InvalidOperationException(
            "MaximalMarginalRelevance needs an embedding model to embed words: set BERTopicOptions.EmbeddingModel.");
        var result = new Dictionary<int, IReadOnlyList<TopicWord>>();
        foreach (var (topic, candidates) in context.Candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var words = candidates.Select(w => w.Word).ToList();
            var wordEmb = VectorMath.Embed(model, words, cancellationToken);
            var topicEmb = VectorMath.Embed(model, [string.Join(' ', words)], cancellationToken);
            var chosen = Select(VectorMath.UnitRow(topicEmb, 0), [.. Enumerable.Range(0, words.Count).Select(i => VectorMath.UnitRow(wordEmb, i))], Diversity, TopNWords);
            var keep = chosen.Select(i => words[i]).ToHashSet(StringComparer.Ordinal);
            result[topic] = [.. candidates.Where(w => keep.Contains(w.Word))];
        }
        return result;
    }

    /// <summary>The MMR selection (indices into the candidates), as BERTopic's <c>mmr</c>: best match first, then greedy.</summary>
    internal static List<int> Select(double[] topic, double[][] words, double diversity, int topN)
    {
        int n = words.Length;
        var relevance = words.Select(w => VectorMath.Dot(w, topic)).ToArray();
        int first = 0;
        for (int i = 1; i < n; i++) if (relevance[i] > relevance[first]) first = i;
        var chosen = new List<int> { first };
        var candidates = Enumerable.Range(0, n).Where(i => i != first).ToList();
        for (int step = 0; step < topN - 1 && candidates.Count > 0; step++)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            foreach (var c in candidates)
            {
                double redundancy = chosen.Max(k => VectorMath.Dot(words[c], words[k]));
                double score = (1 - diversity) * relevance[c] - diversity * redundancy;
                if (score > bestScore) { bestScore = score; best = c; }
            }
            chosen.Add(best);
            candidates.Remove(best);
        }
        return chosen;
    }
}

using BERTopicNet.Numerics;
using BERTopicNet.Topics;

namespace BERTopicNet.Representation;

/// <summary>
/// KeyBERT-like fine-tuning (Python BERTopic's <c>KeyBERTInspired</c>): each topic's embedding is the mean embedding
/// of its <see cref="RepresentativeDocs"/> most representative documents; its words are the
/// <see cref="TopNWords"/> of its <see cref="CandidateWords"/> c-TF-IDF candidates whose embeddings are most similar
/// to it, scored by that cosine similarity. Needs an embedding model (<see cref="BERTopicOptions.EmbeddingModel"/>).
/// </summary>
public sealed class KeyBertInspired : IRepresentationModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="topNWords">Words kept per topic. Default 10.</param>
    /// <param name="representativeDocs">Representative documents averaged per topic. Default 5.</param>
    /// <param name="samples">Documents sampled per topic to find them. Default 500.</param>
    /// <param name="candidateWords">c-TF-IDF candidate words per topic. Default 100.</param>
    public KeyBertInspired(int topNWords = 10, int representativeDocs = 5, int samples = 500, int candidateWords = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topNWords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(representativeDocs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidateWords, 1);
        TopNWords = topNWords;
        RepresentativeDocs = representativeDocs;
        Samples = samples;
        CandidateWords = candidateWords;
    }

    /// <summary>Words kept per topic.</summary>
    public int TopNWords { get; }

    /// <summary>Representative documents averaged per topic.</summary>
    public int RepresentativeDocs { get; }

    /// <summary>Documents sampled per topic.</summary>
    public int Samples { get; }

    /// <summary>c-TF-IDF candidate words per topic.</summary>
    public int CandidateWords { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The model has no embedding model.</exception>
    public IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> ExtractTopics(RepresentationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.EmbeddingModel ?? throw new InvalidOperationException(
            "KeyBertInspired needs an embedding model to embed documents and words: set BERTopicOptions.EmbeddingModel.");
        var reprDocs = context.GetRepresentativeDocuments(Samples, RepresentativeDocs, cancellationToken);
        var candidates = TopicWordSelector.Select(context.CTfidf, context.Vocabulary, context.Topics, CandidateWords);

        // Topic embeddings: mean embedding of the representative documents.
        var flat = new List<string>();
        var spans = new Dictionary<int, (int Start, int Count)>();
        foreach (var topic in context.Topics)
        {
            var docs = reprDocs.TryGetValue(topic, out var r) ? r.Documents : [];
            spans[topic] = (flat.Count, docs.Count);
            flat.AddRange(docs);
        }
        var docEmb = flat.Count > 0 ? VectorMath.Embed(model, flat, cancellationToken) : new float[0, 0];

        // Word embeddings of every distinct candidate.
        var vocab = candidates.Values.SelectMany(ws => ws.Select(w => w.Word)).Distinct(StringComparer.Ordinal).ToList();
        var vocabIndex = vocab.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        var wordEmb = VectorMath.Embed(model, vocab, cancellationToken);
        var unitWords = Enumerable.Range(0, vocab.Count).Select(i => VectorMath.UnitRow(wordEmb, i)).ToArray();

        var result = new Dictionary<int, IReadOnlyList<TopicWord>>();
        foreach (var topic in context.Topics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (start, count) = spans[topic];
            int dim = wordEmb.GetLength(1);
            var mean = new double[dim];
            for (int r = start; r < start + count; r++)
                for (int j = 0; j < dim; j++) mean[j] += docEmb[r, j];
            if (count > 0) for (int j = 0; j < dim; j++) mean[j] /= count;
            var unitTopic = VectorMath.Unit(mean);
            var indices = candidates[topic].Select(w => vocabIndex[w.Word]).ToArray();
            var values = indices.Select(i => VectorMath.Dot(unitTopic, unitWords[i])).ToArray();
            var order = NumpySort.ArgQuickSort<double>(values);
            int keep = Math.Min(TopNWords, values.Length);
            var words = new TopicWord[keep];
            for (int k = 0; k < keep; k++)
            {
                int o = order[values.Length - 1 - k];
                words[k] = new TopicWord(vocab[indices[o]], values[o]);
            }
            result[topic] = words;
        }
        return result;
    }
}

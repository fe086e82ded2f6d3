using BERTopicNet.Guided;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    private HashSet<string>? _seedTopicWordsCache;

    /// <summary>The words of <see cref="BERTopicOptions.SeedTopicList"/>, boosted in every c-TF-IDF fit (as Python's <c>_c_tf_idf</c>).</summary>
    private HashSet<string>? _seedTopicWords =>
        Options.SeedTopicList is { } seeds ? _seedTopicWordsCache ??= SeedTopicGuide.SeedWords(seeds) : null;

    /// <summary>Python's <c>_guided_topic_modeling</c>: seed-topic labels for the reducer and the nudged embeddings.</summary>
    private (int[] Y, float[,] Nudged) GuideBySeedTopics(float[,] embeddings, CancellationToken ct)
    {
        var seeds = Options.SeedTopicList!;
        Log(BERTopicStages.Reduction, "guiding {Count} documents toward {Seeds} seed topics", embeddings.GetLength(0), seeds.Count);
        var seedEmbeddings = EmbedWithModel(SeedTopicGuide.SeedTexts(seeds), "seed topics", ct);
        return SeedTopicGuide.Apply(embeddings, seedEmbeddings);
    }

    /// <summary>
    /// Throws when a seed word is not a term of the fitted vocabulary: it can then neither get the c-TF-IDF boost nor
    /// appear in a topic's words.
    /// </summary>
    private void CheckSeedWordsInVocabulary()
    {
        if (_seedTopicWords is null) return;
        var vocabulary = new HashSet<string>(_vectorizer.Vocabulary, StringComparer.Ordinal);
        var missing = _seedTopicWords.Where(w => !vocabulary.Contains(w)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException(
                $"Seed word(s) not in the vocabulary: {string.Join(", ", missing.Select(w => $"'{w}'"))}. Seed words must be terms the vectorizer " +
                "produces from the documents (lowercase, not stop words, within the n-gram range and document-frequency limits); fix or remove them.", "options");
    }
}

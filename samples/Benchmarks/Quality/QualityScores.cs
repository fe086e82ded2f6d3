using System.Text;
using System.Text.Json.Nodes;
using BERTopicNet.Evaluation;

namespace BERTopicNet.Benchmarks.Quality;

/// <summary>
/// The quality block of the <c>quality</c> benchmark for one topic assignment: ARI and NMI against gold labels
/// (scikit-learn semantics, the outlier topic -1 counts as one cluster), outlier share, topic diversity of the top
/// 10 words (OCTIS), and NPMI coherence of the top 10 words (gensim c_npmi: boolean sliding window of 10 tokens; also
/// with whole documents as windows). Topic -1 is left out of diversity and NPMI, as the BERTopic paper does.
/// </summary>
internal static class QualityScores
{
    public static JsonObject Compute(IReadOnlyList<string> documents, IReadOnlyList<string?> labels, IReadOnlyList<int> topics,
        IReadOnlyDictionary<int, IReadOnlyList<string>> topicWords, bool english, int topN = 10)
    {
        var result = new JsonObject();
        var labelled = Enumerable.Range(0, topics.Count).Where(i => labels[i] is not null).ToArray();
        if (labelled.Length > 0)
        {
            var names = labelled.Select(i => labels[i]!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var gold = labelled.Select(i => names.BinarySearch(labels[i]!, StringComparer.Ordinal)).ToArray();
            var predicted = labelled.Select(i => topics[i]).ToArray();
            result["ari"] = Math.Round(ClusteringMetrics.AdjustedRandIndex(gold, predicted), 6);
            result["nmi"] = Math.Round(ClusteringMetrics.NormalizedMutualInformation(gold, predicted), 6);
            result["gold_classes"] = names.Count;
        }
        else
        {
            result["ari"] = null;
            result["nmi"] = null;
        }
        var topicArray = topics.ToArray();
        result["outlier_share"] = Math.Round(TopicMetrics.OutlierShare(topicArray), 6);
        var ids = topicWords.Keys.Where(t => t != -1).Order().ToArray();
        result["topics"] = ids.Length;
        if (ids.Length == 0) return result;

        var words = ids.Select(t => (IReadOnlyList<string>)topicWords[t].Take(topN).ToArray()).ToArray();
        result["diversity"] = Math.Round(TopicMetrics.TopicDiversity(words, topN), 6);
        var tokenized = documents.Select(d => (IReadOnlyList<string>)DefaultTokenizer.Tokenize(PreprocessLikeBERTopic(d, english))).ToArray();
        var sliding = NpmiCoherence.ComputeTokenized(words, tokenized, new NpmiOptions { WindowSize = 10, TopN = topN });
        var boolean = NpmiCoherence.ComputeTokenized(words, tokenized, new NpmiOptions { WindowSize = 0, TopN = topN });
        result["npmi"] = Math.Round(sliding.Score, 6);
        result["npmi_document"] = Math.Round(boolean.Score, 6);
        result["npmi_skipped_words"] = sliding.SkippedWords.Count;
        return result;
    }

    /// <summary>
    /// Python BERTopic's <c>_preprocess_text</c> (what its vectorizer sees, hence what topic words are made of):
    /// newlines and tabs to spaces; for English, characters outside <c>[A-Za-z0-9 ]</c> dropped.
    /// </summary>
    public static string PreprocessLikeBERTopic(string document, bool english)
    {
        var sb = new StringBuilder(document.Length);
        foreach (var c in document)
        {
            char ch = c is '\n' or '\t' ? ' ' : c;
            if (!english || char.IsAsciiLetterOrDigit(ch) || ch == ' ') sb.Append(ch);
        }
        return sb.ToString();
    }
}

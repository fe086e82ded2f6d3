using BERTopicNet.Vectorizers;

namespace BERTopicNet.Online;

/// <summary>Settings of <see cref="OnlineCountVectorizer"/>; defaults are BERTopic 0.17.4's.</summary>
public sealed class OnlineCountVectorizerOptions
{
    /// <summary>How words are counted (tokens, lowercase, stop words, n-grams; min_df/max_df apply to the first batch).</summary>
    public CountVectorizerOptions Count { get; init; } = new();

    /// <summary>
    /// The fraction by which the kept bag of words shrinks before each new batch is added (Python's <c>decay</c>):
    /// 0.01 keeps 99 % of the earlier counts. Default null: no decay.
    /// </summary>
    public double? Decay { get; init; }

    /// <summary>
    /// Terms whose total (decayed) count over all topics falls below this are removed from the vocabulary and the bag of
    /// words after each batch (Python's <c>delete_min_df</c>). Default null: nothing removed.
    /// </summary>
    public double? DeleteMinDf { get; init; }
}

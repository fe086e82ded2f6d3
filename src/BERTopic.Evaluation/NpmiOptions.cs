namespace BERTopicNet.Evaluation;

/// <summary>Settings of <see cref="NpmiCoherence"/>. The defaults are gensim's <c>c_npmi</c> as OCTIS calls it.</summary>
public sealed class NpmiOptions
{
    /// <summary>
    /// The sliding window, in tokens, that defines a co-occurrence. Default 10 (gensim's window for <c>c_npmi</c>,
    /// used by OCTIS and the BERTopic paper). 0 counts co-occurrence within whole documents (boolean document
    /// probabilities) instead.
    /// </summary>
    public int WindowSize { get; set; } = 10;

    /// <summary>How many words of each topic to use. Default 10.</summary>
    public int TopN { get; set; } = 10;
}

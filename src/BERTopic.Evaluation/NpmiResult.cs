namespace BERTopicNet.Evaluation;

/// <summary>The outcome of <see cref="NpmiCoherence.Compute"/>.</summary>
/// <param name="Score">The mean of the topics' coherences, from -1 to 1 (higher is more coherent).</param>
/// <param name="PerTopic">Each topic's coherence (mean NPMI over its word pairs); NaN for a topic left with fewer than two words.</param>
/// <param name="VirtualDocuments">The number of windows (or documents) the probabilities are counted over.</param>
/// <param name="SkippedWords">Top words that never occur in the texts (gensim would refuse them); left out of their topic.</param>
public sealed record NpmiResult(double Score, IReadOnlyList<double> PerTopic, long VirtualDocuments, IReadOnlyList<string> SkippedWords);

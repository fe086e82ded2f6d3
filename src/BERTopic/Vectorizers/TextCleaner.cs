namespace BERTopicNet.Vectorizers;

/// <summary>
/// Rewrites <paramref name="source"/> into <paramref name="destination"/> (at least as long) character by character
/// and returns how many characters it wrote.
/// </summary>
internal delegate int TextCleaner(ReadOnlySpan<char> source, Span<char> destination);

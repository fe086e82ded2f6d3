namespace BERTopicNet.Onnx;

/// <summary>
/// Turns text into the token ids a transformer reads: the text's pieces, which the encoder frames by
/// <see cref="StartId"/> and <see cref="EndId"/> and pads with <see cref="PadId"/>.
/// </summary>
internal abstract class PieceTokenizer
{
    /// <summary>The first token of every sequence: [CLS] for BERT, &lt;s&gt; for XLM-R.</summary>
    public abstract int StartId { get; }

    /// <summary>The last token of every sequence: [SEP] for BERT, &lt;/s&gt; for XLM-R.</summary>
    public abstract int EndId { get; }

    /// <summary>The id that fills a batch's shorter sequences (masked out).</summary>
    public abstract int PadId { get; }

    /// <summary>Whether text is lower-cased first.</summary>
    public abstract bool LowerCase { get; }

    /// <summary>Whether accents are stripped first.</summary>
    public abstract bool StripAccents { get; }

    /// <summary>The ids of the first <paramref name="maxPieces"/> pieces of <paramref name="text"/>, without the start and end tokens.</summary>
    public abstract int[] Encode(string text, int maxPieces);
}

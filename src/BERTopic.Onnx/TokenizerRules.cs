namespace BERTopicNet.Onnx;

/// <summary>How text is normalised and split into words before WordPiece.</summary>
public enum TokenizerRules
{
    /// <summary>
    /// Hugging Face's BERT tokenizer, as sentence-transformers runs it (the default): tabs and line breaks are spaces,
    /// control and format characters are removed, every punctuation character (ASCII <c>$+&lt;=&gt;^`|~</c> included) is
    /// a token of its own, and other symbols (°, €, emoji) stay in their word ([UNK] when the vocabulary lacks them).
    /// </summary>
    HuggingFace,

    /// <summary>
    /// Microsoft.ML.Tokenizers' own <c>BertTokenizer</c> normalisation and pre-tokenisation, which differ from Hugging
    /// Face's: tabs and line breaks are deleted (joining the words around them), and symbols that are not
    /// punctuation (<c>$+&lt;=&gt;^`|~</c>, °, €, emoji) are dropped. Only for reproducing vectors made that way,
    /// such as the shared 20 Newsgroups <c>embeddings.npy</c>.
    /// </summary>
    MicrosoftML,
}

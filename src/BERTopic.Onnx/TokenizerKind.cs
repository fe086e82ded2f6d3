namespace BERTopicNet.Onnx;

/// <summary>How a <see cref="SentenceEncoder"/> turns text into tokens (chosen by the files of the model folder).</summary>
public enum TokenizerKind
{
    /// <summary>BERT's WordPiece (<c>vocab.txt</c>, or <c>tokenizer.json</c> with a WordPiece model), e.g. all-MiniLM-L6-v2.</summary>
    WordPiece,

    /// <summary>
    /// XLM-R's SentencePiece Unigram model (<c>sentencepiece.bpe.model</c>) with fairseq's id offset, e.g.
    /// paraphrase-multilingual-MiniLM-L12-v2.
    /// </summary>
    SentencePiece,
}

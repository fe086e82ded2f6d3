using Microsoft.ML.Tokenizers;

namespace BERTopicNet.Onnx;

/// <summary>
/// BERT's WordPiece tokenisation on Microsoft.ML.Tokenizers' <c>BertTokenizer</c>, with Hugging Face's normalisation
/// and word splitting (what sentence-transformers runs): tabs and line breaks are spaces, control and format characters
/// are removed, every punctuation character is a token of its own, and other symbols stay in their word.
/// </summary>
internal sealed class WordPieceTokenizer : PieceTokenizer
{
    private readonly BertTokenizer _tokenizer;

    /// <param name="vocab">vocab.txt: one token a line, line number = id.</param>
    /// <param name="lowerCase">Lower-case before WordPiece.</param>
    /// <param name="stripAccents">Strip accents before WordPiece.</param>
    public WordPieceTokenizer(Stream vocab, bool lowerCase, bool stripAccents)
    {
        LowerCase = lowerCase;
        StripAccents = stripAccents;
        var bertOptions = new BertOptions
        {
            LowerCaseBeforeTokenization = lowerCase,
            RemoveNonSpacingMarks = stripAccents,
            ApplyBasicTokenization = true,
            IndividuallyTokenizeCjk = true,
            SplitOnSpecialTokens = true,
        };
        string[] specials = [bertOptions.ClassificationToken, bertOptions.SeparatorToken, bertOptions.PaddingToken, bertOptions.MaskingToken, bertOptions.UnknownToken];
        bertOptions.Normalizer = new HuggingFaceBertNormalizer(cleanText: true, handleChineseChars: true, stripAccents, lowerCase);
        bertOptions.PreTokenizer = new HuggingFaceBertPreTokenizer(lowerCase ? [.. specials.Select(t => t.ToLowerInvariant())] : specials);
        _tokenizer = BertTokenizer.Create(vocab, bertOptions);
    }

    public override int StartId => _tokenizer.ClassificationTokenId;
    public override int EndId => _tokenizer.SeparatorTokenId;
    public override int PadId => _tokenizer.PaddingTokenId;
    public override bool LowerCase { get; }
    public override bool StripAccents { get; }

    public override int[] Encode(string text, int maxPieces)
    {
        if (text.Length == 0) return [];
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        int count = Math.Min(ids.Count, maxPieces);
        var result = new int[count];
        for (int i = 0; i < count; i++) result[i] = ids[i];
        return result;
    }
}

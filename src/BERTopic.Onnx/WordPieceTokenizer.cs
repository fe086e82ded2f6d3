using Microsoft.ML.Tokenizers;

namespace BERTopicNet.Onnx;

/// <summary>
/// BERT's WordPiece tokenisation on Microsoft.ML.Tokenizers' <c>BertTokenizer</c>, with Hugging Face's normalisation
/// and word splitting (<see cref="TokenizerRules.HuggingFace"/>) or the library's own (<see cref="TokenizerRules.MicrosoftML"/>).
/// </summary>
internal sealed class WordPieceTokenizer : PieceTokenizer
{
    private readonly BertTokenizer _tokenizer;
    private readonly TokenizerRules _rules;

    /// <param name="vocab">vocab.txt: one token a line, line number = id.</param>
    /// <param name="lowerCase">Lower-case before WordPiece.</param>
    /// <param name="stripAccents">Strip accents before WordPiece.</param>
    /// <param name="rules">Normalisation and word-splitting rules.</param>
    public WordPieceTokenizer(Stream vocab, bool lowerCase, bool stripAccents, TokenizerRules rules)
    {
        LowerCase = lowerCase;
        StripAccents = stripAccents;
        _rules = rules;
        var bertOptions = new BertOptions
        {
            LowerCaseBeforeTokenization = lowerCase,
            RemoveNonSpacingMarks = stripAccents,
            ApplyBasicTokenization = true,
            IndividuallyTokenizeCjk = true,
            SplitOnSpecialTokens = true,
        };
        if (rules == TokenizerRules.HuggingFace)
        {
            string[] specials = [bertOptions.ClassificationToken, bertOptions.SeparatorToken, bertOptions.PaddingToken, bertOptions.MaskingToken, bertOptions.UnknownToken];
            bertOptions.Normalizer = new HuggingFaceBertNormalizer(cleanText: true, handleChineseChars: true, stripAccents, lowerCase);
            bertOptions.PreTokenizer = new HuggingFaceBertPreTokenizer(lowerCase ? [.. specials.Select(t => t.ToLowerInvariant())] : specials);
        }
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
        // Microsoft.ML's normaliser decomposes with string.Normalize, a no-op without ICU: decompose first so that
        // accents are stripped the same way in every app (the Hugging Face normaliser does this itself).
        if (_rules == TokenizerRules.MicrosoftML && StripAccents) text = CanonicalDecomposition.Decompose(text);
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        int count = Math.Min(ids.Count, maxPieces);
        var result = new int[count];
        for (int i = 0; i < count; i++) result[i] = ids[i];
        return result;
    }
}

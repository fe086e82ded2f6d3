namespace BERTopicNet.Onnx;

/// <summary>
/// XLM-R's tokenisation, as Hugging Face's <c>XLMRobertaTokenizer</c> does it over a SentencePiece Unigram model
/// (<c>sentencepiece.bpe.model</c>, used by paraphrase-multilingual-MiniLM-L12-v2): the special tokens written in
/// the text (<c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c>, <c>&lt;pad&gt;</c>, <c>&lt;unk&gt;</c>, <c>&lt;mask&gt;</c>) stay
/// whole, the text between them is encoded by SentencePiece, and SentencePiece ids are shifted by fairseq's offset:
/// &lt;s&gt; = 0, &lt;pad&gt; = 1, &lt;/s&gt; = 2, &lt;unk&gt; = 3, any other piece = its SentencePiece id + 1,
/// &lt;mask&gt; = the number of pieces + 1. No lower-casing unless asked (sentence-transformers' <c>do_lower_case</c>).
/// </summary>
internal sealed class XlmRobertaTokenizer : PieceTokenizer
{
    public const int BosId = 0, PadIdValue = 1, EosId = 2, UnkId = 3;

    private readonly UnigramTokenizer _unigram;
    private readonly (string Text, int Id)[] _specials;

    /// <param name="path">The SentencePiece model file.</param>
    /// <param name="lowerCase">Lower-case the text first.</param>
    public XlmRobertaTokenizer(string path, bool lowerCase)
    {
        var model = SentencePieceModel.Read(path);
        if (model.UnknownId != 0)
            throw new NotSupportedException($"{path}: the unknown piece has id {model.UnknownId}; only XLM-R-style SentencePiece models (<unk> = 0, <s> = 1, </s> = 2) are supported.");
        _unigram = new UnigramTokenizer(model, path);
        LowerCase = lowerCase;
        MaskId = model.Pieces.Length + 1;
        _specials = [("<s>", BosId), ("</s>", EosId), ("<pad>", PadIdValue), ("<unk>", UnkId), ("<mask>", MaskId)];
    }

    public override int StartId => BosId;
    public override int EndId => EosId;
    public override int PadId => PadIdValue;
    public override bool LowerCase { get; }
    public override bool StripAccents => false;

    /// <summary>The id of &lt;mask&gt;, the last id.</summary>
    public int MaskId { get; }

    /// <summary>The underlying SentencePiece encoder (its ids are not shifted).</summary>
    public UnigramTokenizer SentencePiece => _unigram;

    public override int[] Encode(string text, int maxPieces)
    {
        if (text.Length == 0 || maxPieces <= 0) return [];
        if (LowerCase) text = text.ToLowerInvariant();
        var ids = new List<int>();
        int segment = 0;
        for (int i = text.IndexOf('<'); i >= 0 && i < text.Length; i = text.IndexOf('<', i))
        {
            var (length, id) = MatchSpecial(text, i);
            if (length == 0) { i++; continue; }
            AddPieces(text[segment..i], ids);
            ids.Add(id);
            i += length;
            segment = i;
            if (ids.Count >= maxPieces) break;
        }
        if (ids.Count < maxPieces) AddPieces(text[segment..], ids);
        return [.. ids.Count > maxPieces ? ids.GetRange(0, maxPieces) : ids];
    }

    private void AddPieces(string segment, List<int> ids)
    {
        int first = ids.Count;
        _unigram.Encode(segment, ids);
        for (int i = first; i < ids.Count; i++) ids[i] = ids[i] == 0 ? UnkId : ids[i] + 1;
    }

    private (int Length, int Id) MatchSpecial(string text, int at)
    {
        foreach (var (special, id) in _specials)
            if (string.CompareOrdinal(text, at, special, 0, special.Length) == 0) return (special.Length, id);
        return (0, 0);
    }
}

using System.Text;

namespace BERTopicNet.Onnx;

/// <summary>
/// SentencePiece's Unigram encoder: normalises the text (<see cref="SentencePieceNormalizer"/>), then finds by Viterbi
/// the split into pieces with the highest total score. A character that starts no piece of its own becomes the
/// unknown piece (scored 10 below the lowest piece), and runs of unknown pieces are merged into one — the ids
/// SentencePiece's own <c>encode</c> returns, ties and all (scores are summed in single precision, as it does).
/// </summary>
internal sealed class UnigramTokenizer
{
    private const float UnknownPenalty = 10f;

    private readonly SentencePieceNormalizer _normalizer;
    private readonly PieceTrie _trie;
    private readonly float[] _scores;
    private readonly SentencePieceModel.PieceType[] _types;
    private readonly int[] _utf8Lengths;
    private readonly float _maxScore, _unknownScore;

    public UnigramTokenizer(SentencePieceModel model, string source)
    {
        Model = model;
        _normalizer = new SentencePieceNormalizer(model, source);
        _scores = model.Scores;
        _types = model.Types;
        _utf8Lengths = [.. model.Pieces.Select(Encoding.UTF8.GetByteCount)];
        var ids = new List<int>();
        float min = float.MaxValue, max = float.MinValue;
        for (int i = 0; i < model.Pieces.Length; i++)
        {
            var type = model.Types[i];
            if (type is SentencePieceModel.PieceType.Normal or SentencePieceModel.PieceType.UserDefined or SentencePieceModel.PieceType.Unused)
            {
                if (model.Pieces[i].Length == 0) throw new InvalidDataException($"{source}: piece {i} is empty.");
                ids.Add(i);
            }
            if (type == SentencePieceModel.PieceType.Normal)
            {
                min = Math.Min(min, model.Scores[i]);
                max = Math.Max(max, model.Scores[i]);
            }
        }
        _trie = new PieceTrie([.. ids.Select(i => model.Pieces[i])], ids);
        _maxScore = max;
        _unknownScore = min - UnknownPenalty;
    }

    public SentencePieceModel Model { get; }

    /// <summary>SentencePiece's ids for <paramref name="text"/> (no begin/end of sentence), appended to <paramref name="ids"/>.</summary>
    public void Encode(string text, List<int> ids) => EncodeNormalized(_normalizer.Normalize(text), ids);

    /// <summary>The normalised form of <paramref name="text"/> (for tests and diagnostics).</summary>
    public string Normalize(string text) => _normalizer.Normalize(text);

    private void EncodeNormalized(string s, List<int> ids)
    {
        int n = s.Length;
        if (n == 0) return;
        // best[e], from[e], piece[e]: the best path over s[0..e) ends with piece[e] = s[from[e]..e).
        var best = new float[n + 1];
        var from = new int[n + 1];
        var piece = new int[n + 1];
        from.AsSpan().Fill(-1);
        int unknown = Model.UnknownId;
        for (int start = 0; start < n;)
        {
            int charLength = char.IsHighSurrogate(s[start]) && start + 1 < n && char.IsLowSurrogate(s[start + 1]) ? 2 : 1;
            float here = best[start];
            bool hasSingleCharPiece = false;
            int node = PieceTrie.Root;
            for (int k = start; k < n; k++)
            {
                node = _trie.Child(node, s[k]);
                if (node < 0) break;
                int id = _trie.Value(node);
                if (id < 0 || _types[id] == SentencePieceModel.PieceType.Unused) continue;
                int end = k + 1;
                if (_types[id] == SentencePieceModel.PieceType.UserDefined)
                {
                    // SentencePiece gives user-defined symbols (UTF-8 length × highest score − 0.1), computed in double.
                    double candidate = (_utf8Lengths[id] * _maxScore - 0.1) + here;
                    if (from[end] == -1 || candidate > best[end]) Set(end, (float)candidate, start, id);
                }
                else
                {
                    float candidate = _scores[id] + here;
                    if (from[end] == -1 || candidate > best[end]) Set(end, candidate, start, id);
                }
                if (end - start == charLength) hasSingleCharPiece = true;
            }
            if (!hasSingleCharPiece)
            {
                int end = start + charLength;
                float candidate = _unknownScore + here;
                if (from[end] == -1 || candidate > best[end]) Set(end, candidate, start, unknown);
            }
            start += charLength;
        }

        int first = ids.Count;
        for (int e = n; e > 0; e = from[e]) ids.Add(piece[e]);
        ids.Reverse(first, ids.Count - first);
        // Runs of unknown pieces are one unknown piece.
        int write = first;
        for (int i = first; i < ids.Count; i++)
            if (!(ids[i] == unknown && write > first && ids[write - 1] == unknown)) ids[write++] = ids[i];
        ids.RemoveRange(write, ids.Count - write);

        void Set(int end, float score, int start, int id)
        {
            best[end] = score;
            from[end] = start;
            piece[end] = id;
        }
    }
}

namespace BERTopicNet.Onnx;

/// <summary>
/// A SentencePiece model file (the <c>ModelProto</c> of sentencepiece_model.proto, e.g. XLM-R's
/// <c>sentencepiece.bpe.model</c>): the pieces with their scores and types, and the normaliser's settings. Only what
/// Unigram encoding needs is read; models this project cannot encode exactly are rejected with the reason.
/// </summary>
internal sealed class SentencePieceModel
{
    /// <summary><c>ModelProto.SentencePiece.Type</c>.</summary>
    public enum PieceType { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 }

    public required string[] Pieces { get; init; }
    public required float[] Scores { get; init; }
    public required PieceType[] Types { get; init; }

    /// <summary>The id of the one piece of type <see cref="PieceType.Unknown"/>.</summary>
    public required int UnknownId { get; init; }

    /// <summary><c>normalizer_spec.precompiled_charsmap</c>; empty when the model does not normalise (rule "identity").</summary>
    public required byte[] PrecompiledCharsmap { get; init; }
    public bool AddDummyPrefix { get; init; } = true;
    public bool RemoveExtraWhitespaces { get; init; } = true;
    public bool EscapeWhitespaces { get; init; } = true;

    // Field numbers of sentencepiece_model.proto.
    private const int ModelPieces = 1, ModelTrainerSpec = 2, ModelNormalizerSpec = 3;
    private const int PiecePiece = 1, PieceScore = 2, PieceTypeField = 3;
    private const int TrainerModelType = 3, TrainerTreatWhitespaceAsSuffix = 24, TrainerByteFallback = 35;
    private const int NormalizerCharsmap = 2, NormalizerAddDummyPrefix = 3, NormalizerRemoveExtraWhitespaces = 4, NormalizerEscapeWhitespaces = 5;
    private const int ModelTypeUnigram = 1;

    public static SentencePieceModel Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses a ModelProto; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a SentencePiece model.</exception>
    /// <exception cref="NotSupportedException">The model is not a Unigram model, or uses byte fallback or suffix whitespace.</exception>
    public static SentencePieceModel Parse(byte[] bytes, string source)
    {
        var pieces = new List<string>();
        var scores = new List<float>();
        var types = new List<PieceType>();
        byte[] charsmap = [];
        bool addDummyPrefix = true, removeExtra = true, escape = true;
        long modelType = ModelTypeUnigram;
        bool byteFallback = false, suffix = false;
        try
        {
            foreach (var f in ProtoWire.Parse(bytes))
            {
                switch (f.Number)
                {
                    case ModelPieces when f.WireType == ProtoWire.LengthDelimited:
                        string? piece = null;
                        float score = 0;
                        var type = PieceType.Normal;
                        foreach (var p in ProtoWire.Parse(f.Value))
                        {
                            if (p.Number == PiecePiece && p.WireType == ProtoWire.LengthDelimited) piece = ProtoWire.String(p);
                            else if (p.Number == PieceScore && p.WireType == ProtoWire.Fixed32) score = BitConverter.Int32BitsToSingle((int)(uint)p.Scalar);
                            else if (p.Number == PieceTypeField && p.WireType == ProtoWire.Varint) type = (PieceType)p.Scalar;
                        }
                        if (piece is null) throw new InvalidDataException($"{source}: piece {pieces.Count} has no text.");
                        if (!Enum.IsDefined(type)) throw new InvalidDataException($"{source}: piece {pieces.Count} has the unknown type {(int)type}.");
                        pieces.Add(piece);
                        scores.Add(score);
                        types.Add(type);
                        break;
                    case ModelTrainerSpec when f.WireType == ProtoWire.LengthDelimited:
                        foreach (var t in ProtoWire.Parse(f.Value))
                        {
                            if (t.WireType != ProtoWire.Varint) continue;
                            if (t.Number == TrainerModelType) modelType = (long)t.Scalar;
                            else if (t.Number == TrainerByteFallback) byteFallback = t.Scalar != 0;
                            else if (t.Number == TrainerTreatWhitespaceAsSuffix) suffix = t.Scalar != 0;
                        }
                        break;
                    case ModelNormalizerSpec when f.WireType == ProtoWire.LengthDelimited:
                        foreach (var n in ProtoWire.Parse(f.Value))
                        {
                            if (n.Number == NormalizerCharsmap && n.WireType == ProtoWire.LengthDelimited) charsmap = n.Value.ToArray();
                            else if (n.WireType != ProtoWire.Varint) continue;
                            else if (n.Number == NormalizerAddDummyPrefix) addDummyPrefix = n.Scalar != 0;
                            else if (n.Number == NormalizerRemoveExtraWhitespaces) removeExtra = n.Scalar != 0;
                            else if (n.Number == NormalizerEscapeWhitespaces) escape = n.Scalar != 0;
                        }
                        break;
                }
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(source, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}: not a SentencePiece model file ({e.Message}).", e);
        }

        if (pieces.Count == 0) throw new InvalidDataException($"{source}: not a SentencePiece model file (it holds no pieces).");
        if (modelType != ModelTypeUnigram)
            throw new NotSupportedException($"{source}: the SentencePiece model type is {(modelType == 2 ? "BPE" : modelType.ToString(System.Globalization.CultureInfo.InvariantCulture))}; only Unigram models (XLM-R's, as in paraphrase-multilingual-MiniLM-L12-v2) are supported.");
        if (byteFallback)
            throw new NotSupportedException($"{source}: the SentencePiece model uses byte fallback, which is not supported (XLM-R-style models do not use it).");
        if (suffix)
            throw new NotSupportedException($"{source}: the SentencePiece model treats whitespace as a suffix, which is not supported.");
        int unk = types.IndexOf(PieceType.Unknown);
        if (unk < 0 || types.LastIndexOf(PieceType.Unknown) != unk)
            throw new InvalidDataException($"{source}: a SentencePiece model must have exactly one piece of type UNKNOWN.");
        return new SentencePieceModel
        {
            Pieces = [.. pieces],
            Scores = [.. scores],
            Types = [.. types],
            UnknownId = unk,
            PrecompiledCharsmap = charsmap,
            AddDummyPrefix = addDummyPrefix,
            RemoveExtraWhitespaces = removeExtra,
            EscapeWhitespaces = escape,
        };
    }
}

using System.Text;
using System.Text.Json;

namespace BERTopicNet.Onnx;

/// <summary>
/// What a model folder holds (the layout documented in models/README.md): the ONNX graph, the tokenizer (an XLM-R
/// style SentencePiece model <c>sentencepiece.bpe.model</c> or other <c>*.model</c> file; else the WordPiece
/// vocabulary <c>vocab.txt</c>, or <c>tokenizer.json</c> with a WordPiece model) and, optionally,
/// sentence-transformers' configuration files, from which the settings an encoder needs are read.
/// </summary>
internal sealed class ModelFolder
{
    public required string Directory { get; init; }
    public required string OnnxPath { get; init; }
    public string? VocabPath { get; init; }
    public string? TokenizerJsonPath { get; init; }
    public string? SentencePiecePath { get; init; }
    public int? MaxSequenceLength { get; init; }
    public PoolingMode? Pooling { get; init; }
    public bool? LowerCase { get; init; }
    public bool? StripAccents { get; init; }

    /// <summary><c>do_lower_case</c> of sentence_bert_config.json (sentence-transformers lower-cases the text itself when it is true).</summary>
    public bool? SentenceTransformersLowerCase { get; init; }

    /// <summary>The SentencePiece file name sentence-transformers and Hugging Face save for XLM-R models.</summary>
    public const string SentencePieceFileName = "sentencepiece.bpe.model";

    /// <summary>The ONNX file names tried, in order (the first is the layout of sentence-transformers' own export).</summary>
    public static readonly string[] OnnxCandidates = ["model.onnx", Path.Combine("onnx", "model.onnx")];

    /// <summary>True when <paramref name="dir"/> looks like a model folder.</summary>
    public static bool IsModelFolder(string dir) =>
        System.IO.Directory.Exists(dir) && OnnxCandidates.Any(c => File.Exists(Path.Combine(dir, c)))
        && (File.Exists(Path.Combine(dir, "vocab.txt")) || File.Exists(Path.Combine(dir, "tokenizer.json")) || SentencePieceFiles(dir).Length > 0);

    /// <summary>
    /// The SentencePiece model files of <paramref name="dir"/> the tokenizer may come from: sentencepiece.bpe.model if
    /// present; else, unless a WordPiece vocab.txt is there, every *.model file.
    /// </summary>
    private static string[] SentencePieceFiles(string dir)
    {
        string preferred = Path.Combine(dir, SentencePieceFileName);
        if (File.Exists(preferred)) return [preferred];
        if (File.Exists(Path.Combine(dir, "vocab.txt")) || !System.IO.Directory.Exists(dir)) return [];
        return [.. System.IO.Directory.GetFiles(dir, "*.model").Order(StringComparer.Ordinal)];
    }

    public static ModelFolder Read(string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        if (!System.IO.Directory.Exists(dir))
            throw new DirectoryNotFoundException($"The model folder '{dir}' does not exist. {ModelResolver.HowToProvide}");
        string? onnx = OnnxCandidates.Select(c => Path.Combine(dir, c)).FirstOrDefault(File.Exists);
        if (onnx is null)
            throw new FileNotFoundException($"The model folder '{dir}' holds no model.onnx (looked for {string.Join(", ", OnnxCandidates)}). {ModelResolver.HowToProvide}");
        string vocab = Path.Combine(dir, "vocab.txt"), tokJson = Path.Combine(dir, "tokenizer.json");
        var spm = SentencePieceFiles(dir);
        if (spm.Length > 1)
            throw new InvalidDataException($"The model folder '{dir}' holds several SentencePiece model files ({string.Join(", ", spm.Select(Path.GetFileName))}); keep the model's own one, or name it {SentencePieceFileName}.");
        if (spm.Length == 0 && !File.Exists(vocab) && !File.Exists(tokJson))
            throw new FileNotFoundException($"The model folder '{dir}' holds no tokenizer (none of {SentencePieceFileName}, vocab.txt, tokenizer.json), so its text cannot be tokenized. {ModelResolver.HowToProvide}");

        int? maxLen = null;
        bool? sbertLower = null;
        using (var cfg = TryParse(Path.Combine(dir, "sentence_bert_config.json")))
        {
            if (cfg is not null && cfg.RootElement.TryGetProperty("max_seq_length", out var m) && m.ValueKind == JsonValueKind.Number)
                maxLen = m.GetInt32();
            if (cfg is not null && cfg.RootElement.TryGetProperty("do_lower_case", out var l) && l.ValueKind is JsonValueKind.True or JsonValueKind.False)
                sbertLower = l.GetBoolean();
        }

        maxLen ??= SentenceModels.KnownMaxSequenceLength(new DirectoryInfo(dir).Name);

        PoolingMode? pooling = null;
        using (var pool = TryParse(Path.Combine(dir, "1_Pooling", "config.json")))
            if (pool is not null)
                pooling = Flag(pool.RootElement, "pooling_mode_cls_token") ? PoolingMode.Cls
                    : Flag(pool.RootElement, "pooling_mode_max_tokens") ? PoolingMode.Max
                    : Flag(pool.RootElement, "pooling_mode_mean_tokens") ? PoolingMode.Mean
                    : throw new NotSupportedException($"{Path.Combine(dir, "1_Pooling", "config.json")}: only mean, CLS and max pooling are supported.");

        bool? lower = null, strip = null;
        using (var tc = TryParse(Path.Combine(dir, "tokenizer_config.json")))
            if (tc is not null)
            {
                if (tc.RootElement.TryGetProperty("do_lower_case", out var l) && l.ValueKind is JsonValueKind.True or JsonValueKind.False) lower = l.GetBoolean();
                if (tc.RootElement.TryGetProperty("strip_accents", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False) strip = s.GetBoolean();
            }
        if (File.Exists(tokJson) && (lower is null || strip is null))
        {
            using var tj = TryParse(tokJson);
            if (tj is not null && tj.RootElement.TryGetProperty("normalizer", out var n) && n.ValueKind == JsonValueKind.Object)
            {
                if (lower is null && n.TryGetProperty("lowercase", out var l) && l.ValueKind is JsonValueKind.True or JsonValueKind.False) lower = l.GetBoolean();
                if (strip is null && n.TryGetProperty("strip_accents", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False) strip = s.GetBoolean();
            }
        }

        return new ModelFolder
        {
            Directory = Path.GetFullPath(dir),
            OnnxPath = onnx,
            VocabPath = File.Exists(vocab) ? vocab : null,
            TokenizerJsonPath = File.Exists(tokJson) ? tokJson : null,
            SentencePiecePath = spm.Length == 1 ? spm[0] : null,
            SentenceTransformersLowerCase = sbertLower,
            MaxSequenceLength = maxLen,
            Pooling = pooling,
            LowerCase = lower,
            StripAccents = strip,
        };
    }

    /// <summary>Opens the vocabulary as <c>vocab.txt</c> text (one token a line, line number = id).</summary>
    public Stream OpenVocab() => VocabPath is not null ? File.OpenRead(VocabPath) : VocabFromTokenizerJson(TokenizerJsonPath!);

    /// <summary>Turns the WordPiece vocabulary of a Hugging Face <c>tokenizer.json</c> into <c>vocab.txt</c> form.</summary>
    internal static MemoryStream VocabFromTokenizerJson(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!doc.RootElement.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{path}: no \"model\" object.");
        string type = model.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
        if (type != "WordPiece")
            throw new NotSupportedException(type == "Unigram"
                ? $"{path}: the tokenizer is a SentencePiece Unigram model, which is loaded from its SentencePiece file, not from tokenizer.json: put the model's {SentencePieceFileName} (saved with the model by sentence-transformers, Hugging Face or optimum-cli) next to it."
                : $"{path}: the tokenizer model is '{type}'; tokenizer.json is read for WordPiece (BERT-style) tokenizers only. Provide vocab.txt for a WordPiece model or {SentencePieceFileName} for an XLM-R-style SentencePiece model, or pass your own IEmbeddingModel.");
        if (!model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{path}: the WordPiece model has no \"vocab\" object.");
        var byId = new SortedDictionary<int, string>();
        foreach (var p in vocab.EnumerateObject())
            if (!byId.TryAdd(p.Value.GetInt32(), p.Name))
                throw new InvalidDataException($"{path}: the id {p.Value.GetInt32()} is given to two tokens.");
        var sb = new StringBuilder();
        int expected = 0;
        foreach (var (id, token) in byId)
        {
            if (id != expected) throw new InvalidDataException($"{path}: the vocabulary ids are not 0..{byId.Count - 1} without gaps (missing {expected}).");
            if (token.Contains('\n')) throw new InvalidDataException($"{path}: the token with id {id} contains a line break.");
            sb.Append(token).Append('\n');
            expected++;
        }
        return new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString()), writable: false);
    }

    private static bool Flag(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static JsonDocument? TryParse(string path)
    {
        if (!File.Exists(path)) return null;
        try { return JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: invalid JSON ({e.Message}).", e); }
    }
}

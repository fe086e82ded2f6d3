namespace BERTopicNet.Onnx;

/// <summary>
/// Python BERTopic's choice of sentence-transformers model by <c>language</c> (BERTopic 0.17.4,
/// <c>bertopic.backend._utils.select_backend</c>): English gets all-MiniLM-L6-v2, "multilingual" and every other
/// language BERTopic lists get paraphrase-multilingual-MiniLM-L12-v2.
/// </summary>
public static class SentenceModels
{
    /// <summary>The English model, BERTopic's default: <c>all-MiniLM-L6-v2</c> (384-d).</summary>
    public const string English = "all-MiniLM-L6-v2";

    /// <summary>The model for "multilingual" and the non-English languages: <c>paraphrase-multilingual-MiniLM-L12-v2</c> (384-d, 50+ languages).</summary>
    public const string Multilingual = "paraphrase-multilingual-MiniLM-L12-v2";

    /// <summary>The languages BERTopic accepts for <c>language</c> (lower case, as BERTopic spells them), besides "multilingual".</summary>
    public static IReadOnlyList<string> Languages { get; } =
    [
        "arabic", "bulgarian", "catalan", "czech", "danish", "german", "greek", "english", "spanish", "estonian",
        "persian", "finnish", "french", "canadian french", "galician", "gujarati", "hebrew", "hindi", "croatian",
        "hungarian", "armenian", "indonesian", "italian", "japanese", "georgian", "korean", "kurdish", "lithuanian",
        "latvian", "macedonian", "mongolian", "marathi", "malay", "burmese", "norwegian bokmal", "dutch", "polish",
        "portuguese", "brazilian portuguese", "romanian", "russian", "slovak", "slovenian", "albanian", "serbian",
        "swedish", "thai", "turkish", "ukrainian", "urdu", "vietnamese", "chinese (simplified)", "chinese (traditional)",
    ];

    /// <summary>
    /// sentence-transformers' <c>max_seq_length</c> of the models BERTopic picks by language (all-MiniLM-L6-v2: 256;
    /// paraphrase-multilingual-MiniLM-L12-v2: 128), for folders exported without <c>sentence_bert_config.json</c>
    /// (e.g. by <c>optimum-cli</c>); null for other names.
    /// </summary>
    internal static int? KnownMaxSequenceLength(string modelName) => modelName switch
    {
        English => 256,
        Multilingual => 128,
        _ => null,
    };

    /// <summary>The model name for <paramref name="language"/> ("english"/"en" → <see cref="English"/>; "multilingual" or a listed language → <see cref="Multilingual"/>).</summary>
    /// <exception cref="ArgumentException">The language is not one BERTopic supports.</exception>
    public static string ForLanguage(string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        string l = language.Trim().ToLowerInvariant();
        if (l is "english" or "en") return English;
        if (l == "multilingual" || Languages.Contains(l)) return Multilingual;
        throw new ArgumentException(
            $"The language '{language}' is not supported. Use \"english\", \"multilingual\" or one of: {string.Join(", ", Languages)}; or compute embeddings yourself and pass them to FitTransform, or pass an embedding model.",
            nameof(language));
    }
}

using BERTopicNet.Models;
using BERTopicNet.Onnx;

namespace BERTopicNet.Embedding;

/// <summary>
/// Creates the embedding model Python BERTopic would pick: from <c>language</c>, or from an
/// <c>embedding_model</c> name or folder. Nothing is downloaded: all-MiniLM-L6-v2 ships inside the
/// <c>BERTopic.Models.MiniLM</c> package, and any other model is loaded from a local folder (see
/// <see cref="ModelResolver"/> and models/README.md). Models are loaded on first use.
/// </summary>
public static class EmbeddingModels
{
    /// <summary>BERTopic's default model, all-MiniLM-L6-v2, from the bundled package (a local folder of that name, if any, takes precedence).</summary>
    /// <param name="options">Encoder settings; null for the model's own.</param>
    public static SentenceEncoderEmbeddingModel Default(SentenceEncoderOptions? options = null) => FromName(SentenceModels.English, options);

    /// <summary>The model for <paramref name="language"/>: "english" → all-MiniLM-L6-v2 (bundled); "multilingual" and the other languages BERTopic lists → paraphrase-multilingual-MiniLM-L12-v2, which must be present locally.</summary>
    /// <exception cref="ArgumentException">The language is not supported.</exception>
    /// <exception cref="DirectoryNotFoundException">The language's model is not present locally; the message says where it was looked for and how to export it.</exception>
    public static SentenceEncoderEmbeddingModel ForLanguage(string language, SentenceEncoderOptions? options = null) =>
        FromName(SentenceModels.ForLanguage(language), options);

    /// <summary>
    /// A model from a folder path or a name. all-MiniLM-L6-v2 (with or without its <c>sentence-transformers/</c>
    /// prefix) falls back to the bundled copy; any other name must resolve to a local folder.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The model was not found; the message says where it was looked for and how to export it.</exception>
    public static SentenceEncoderEmbeddingModel FromName(string nameOrPath, SentenceEncoderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        string trimmed = nameOrPath.Trim();
        bool isMiniLm = trimmed.Equals(SentenceModels.English, StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("sentence-transformers/" + SentenceModels.English, StringComparison.OrdinalIgnoreCase);
        if (isMiniLm && !ModelResolver.TryResolve(nameOrPath, out _))
            return new SentenceEncoderEmbeddingModel(MiniLmModel.Name, () => CreateBundledMiniLm(options));
        string dir = ModelResolver.Resolve(nameOrPath); // throws, listing the places looked at, when the model is absent
        return new SentenceEncoderEmbeddingModel(Path.GetFileName(dir.TrimEnd(Path.DirectorySeparatorChar)), () => SentenceEncoder.FromDirectory(dir, options));
    }

    /// <summary>Creates an encoder over the bundled all-MiniLM-L6-v2.</summary>
    public static SentenceEncoder CreateBundledMiniLm(SentenceEncoderOptions? options = null)
    {
        using var onnx = MiniLmModel.OpenOnnx();
        using var vocab = MiniLmModel.OpenVocab();
        var o = options?.Clone() ?? new SentenceEncoderOptions();
        o.MaxSequenceLength ??= MiniLmModel.MaxSequenceLength;
        return SentenceEncoder.FromStreams(onnx, vocab, o, MiniLmModel.Name);
    }
}

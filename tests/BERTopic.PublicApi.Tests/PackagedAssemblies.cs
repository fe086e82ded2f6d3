namespace BERTopicNet.PublicApi.Tests;

/// <summary>The assemblies shipped as NuGet packages, whose public API is tracked.</summary>
internal static class PackagedAssemblies
{
    public static readonly string[] Names =
    [
        "BERTopic",
        "BERTopic.Umap",
        "BERTopic.Hdbscan",
        "BERTopic.Onnx",
        "BERTopic.Models.MiniLM",
        "BERTopic.Datasets",
        "BERTopic.Evaluation",
        "BERTopic.Visualization",
    ];
}

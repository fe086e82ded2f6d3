namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>Writes a fitted UMAP or HDBSCAN stage into the folder and describes it; null for other stages.</summary>
    private static System.Text.Json.Nodes.JsonObject? TrySaveFittedStage(object stage, string dir) => null;

    /// <summary>Restores a stage saved by <see cref="TrySaveFittedStage"/>; null for kinds this build does not know.</summary>
    private static object? TryLoadFittedStage(string kind, string? path) => null;

    /// <summary>The bundled model or a local folder found by name (<see cref="Embedding.EmbeddingModels.FromName"/>); never the network.</summary>
    private static Embedding.IEmbeddingModel DefaultEmbeddingModelResolver(string name) => Embedding.EmbeddingModels.FromName(name);
}

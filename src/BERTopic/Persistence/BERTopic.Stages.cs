using System.Text.Json.Nodes;
using BERTopicNet.Clustering;
using BERTopicNet.Persistence;
using BERTopicNet.Reduction;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>Writes a fitted UMAP or HDBSCAN stage into the folder and describes it; null for other stages.</summary>
    private static JsonObject? TrySaveFittedStage(object stage, string dir)
    {
        switch (stage)
        {
            case UmapReducer u when u.Model.IsFitted:
                StageStateFiles.SaveUmap(u.Model, Path.Combine(dir, UmapFileName));
                return new JsonObject { ["kind"] = StageStateFiles.UmapKind, ["file"] = UmapFileName };
            case HdbscanClusterer h when h.Model.IsFitted:
                StageStateFiles.SaveHdbscan(h.Model, Path.Combine(dir, HdbscanFileName));
                return new JsonObject { ["kind"] = StageStateFiles.HdbscanKind, ["file"] = HdbscanFileName };
            case Online.IncrementalPcaReducer p when p.IsFitted:
                OnlineStageFiles.SaveIncrementalPca(p, Path.Combine(dir, OnlineStageFiles.IncrementalPcaFileName));
                return new JsonObject { ["kind"] = OnlineStageFiles.IncrementalPcaKind, ["file"] = OnlineStageFiles.IncrementalPcaFileName };
            case Online.MiniBatchKMeansClusterer k when k.Centers is not null:
                OnlineStageFiles.SaveMiniBatchKMeans(k, Path.Combine(dir, OnlineStageFiles.MiniBatchKMeansFileName));
                return new JsonObject { ["kind"] = OnlineStageFiles.MiniBatchKMeansKind, ["file"] = OnlineStageFiles.MiniBatchKMeansFileName };
            case NearestCentroidClassifier c when c.Classes is not null:
                NearestCentroidFiles.Save(c, Path.Combine(dir, NearestCentroidFiles.FileName));
                return new JsonObject { ["kind"] = NearestCentroidFiles.Kind, ["file"] = NearestCentroidFiles.FileName };
            default:
                return null;
        }
    }

    /// <summary>Restores a stage saved by <see cref="TrySaveFittedStage"/>; null for kinds this build does not know.</summary>
    private static object? TryLoadFittedStage(string kind, string? path, string manifestPath)
    {
        if (kind is not (StageStateFiles.UmapKind or StageStateFiles.HdbscanKind or OnlineStageFiles.IncrementalPcaKind or OnlineStageFiles.MiniBatchKMeansKind or NearestCentroidFiles.Kind)) return null;
        if (path is null) throw new ModelFormatException(manifestPath, $"the {kind} stage names no file.");
        return kind switch
        {
            StageStateFiles.UmapKind => new UmapReducer(StageStateFiles.LoadUmap(path)),
            StageStateFiles.HdbscanKind => new HdbscanClusterer(StageStateFiles.LoadHdbscan(path)),
            OnlineStageFiles.IncrementalPcaKind => OnlineStageFiles.LoadIncrementalPca(path),
            NearestCentroidFiles.Kind => NearestCentroidFiles.Load(path),
            _ => OnlineStageFiles.LoadMiniBatchKMeans(path),
        };
    }

    /// <summary>The bundled model or a local folder found by name (<see cref="Embedding.EmbeddingModels.FromName"/>); never the network.</summary>
    private static Embedding.IEmbeddingModel DefaultEmbeddingModelResolver(string name) => Embedding.EmbeddingModels.FromName(name);
}

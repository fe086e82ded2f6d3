using System.Diagnostics;
using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Reduction;
using BERTopicNet.Umap;

namespace BERTopicNet.Benchmarks.Quality;

/// <summary>Wall time spent inside each wrapped stage, and the process's CPU time over the same spans.</summary>
internal sealed class StageTimes
{
    public double Embed { get; set; }
    public double Umap { get; set; }
    public double Hdbscan { get; set; }
    public double UmapCpu { get; set; }
    public double HdbscanCpu { get; set; }

    public static T Time<T>(Func<T> work, Action<double> add, Action<double>? addCpu = null)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        try { return work(); }
        finally
        {
            add(sw.Elapsed.TotalSeconds);
            addCpu?.Invoke((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
    }
}

/// <summary>Times an embedding model's calls and passes everything through.</summary>
internal sealed class TimedEmbeddingModel(IEmbeddingModel inner, StageTimes times) : IEmbeddingModel
{
    public string Name => inner.Name;

    public float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => StageTimes.Time(() => inner.Embed(documents, progress, cancellationToken), s => times.Embed += s);
}

/// <summary>Times a reducer's fit and passes everything through.</summary>
internal sealed class TimedReducer(IDimensionalityReducer inner, StageTimes times) : IDimensionalityReducer
{
    public float[,] FitTransform(float[,] embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => StageTimes.Time(() => inner.FitTransform(embeddings, y, progress, cancellationToken), s => times.Umap += s, s => times.UmapCpu += s);

    public float[,] FitTransform(CsrMatrix embeddings, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => StageTimes.Time(() => inner.FitTransform(embeddings, y, progress, cancellationToken), s => times.Umap += s, s => times.UmapCpu += s);

    public float[,] Transform(float[,] embeddings, CancellationToken cancellationToken = default) => inner.Transform(embeddings, cancellationToken);

    public float[,] Transform(CsrMatrix embeddings, CancellationToken cancellationToken = default) => inner.Transform(embeddings, cancellationToken);
}

/// <summary>Times a clusterer's fit and passes everything through.</summary>
internal sealed class TimedClusterer(IClusterer inner, StageTimes times) : IClusterer
{
    public ClusterAssignment Fit(float[,] points, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => StageTimes.Time(() => inner.Fit(points, y, progress, cancellationToken), s => times.Hdbscan += s, s => times.HdbscanCpu += s);

    public float[,]? SoftMemberships(CancellationToken cancellationToken = default) => inner.SoftMemberships(cancellationToken);

    public ClusterPrediction Predict(float[,] points, bool withMembership = false) => inner.Predict(points, withMembership);
}

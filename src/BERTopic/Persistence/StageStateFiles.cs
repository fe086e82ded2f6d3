using BERTopicNet.Hdbscan;
using BERTopicNet.Umap;

namespace BERTopicNet.Persistence;

/// <summary>
/// Saves and restores fitted UMAP and HDBSCAN models as safetensors files (arrays as tensors, scalars as
/// metadata), so that a restored model's Transform / approximate_predict answer exactly as the original's.
/// Any inconsistency in a file is reported as a <see cref="ModelFormatException"/> naming it.
/// </summary>
public static class StageStateFiles
{
    /// <summary>The <c>state_kind</c> written in a UMAP state file.</summary>
    public const string UmapKind = "umap";

    /// <summary>The <c>state_kind</c> written in an HDBSCAN state file.</summary>
    public const string HdbscanKind = "hdbscan";

    /// <summary>Writes a fitted UMAP (training rows, embedding and parameters) to <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public static void SaveUmap(Umap.Umap model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        StateTensors.Write(model.ExportState(), UmapKind).Save(path);
    }

    /// <summary>Restores a fitted UMAP written by <see cref="SaveUmap"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxThreads">Most threads for later calls (null = all cores).</param>
    /// <exception cref="ModelFormatException">The file is damaged or inconsistent.</exception>
    public static Umap.Umap LoadUmap(string path, int? maxThreads = null)
    {
        var state = StateTensors.Read<UmapState>(SafeTensorsFile.Read(path), UmapKind, path);
        CheckUmap(state, path);
        try { return Umap.Umap.FromState(state, maxThreads); }
        catch (ArgumentException e) { throw new ModelFormatException(path, $"holds an inconsistent UMAP state ({e.Message}).", e); }
    }

    /// <summary>Writes a fitted HDBSCAN (condensed tree, training points and prediction data) to <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    public static void SaveHdbscan(Hdbscan.Hdbscan model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        StateTensors.Write(model.ExportState(), HdbscanKind).Save(path);
    }

    /// <summary>Restores a fitted HDBSCAN written by <see cref="SaveHdbscan"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxThreads">Most threads for later calls (null = all cores).</param>
    /// <exception cref="ModelFormatException">The file is damaged or inconsistent.</exception>
    public static Hdbscan.Hdbscan LoadHdbscan(string path, int? maxThreads = null)
    {
        var state = StateTensors.Read<HdbscanState>(SafeTensorsFile.Read(path), HdbscanKind, path);
        CheckHdbscan(state, path);
        try { return Hdbscan.Hdbscan.FromState(state, maxThreads); }
        catch (ArgumentException e) { throw new ModelFormatException(path, $"holds an inconsistent HDBSCAN state ({e.Message}).", e); }
        catch (IndexOutOfRangeException e) { throw new ModelFormatException(path, $"holds an inconsistent HDBSCAN state ({e.Message}).", e); }
    }

    /// <summary>Bounds the work Transform will do and rejects non-finite numbers, so that a hostile file fails here rather than hanging Transform.</summary>
    private static void CheckUmap(UmapState s, string path)
    {
        ModelFormatException Bad(string what) => new(path, $"holds an inconsistent UMAP state ({what}).");
        if (s.NEpochs is < 0 or > 100_000) throw Bad($"n_epochs {s.NEpochs} is outside 0..100000");
        if (s.NNeighbors > s.Rows) throw Bad($"n_neighbors {s.NNeighbors} exceeds the {s.Rows} training rows");
        if (s.NegativeSampleRate is < 0 or > 1000) throw Bad($"negative_sample_rate {s.NegativeSampleRate} is outside 0..1000");
        if (s.NComponents > 10_000) throw Bad($"n_components {s.NComponents} is too large");
        foreach (var (name, v) in new[] { ("a", s.A), ("b", s.B), ("learning_rate", s.LearningRate), ("local_connectivity", s.LocalConnectivity), ("repulsion_strength", s.RepulsionStrength) })
            if (!float.IsFinite(v)) throw Bad($"{name} is not finite");
        if (s.Embedding.Any(v => !float.IsFinite(v))) throw Bad("the embedding holds non-finite values");
        if ((s.Data ?? s.DataValues ?? []).Any(v => !float.IsFinite(v))) throw Bad("the training data holds non-finite values");
        if (s.DataIndPtr is { } ptr && s.DataIndices is { } idx)
        {
            if (ptr.Length != s.Rows + 1 || ptr[0] != 0 || ptr[^1] != idx.Length || s.DataValues?.Length != idx.Length)
                throw Bad("the sparse training data's row pointers do not match its entries");
            for (int r = 0; r < s.Rows; r++) if (ptr[r + 1] < ptr[r]) throw Bad($"the sparse row pointers decrease at row {r}");
            foreach (var c in idx) if ((uint)c >= (uint)s.Columns) throw Bad($"sparse column {c} is outside 0..{s.Columns - 1}");
        }
    }

    /// <summary>Checks what prediction later indexes with, so that a hostile file fails here rather than in Transform.</summary>
    private static void CheckHdbscan(HdbscanState s, string path)
    {
        ModelFormatException Bad(string what) => new(path, $"holds an inconsistent HDBSCAN state ({what}).");
        int n = s.PointCount;
        if (s.MinSamples < 1 || s.MinSamples > Math.Max(1, n)) throw Bad($"min_samples {s.MinSamples} is outside 1..{n}");
        if (s.MinClusterSize < 2 || s.MinClusterSize > Math.Max(2, n)) throw Bad($"min_cluster_size {s.MinClusterSize} is outside 2..{n}");
        if (s.ClusterSelectionMethod is not (0 or 1)) throw Bad($"cluster selection method {s.ClusterSelectionMethod} is unknown");
        long maxNode = (long)n + s.TreeParent.Length; // cluster ids are n, n+1, ... and fewer than the tree's rows
        for (int r = 0; r < s.TreeParent.Length; r++)
        {
            if (s.TreeParent[r] > maxNode || s.TreeChild[r] > maxNode) throw Bad($"condensed-tree row {r} names node {Math.Max(s.TreeParent[r], s.TreeChild[r])} beyond the tree");
            if (s.TreeChildSize[r] < 1 || s.TreeChildSize[r] > n) throw Bad($"condensed-tree row {r} has child size {s.TreeChildSize[r]}");
            if (double.IsNaN(s.TreeLambda[r]) || s.TreeLambda[r] < 0) throw Bad($"condensed-tree row {r} has lambda {s.TreeLambda[r]}");
        }
        foreach (var c in s.SelectedClusters)
            if (c < n || c > maxNode) throw Bad($"selected cluster {c} is not a cluster node");
        foreach (var l in s.Labels)
            if (l < -1 || l >= s.SelectedClusters.Length) throw Bad($"label {l} is outside -1..{s.SelectedClusters.Length - 1}");
        foreach (var v in s.Points)
            if (!float.IsFinite(v)) throw Bad("a training point is not finite");
    }
}

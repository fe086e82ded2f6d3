namespace BERTopicNet.Umap;

/// <summary>
/// Settings of <see cref="Umap"/>. The defaults are umap-learn 0.5's, except <see cref="NComponents"/> = 5,
/// <see cref="MinDist"/> = 0 and <see cref="Metric"/> = cosine, which are BERTopic's.
/// </summary>
public sealed class UmapOptions
{
    /// <summary>Size of the local neighbourhood (number of nearest neighbours, the point itself included). Default 15; at least 2.</summary>
    public int NNeighbors { get; set; } = 15;

    /// <summary>Dimension of the output embedding. Default 5 (BERTopic's); at least 1 and below the number of rows.</summary>
    public int NComponents { get; set; } = 5;

    /// <summary>Minimum distance between embedded points; smaller values give tighter clusters. Default 0.0 (BERTopic's); in [0, <see cref="Spread"/>].</summary>
    public double MinDist { get; set; }

    /// <summary>Scale of the embedded points; with <see cref="MinDist"/> it fixes the curve parameters a and b. Default 1.0.</summary>
    public double Spread { get; set; } = 1.0;

    /// <summary>Input distance. Default <see cref="UmapMetric.Cosine"/> (BERTopic's).</summary>
    public UmapMetric Metric { get; set; } = UmapMetric.Cosine;

    /// <summary>Number of SGD epochs; null (default) = 200 when there are more than 10,000 rows, else 500 (umap-learn's rule).</summary>
    public int? NEpochs { get; set; }

    /// <summary>Initial SGD learning rate, decayed linearly to 0. Default 1.0.</summary>
    public double LearningRate { get; set; } = 1.0;

    /// <summary>Negative samples drawn per positive edge sample. Default 5.</summary>
    public int NegativeSampleRate { get; set; } = 5;

    /// <summary>Number of nearest neighbours assumed connected at distance 0 (the rho of the smooth kNN distance). Default 1.0.</summary>
    public double LocalConnectivity { get; set; } = 1.0;

    /// <summary>Mix between fuzzy union (1.0, default) and fuzzy intersection (0.0) when symmetrising the graph.</summary>
    public double SetOpMixRatio { get; set; } = 1.0;

    /// <summary>Weight of the negative (repulsive) samples in the layout (umap-learn's <c>repulsion_strength</c>, gamma). Default 1.0.</summary>
    public double RepulsionStrength { get; set; } = 1.0;

    /// <summary>Seed of every random choice. With a seed the output is identical on every run and any <see cref="MaxThreads"/>;
    /// null (default) seeds from the clock.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>Trade accuracy for memory in the nearest-neighbour descent: candidate pools of 2·NNeighbors (at most 60)
    /// rows instead of 60 per row. Default false.</summary>
    public bool LowMemory { get; set; }

    /// <summary>Initialisation of the layout. Default <see cref="UmapInit.Spectral"/>.</summary>
    public UmapInit Init { get; set; } = UmapInit.Spectral;

    /// <summary>With a categorical target y: how much the labels reshape the graph, 0 = data only, 1 = labels only. Default 0.5.</summary>
    public double TargetWeight { get; set; } = 0.5;

    /// <summary>Most threads used; null (default) = all cores. The result does not depend on it.</summary>
    public int? MaxThreads { get; set; }

    /// <summary>Number of rows up to which the nearest neighbours are found exactly (all pairs, a blocked GEMM-style
    /// scan); above it, NN-descent with random-projection-tree initialisation is used. Default 4,096, umap-learn's own
    /// switch. The exact scan is cheaper in CPU time up to about 36,000 rows (AVX2, 20 Newsgroups embeddings, fit
    /// without epochs, exact / NN-descent CPU s: 18,846 rows 3.5 / 4.8, 28,000 rows 7.0 / 8.3, 40,000 rows 15.6 / 14.7),
    /// but on 20 Newsgroups its graph gave a lower trustworthiness than NN-descent's (0.9657 / 0.9639 / 0.9644
    /// against 0.9680 / 0.9673 / 0.9673 for seeds 42 / 1 / 2; umap-learn 0.9728), so the default stays where umap-learn's is.</summary>
    public int ExactNeighborsThreshold { get; set; } = 4096;

    /// <summary>Graphs with fewer edges run the SGD on one thread (tests lower it to exercise the parallel path).</summary>
    internal int ParallelLayoutMinEdges { get; set; } = 10_000;

    /// <summary>
    /// Runs the SGD exactly in umap-learn's order — one thread, edges in sequence, both ends of each edge moved — instead
    /// of the default deterministic parallel scheme. Its trustworthiness equals umap-learn's (20 Newsgroups, k = 15:
    /// 0.9735 vs umap-learn's 0.9728; parallel scheme 0.9678) at about twice the UMAP wall time on 2 cores. Also
    /// deterministic for a seed. Default false.
    /// </summary>
    public bool SequentialLayout { get; set; }

    /// <summary>Sequential phases per SGD epoch of the parallel scheme (see LayoutOptimizer).</summary>
    internal int LayoutPhases { get; set; } = LayoutOptimizer.DefaultPhases;

    /// <summary>Size of the padded positions from which the parallel SGD prefetches its random reads (see LayoutOptimizer); changes no result.</summary>
    internal long LayoutPrefetchFromBytes { get; set; } = LayoutOptimizer.PrefetchFromBytes;

    /// <summary>Returns a copy of these options.</summary>
    public UmapOptions Clone() => (UmapOptions)MemberwiseClone();

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting and its valid range.</summary>
    public void Validate()
    {
        if (NNeighbors < 2) throw new ArgumentException($"NNeighbors must be at least 2 (got {NNeighbors}); umap-learn's default is 15.", nameof(NNeighbors));
        if (NComponents < 1) throw new ArgumentException($"NComponents must be at least 1 (got {NComponents}).", nameof(NComponents));
        if (!(Spread > 0) || !double.IsFinite(Spread)) throw new ArgumentException($"Spread must be a positive finite number (got {Spread}).", nameof(Spread));
        if (!(MinDist >= 0) || MinDist > Spread) throw new ArgumentException($"MinDist must be in [0, Spread = {Spread}] (got {MinDist}).", nameof(MinDist));
        if (NEpochs is < 0) throw new ArgumentException($"NEpochs must be non-negative or null for the default (got {NEpochs}).", nameof(NEpochs));
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"LearningRate must be positive (got {LearningRate}).", nameof(LearningRate));
        if (NegativeSampleRate < 0) throw new ArgumentException($"NegativeSampleRate must be non-negative (got {NegativeSampleRate}).", nameof(NegativeSampleRate));
        if (!(LocalConnectivity >= 0) || !double.IsFinite(LocalConnectivity)) throw new ArgumentException($"LocalConnectivity must be non-negative (got {LocalConnectivity}).", nameof(LocalConnectivity));
        if (!(SetOpMixRatio >= 0 && SetOpMixRatio <= 1)) throw new ArgumentException($"SetOpMixRatio must be in [0, 1] (got {SetOpMixRatio}).", nameof(SetOpMixRatio));
        if (!(RepulsionStrength >= 0) || !double.IsFinite(RepulsionStrength)) throw new ArgumentException($"RepulsionStrength must be non-negative (got {RepulsionStrength}).", nameof(RepulsionStrength));
        if (!(TargetWeight >= 0 && TargetWeight <= 1)) throw new ArgumentException($"TargetWeight must be in [0, 1] (got {TargetWeight}).", nameof(TargetWeight));
        if (MaxThreads is < 1) throw new ArgumentException($"MaxThreads must be at least 1 or null for all cores (got {MaxThreads}).", nameof(MaxThreads));
        if (ExactNeighborsThreshold < 0) throw new ArgumentException($"ExactNeighborsThreshold must be non-negative (got {ExactNeighborsThreshold}).", nameof(ExactNeighborsThreshold));
    }
}

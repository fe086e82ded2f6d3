using BERTopicNet.Testing;

namespace BERTopicNet.Tests.Operations;

public class ReduceOutliersTests
{
    // Outlier documents written in one theme's words, appended to the generated corpus as topic -1.
    private static readonly string[] ThemedOutliers =
    [
        "nasa rocket launch to the moon orbit",       // space → topic 2
        "the coach praised the league player",          // football → topic 0
        "knead the dough with yeast then bake",         // bread → topic 1
        "nothing relevant whatsoever",                  // no theme word
    ];

    private static readonly int[] ThemedTopics = [2, 0, 1];

    private static (BERTopic Model, string[] Docs, int[] Topics, float[,] Embeddings) ManualWithThemedOutliers(ThemeEmbeddingModel? embedder = null)
    {
        var (model, docs, topics, emb) = OperationsData.Manual(embedder);
        var allDocs = docs.Concat(ThemedOutliers).ToArray();
        var allTopics = topics.Concat(Enumerable.Repeat(-1, ThemedOutliers.Length)).ToArray();
        var allEmb = new float[allDocs.Length, 4];
        for (int i = 0; i < docs.Length; i++)
            for (int j = 0; j < 4; j++) allEmb[i, j] = emb[i, j];
        var themed = new ThemeEmbeddingModel().Embed(ThemedOutliers);
        for (int i = 0; i < ThemedOutliers.Length; i++)
            for (int j = 0; j < 4; j++) allEmb[docs.Length + i, j] = themed[i, j];
        return (model, allDocs, allTopics, allEmb);
    }

    [Theory]
    [InlineData(OutlierStrategy.CTfidf)]
    [InlineData(OutlierStrategy.Distributions)]
    [InlineData(OutlierStrategy.Embeddings)]
    public void ThemedOutliersJoinTheirThemeAndOthersAreUntouched(OutlierStrategy strategy)
    {
        var (model, docs, topics, emb) = ManualWithThemedOutliers();
        var fitted = model.DocumentTopics.ToArray();
        var newTopics = model.ReduceOutliers(docs, topics, strategy, embeddings: strategy == OutlierStrategy.Embeddings ? emb : null);
        int n = docs.Length - ThemedOutliers.Length;
        for (int i = 0; i < n; i++)
            if (topics[i] != -1) Assert.Equal(topics[i], newTopics[i]);
        for (int i = 0; i < ThemedTopics.Length; i++) Assert.Equal(ThemedTopics[i], newTopics[n + i]);
        if (strategy != OutlierStrategy.Embeddings) Assert.Equal(-1, newTopics[^1]); // no shared word: stays an outlier
        Assert.Equal(fitted, model.DocumentTopics); // the model is not changed
        Assert.Equal(-1, topics[n]); // nor is the input
    }

    [Fact]
    public void ThresholdKeepsWeakMatchesAsOutliers()
    {
        var (model, docs, topics, emb) = ManualWithThemedOutliers();
        Assert.Equal(topics, model.ReduceOutliers(docs, topics, OutlierStrategy.CTfidf, threshold: 1.01));
        Assert.Equal(topics, model.ReduceOutliers(docs, topics, OutlierStrategy.Embeddings, threshold: 1.01, embeddings: emb));
        var loose = model.ReduceOutliers(docs, topics, OutlierStrategy.CTfidf, threshold: 0);
        var strict = model.ReduceOutliers(docs, topics, OutlierStrategy.CTfidf, threshold: 0.3);
        Assert.True(strict.Count(t => t == -1) >= loose.Count(t => t == -1));
    }

    [Fact]
    public void EmbeddingsStrategyEmbedsOutliersWithTheModelWhenNoEmbeddingsAreGiven()
    {
        var embedder = new ThemeEmbeddingModel();
        var (model, docs, topics, _) = ManualWithThemedOutliers(embedder);
        var newTopics = model.ReduceOutliers(docs, topics, OutlierStrategy.Embeddings);
        int n = docs.Length - ThemedOutliers.Length;
        for (int i = 0; i < ThemedTopics.Length; i++) Assert.Equal(ThemedTopics[i], newTopics[n + i]);
        Assert.Equal(1, embedder.Calls);
    }

    [Fact]
    public void ProbabilitiesStrategyTakesTheArgmaxAtOrAboveTheThreshold()
    {
        var (model, docs, topics, _) = ManualWithThemedOutliers();
        var probabilities = new float[docs.Length, 3];
        int n = docs.Length - ThemedOutliers.Length;
        probabilities[n, 1] = 0.4f;                           // → 1
        probabilities[n + 1, 2] = 0.05f;                      // below 0.1 → stays -1
        probabilities[n + 2, 0] = 0.3f; probabilities[n + 2, 2] = 0.3f; // tie → first maximum, 0
        var newTopics = model.ReduceOutliers(docs, topics, OutlierStrategy.Probabilities, threshold: 0.1, probabilities: probabilities);
        Assert.Equal(1, newTopics[n]);
        Assert.Equal(-1, newTopics[n + 1]);
        Assert.Equal(0, newTopics[n + 2]);
        for (int i = 0; i < n; i++)
            if (topics[i] != -1) Assert.Equal(topics[i], newTopics[i]);
    }

    [Fact]
    public void BadInputsGiveClearErrors()
    {
        var (model, docs, topics, emb) = ManualWithThemedOutliers();
        var mismatch = Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, topics[1..]));
        Assert.Equal("topics", mismatch.ParamName);
        var unknown = topics.ToArray();
        unknown[0] = 42;
        Assert.Contains("42", Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, unknown)).Message);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, topics, OutlierStrategy.Probabilities)).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, topics, OutlierStrategy.Probabilities, probabilities: new float[3, 3])).ParamName);
        Assert.Equal("embeddings", Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, topics, OutlierStrategy.Embeddings, embeddings: new float[2, 4])).ParamName);
        Assert.Equal("embeddings", Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, topics, OutlierStrategy.Embeddings, embeddings: new float[docs.Length, 5])).ParamName);
        Assert.Contains("EmbeddingModel", Assert.Throws<InvalidOperationException>(() => model.ReduceOutliers(docs, topics, OutlierStrategy.Embeddings)).Message);
        Assert.Equal("threshold", Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, topics, threshold: double.NaN)).ParamName);
        Assert.Equal("strategy", Assert.Throws<ArgumentException>(() => model.ReduceOutliers(docs, topics, (OutlierStrategy)9)).ParamName);
        Assert.Throws<InvalidOperationException>(() => new BERTopic().ReduceOutliers(docs, topics));

        // A model without outliers has nothing to reduce (Python raises too).
        var (clean, cleanLabels, cleanEmb) = TestCorpus.Create([5, 6, 7], noise: 0);
        var noOutliers = new BERTopic(new BERTopicOptions { UmapModel = new Reduction.NoDimensionalityReduction(), HdbscanModel = new Clustering.ManualClusterer() });
        noOutliers.FitTransform(clean, cleanEmb, cleanLabels);
        Assert.Contains("no outlier", Assert.Throws<InvalidOperationException>(() => noOutliers.ReduceOutliers(clean, noOutliers.DocumentTopics)).Message);
    }

    [Fact]
    public void CancellationAndProgress()
    {
        var (model, docs, topics, _) = ManualWithThemedOutliers();
        var progress = new RecordingProgress();
        model.ReduceOutliers(docs, topics, progress: progress);
        Assert.All(progress.Reports, p => Assert.Equal(BERTopicStages.Outliers, p.Stage));
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => model.ReduceOutliers(docs, topics, cancellationToken: cts.Token));
    }

    [SharedDataFact]
    public void BbcNewsOutliersMostlyJoinTopicsOfTheirOwnCategory()
    {
        var model = OperationsData.BbcReplay;
        var (docs, labels, embeddings, topics) = OperationsData.Bbc;
        // Each topic's majority gold category.
        var majority = topics.Select((t, i) => (t, i)).Where(p => p.t != -1).GroupBy(p => p.t)
            .ToDictionary(g => g.Key, g => g.GroupBy(p => labels[p.i]).OrderByDescending(x => x.Count()).First().Key);
        foreach (var strategy in new[] { OutlierStrategy.CTfidf, OutlierStrategy.Embeddings, OutlierStrategy.Distributions })
        {
            var newTopics = model.ReduceOutliers(docs, topics, strategy, embeddings: embeddings);
            var moved = Enumerable.Range(0, docs.Count).Where(i => topics[i] == -1 && newTopics[i] != -1).ToArray();
            Assert.True(moved.Length > 0.8 * topics.Count(t => t == -1), $"{strategy}: only {moved.Length} outliers reassigned");
            double agreement = moved.Count(i => majority[newTopics[i]] == labels[i]) / (double)moved.Length;
            // Five well-separated categories: a sensible reassignment puts most outliers in a topic of their category.
            Assert.True(agreement > 0.75, $"{strategy}: {agreement:P1} of reassigned outliers match their topic's category");
        }
    }

    [SharedDataFact]
    public void BbcNewsHdbscanSoftMembershipsReassignOutliers()
    {
        var (model, result) = OperationsData.BbcHdbscan;
        var docs = OperationsData.Bbc.Docs;
        var matrix = result.Probabilities!.Matrix!;
        Assert.Equal(model.TopicIds.Count(t => t != -1), matrix.GetLength(1));
        int outliers = result.Topics.Count(t => t == -1);
        Assert.True(outliers > 100, $"{outliers} outliers");
        var newTopics = model.ReduceOutliers(docs, result.Topics, OutlierStrategy.Probabilities, probabilities: matrix);
        for (int i = 0; i < docs.Count; i++)
        {
            if (result.Topics[i] != -1) { Assert.Equal(result.Topics[i], newTopics[i]); continue; }
            int best = 0;
            for (int t = 1; t < matrix.GetLength(1); t++) if (matrix[i, t] > matrix[i, best]) best = t;
            Assert.Equal(best, newTopics[i]);
        }
        // A threshold keeps the weakly attached outliers as -1.
        var strict = model.ReduceOutliers(docs, result.Topics, OutlierStrategy.Probabilities, threshold: 0.2, probabilities: matrix);
        int kept = strict.Count(t => t == -1);
        Assert.InRange(kept, 1, outliers - 1);

        // Members' soft memberships peak at their own topic (the matrix columns are the topics).
        var members = Enumerable.Range(0, docs.Count).Where(i => result.Topics[i] != -1).ToArray();
        int own = members.Count(i => Enumerable.Range(0, matrix.GetLength(1)).MaxBy(t => matrix[i, t]) == result.Topics[i]);
        Assert.True(own > 0.8 * members.Length, $"{own}/{members.Length} members peak at their topic");
    }
}

using BERTopicNet.Clustering;
using BERTopicNet.Reduction;
using BERTopicNet.Umap;

namespace BERTopicNet.Tests;

public class BERTopicFacadeTests
{
    private static BERTopic Manual(int topN = 10) =>
        new(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer(), TopNWords = topN });

    [Fact]
    public void QuickStartCompiles()
    {
        // The README's two lines (not run here: the default stages embed, UMAP and HDBSCAN a real corpus).
        var model = new BERTopic();
        Assert.False(model.IsFitted);
        int[] QuickStart(IReadOnlyList<string> docs)
        {
            var (topics, probs) = model.FitTransform(docs);
            return probs is null ? topics : topics;
        }
        Assert.NotNull((Func<IReadOnlyList<string>, int[]>)QuickStart);
    }

    [Fact]
    public void ManualTopicsAreRenumberedBySizeAndDescribedByTheirWords()
    {
        var (docs, labels, emb) = TestCorpus.Create([5, 12, 8]);
        var model = Manual();
        var (topics, probabilities) = model.FitTransform(docs, emb, labels);
        Assert.Null(probabilities);
        // Theme 1 (12 docs) → topic 0, theme 2 (8) → 1, theme 0 (5) → 2, noise stays -1.
        int[] expectedMap = [2, 0, 1];
        Assert.Equal(labels.Select(l => l == -1 ? -1 : expectedMap[l]), topics);
        Assert.Equal(topics, model.DocumentTopics);
        Assert.Equal([-1, 0, 1, 2], model.TopicIds);
        Assert.Equal(new[] { (0, 12), (1, 8), (2, 5), (-1, 2) }, model.GetTopicFreq().Select(f => (f.Topic, f.Count)));
        Assert.Equal(8, model.GetTopicFreq(1));

        var football = model.GetTopic(0)!;
        Assert.Equal(10, football.Count);
        Assert.All(football.Take(6), w => Assert.Contains(w.Word, TestCorpus.Themes[1]));
        Assert.True(football.Zip(football.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Null(model.GetTopic(7));
        Assert.False(model.TryGetTopic(7, out _));

        var info = model.GetTopicInfo();
        Assert.Equal([-1, 0, 1, 2], info.Select(i => i.Topic));
        Assert.Equal($"0_{football[0].Word}_{football[1].Word}_{football[2].Word}_{football[3].Word}", info[1].Name);
        Assert.Equal(info[1].Name, model.TopicLabels[0]);
        Assert.Equal(football.Select(w => w.Word), info[1].Representation);
        Assert.Equal(3, info[1].RepresentativeDocs.Count);
        Assert.All(info[1].RepresentativeDocs, d => Assert.Equal(0, topics[Array.IndexOf(docs, d)]));
        Assert.Equal(2, model.GetRepresentativeDocs(-1)!.Count); // only two outlier documents

        // Topic embeddings are the mean document embedding of each topic (row order = TopicIds).
        var te = model.TopicEmbeddings!;
        for (int j = 0; j < 4; j++)
        {
            double mean = Enumerable.Range(0, docs.Length).Where(i => topics[i] == 1).Average(i => emb[i, j]);
            Assert.Equal(mean, te[2, j], 5);
        }
        Assert.Equal(model.Vocabulary.Count, model.CTfidf.Columns);
        Assert.Equal(4, model.CTfidf.Rows);
    }

    [Fact]
    public void TopicsWithFewWordsArePaddedAsPython()
    {
        string[] docs = ["alpha beta", "gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi"];
        var model = Manual();
        model.FitTransform(docs, new float[2, 2] { { 1, 0 }, { 0, 1 } }, [0, 1]);
        var words = model.GetTopic(1)!; // the smaller topic: 1 doc of 2 words... both have 1 doc; sizes tie
        var small = model.GetTopic(model.GetTopic(0)!.Count(w => w.Word != "") == 2 ? 0 : 1)!;
        Assert.Equal(10, small.Count);
        Assert.Equal(2, small.Count(w => w.Word != ""));
        Assert.All(small.Skip(2), w => Assert.Equal(TopicWord.Filler, w));
        Assert.Equal(10, words.Count);
    }

    [Fact]
    public void LabelsCanBeGeneratedAndSet()
    {
        var (docs, labels, emb) = TestCorpus.Create([6, 9, 4], noise: 0);
        var model = Manual();
        model.FitTransform(docs, emb, labels);
        var generated = model.GenerateTopicLabels(nrWords: 2, separator: ", ");
        Assert.Equal(3, generated.Count);
        Assert.StartsWith("0, ", generated[0]);
        Assert.Equal(2, generated[0].Split(", ").Length - 1);
        var shortWords = model.GenerateTopicLabels(nrWords: 1, topicPrefix: false, wordLength: 3);
        Assert.All(shortWords, l => Assert.True(l.Length <= 3));

        model.SetTopicLabels(["Sport", "Baking", "Space"]);
        Assert.Equal("Sport", model.GetTopicInfo()[0].CustomName);
        model.SetTopicLabels(new Dictionary<int, string> { [2] = "Rockets", [99] = "ignored" });
        Assert.Equal(["Sport", "Baking", "Rockets"], model.CustomLabels);
        Assert.Throws<ArgumentException>(() => model.SetTopicLabels(["only one"]));
    }

    [Fact]
    public void EmptyStringsAreValidDocuments()
    {
        string[] docs = ["", "words here", "more words", "", ""];
        var model = Manual();
        var (topics, _) = model.FitTransform(docs, new float[5, 2], [0, 1, 1, 2, 2]);
        Assert.Equal([2, 0, 0, 1, 1], topics);
        Assert.Equal("emptydoc", model.GetTopic(2)![0].Word); // Python replaces an empty topic text with "emptydoc"
        Assert.Equal(TopicWord.Filler, model.GetTopic(1)![0]); // two empty docs join to " ": no words at all
    }

    [Fact]
    public void ProgressReportsEveryStageAndCancellationStops()
    {
        var (docs, labels, emb) = TestCorpus.Create([6, 9, 4]);
        var stages = new List<string>();
        var progress = new SynchronousProgress<BERTopicProgress>(p => { lock (stages) stages.Add(p.Stage); });
        Manual().FitTransform(docs, emb, labels, progress);
        Assert.Contains(BERTopicStages.Reduction, stages);
        Assert.Contains(BERTopicStages.Clustering, stages);
        Assert.Contains(BERTopicStages.Representation, stages);
        Assert.Contains(BERTopicStages.RepresentativeDocuments, stages);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Manual().FitTransform(docs, emb, labels, cancellationToken: cts.Token));
    }

    [Fact]
    public void SparseEmbeddingsGiveSparseTopicEmbeddings()
    {
        var (docs, labels, emb) = TestCorpus.Create([5, 7, 3], noise: 0);
        int n = docs.Length;
        var ptr = new int[n + 1];
        var idx = new List<int>();
        var val = new List<float>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 4; j++) if (emb[i, j] > 0.5f) { idx.Add(j); val.Add(emb[i, j]); }
            ptr[i + 1] = idx.Count;
        }
        var model = Manual();
        var (topics, _) = model.FitTransform(docs, new CsrMatrix(n, 4, ptr, [.. idx], [.. val]), labels);
        Assert.Equal(n, topics.Length);
        Assert.Equal(4, model.TopicEmbeddings!.GetLength(1));
    }

    [Fact]
    public void SoftMembershipsAreMappedToTopicsWithoutTheOutlierColumn()
    {
        var (docs, labels, emb) = TestCorpus.Create([5, 12, 8]);
        var clusterer = new FixedSoftClusterer(labels);
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = clusterer, CalculateProbabilities = true });
        var (topics, probabilities) = model.FitTransform(docs, emb);
        Assert.True(probabilities!.IsMatrix);
        var m = probabilities.Matrix!;
        Assert.Equal(3, m.GetLength(1));
        for (int i = 0; i < docs.Length; i++)
            if (topics[i] >= 0) Assert.Equal(0.9f, m[i, topics[i]], 5); // the clusterer's own cluster gets 0.9

        var perDoc = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new FixedSoftClusterer(labels) });
        var (_, strengths) = perDoc.FitTransform(docs, emb);
        Assert.False(strengths!.IsMatrix);
        Assert.Equal(docs.Length, strengths.PerDocument!.Length);
    }

    /// <summary>A clusterer returning given labels, strength 0.5 and soft membership 0.9 in the own cluster.</summary>
    private sealed class FixedSoftClusterer(int[] labels) : IClusterer
    {
        public ClusterAssignment Fit(float[,] points, int[]? y = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
            new((int[])labels.Clone(), [.. labels.Select(_ => 0.5f)]);

        public float[,]? SoftMemberships(CancellationToken cancellationToken = default)
        {
            int k = labels.Max() + 1;
            var soft = new float[labels.Length, k];
            for (int i = 0; i < labels.Length; i++)
                for (int c = 0; c < k; c++) soft[i, c] = labels[i] == c ? 0.9f : 0.05f / k;
            return soft;
        }
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts asynchronously).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

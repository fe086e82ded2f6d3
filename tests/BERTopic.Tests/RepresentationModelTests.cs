using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Reduction;
using BERTopicNet.Representation;

namespace BERTopicNet.Tests;

public class RepresentationModelTests
{
    /// <summary>A deterministic toy embedder: each known theme word is a direct vector; texts sum their words.</summary>
    private sealed class ThemeEmbedder : IEmbeddingModel
    {
        public string Name => "theme-toy";
        public int Calls;

        public float[,] Embed(IReadOnlyList<string> documents, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            var e = new float[documents.Count, 4];
            for (int i = 0; i < documents.Count; i++)
            {
                foreach (var w in documents[i].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    int theme = Array.FindIndex(TestCorpus.Themes, t => t.Contains(w.Trim('.', ':')));
                    e[i, theme < 0 ? 3 : theme] += 1f;
                    e[i, (w.Length % 3)] += 0.05f;
                }
            }
            return e;
        }
    }

    private static BERTopic Model(IRepresentationModel representation, IEmbeddingModel? embedder) =>
        new(new BERTopicOptions
        {
            UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer(),
            RepresentationModel = representation, EmbeddingModel = embedder,
        });

    [Fact]
    public void MaximalMarginalRelevanceKeepsCtfidfOrderOfTheChosenWords()
    {
        var (docs, labels, emb) = TestCorpus.Create([8, 12, 9]);
        var plain = Model(null!, null);
        plain.FitTransform(docs, emb, labels);
        var model = Model(new MaximalMarginalRelevance(diversity: 0.3, topNWords: 5), new ThemeEmbedder());
        model.FitTransform(docs, emb, labels);
        foreach (var topic in model.TopicIds)
        {
            var words = model.GetTopic(topic)!;
            // As in Python, choosing the filler "" keeps every filler entry of the candidates.
            Assert.InRange(words.Select(w => w.Word).Distinct().Count(), 1, 5);
            Assert.True(words.Zip(words.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        }
        var football = model.GetTopic(0)!;
        Assert.All(football, w => Assert.Contains(w.Word, plain.GetTopic(0)!.Select(x => x.Word).Concat([""])));
    }

    [Fact]
    public void MmrSelectionTradesRelevanceForDiversity()
    {
        double[][] words = [[1, 0], [0.99, 0.141], [0, 1]];
        double[] topic = [0.8, 0.6];
        Assert.Equal([1, 0], MaximalMarginalRelevance.Select(topic, words, 0, 2));
        Assert.Equal([1, 2], MaximalMarginalRelevance.Select(topic, words, 0.9, 2));
    }

    [Fact]
    public void KeyBertInspiredScoresCandidatesBySimilarityToRepresentativeDocs()
    {
        var (docs, labels, emb) = TestCorpus.Create([8, 12, 9]);
        var embedder = new ThemeEmbedder();
        var model = Model(new KeyBertInspired(topNWords: 4), embedder);
        model.FitTransform(docs, emb, labels);
        var football = model.GetTopic(0)!;
        Assert.Equal(4, football.Count);
        Assert.All(football, w => Assert.Contains(w.Word, TestCorpus.Themes[1]));
        Assert.True(football.Zip(football.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.InRange(football[0].Score, 0.9, 1.0);
    }

    [Fact]
    public void PipelineAppliesModelsInTurn()
    {
        var (docs, labels, emb) = TestCorpus.Create([8, 12, 9]);
        var model = Model(new RepresentationPipeline(new KeyBertInspired(topNWords: 6), new MaximalMarginalRelevance(0.5, 3)), new ThemeEmbedder());
        model.FitTransform(docs, emb, labels);
        Assert.InRange(model.GetTopic(0)!.Select(w => w.Word).Distinct().Count(), 1, 3);
    }

    [Fact]
    public void EmbeddingModelIsRequired()
    {
        var (docs, labels, emb) = TestCorpus.Create([8, 12, 9]);
        Assert.Contains("embedding model", Assert.Throws<InvalidOperationException>(() => Model(new MaximalMarginalRelevance(), null).FitTransform(docs, emb, labels)).Message);
        Assert.Contains("embedding model", Assert.Throws<InvalidOperationException>(() => Model(new KeyBertInspired(), null).FitTransform(docs, emb, labels)).Message);
    }

    [Fact]
    public void FindTopicsRanksTopicsBySimilarityToTheSearchTerm()
    {
        var (docs, labels, emb) = TestCorpus.Create([8, 12, 9], noise: 0);
        var embedder = new ThemeEmbedder();
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer(), EmbeddingModel = embedder });
        var (topics, _) = model.FitTransform(docs, embedder.Embed(docs), labels);
        int breadTopic = topics[Array.FindIndex(labels, l => l == 2)];
        var found = model.FindTopics("bread oven", topN: 2);
        Assert.Equal(2, found.Count);
        Assert.Equal(breadTopic, found[0].Topic);
        Assert.True(found[0].Similarity >= found[1].Similarity);
        var withoutModel = Model(null!, null);
        withoutModel.FitTransform(docs, emb, labels);
        Assert.Contains("EmbeddingModel", Assert.Throws<InvalidOperationException>(() => withoutModel.FindTopics("x")).Message);
    }
}

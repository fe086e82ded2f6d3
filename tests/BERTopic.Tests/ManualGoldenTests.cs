using System.Text.Json;
using BERTopicNet.Clustering;
using BERTopicNet.IO;
using BERTopicNet.Reduction;
using BERTopicNet.Testing;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Tests;

/// <summary>
/// Manual topic modeling (gold labels as y, identity reducer, labels as clusters) against Python BERTopic 0.17.4's
/// outputs in ../shared/data/reference/&lt;corpus&gt;/manual.json: topic per document, sizes, labels, words and scores.
/// </summary>
public class ManualGoldenTests
{
    private static BERTopicOptions Setting(string name) => name switch
    {
        "default" => new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() },
        "bm25_reduce_frequent" => new BERTopicOptions
        {
            UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer(),
            CtfidfModel = new ClassTfidfTransformer(new ClassTfidfOptions { Bm25Weighting = true, ReduceFrequentWords = true }),
        },
        "ngram12_english_min_df2" => new BERTopicOptions
        {
            UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer(),
            VectorizerModel = new CountVectorizer(new CountVectorizerOptions { NGramRange = (1, 2), StopWords = StopWordLists.English, MinDf = 2 }),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    internal static (List<string> Docs, int[] Y, float[,] Embeddings, JsonElement Reference) Load(string corpus, string file)
    {
        var reference = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("reference", corpus, file))).RootElement;
        var corpusDocs = JsonlCorpus.Read(SharedData.PathOf(corpus, "docs.jsonl"));
        int[] y = [];
        if (reference.TryGetProperty("label_names", out var names))
        {
            var labelNames = names.EnumerateArray().Select(e => e.GetString()!).ToList();
            y = [.. corpusDocs.Select(d => labelNames.IndexOf(d.Label!))];
        }
        return (corpusDocs.ConvertAll(d => d.Text), y, Npy.ReadMatrix(SharedData.PathOf(corpus, "embeddings.npy")), reference);
    }

    internal static void AssertMatches(BERTopic model, int[] topics, JsonElement expected)
    {
        var expectedTopics = expected.GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(expectedTopics, topics);
        foreach (var size in expected.GetProperty("topic_sizes").EnumerateObject())
            Assert.Equal(size.Value.GetInt32(), model.GetTopicFreq(int.Parse(size.Name)));
        Assert.Equal(expected.GetProperty("topic_sizes").EnumerateObject().Count(), model.TopicSizes.Count);
        foreach (var topic in expected.GetProperty("topic_words").EnumerateObject())
        {
            var words = model.GetTopic(int.Parse(topic.Name));
            Assert.NotNull(words);
            var exp = topic.Value.EnumerateArray().ToList();
            Assert.Equal(exp.Count, words!.Count);
            for (int i = 0; i < exp.Count; i++)
            {
                Assert.Equal(exp[i][0].GetString(), words[i].Word);
                Assert.True(Math.Abs(exp[i][1].GetDouble() - words[i].Score) <= 1e-6,
                    $"topic {topic.Name} word {i} '{words[i].Word}': expected {exp[i][1].GetDouble():R}, got {words[i].Score:R}");
            }
        }
        foreach (var label in expected.GetProperty("topic_labels").EnumerateObject())
            Assert.Equal(label.Value.GetString(), model.TopicLabels[int.Parse(label.Name)]);
    }

    [SharedDataTheory]
    [InlineData("default")]
    [InlineData("bm25_reduce_frequent")]
    [InlineData("ngram12_english_min_df2")]
    public void BbcNewsMatchesPython(string setting)
    {
        var (docs, y, embeddings, reference) = Load("bbc_news", "manual.json");
        var model = new BERTopic(Setting(setting));
        var (topics, probabilities) = model.FitTransform(docs, embeddings, y);
        Assert.Null(probabilities); // BaseCluster gives no probabilities in Python either
        AssertMatches(model, topics, reference.GetProperty(setting));
    }

    [SharedDataFact]
    public void TwentyNewsgroupsDefaultMatchesPython()
    {
        var (docs, y, embeddings, reference) = Load("20newsgroups", "manual.json");
        var model = new BERTopic(Setting("default"));
        var (topics, _) = model.FitTransform(docs, embeddings, y);
        AssertMatches(model, topics, reference.GetProperty("default"));
    }
}

using System.Text.Json;
using BERTopicNet.Testing;

namespace BERTopicNet.Evaluation.Tests;

/// <summary>Python BERTopic's topics on 20 Newsgroups vs the newsgroups: the values scikit-learn 1.2.1 gives.</summary>
public sealed class RealCorpusTests
{
    [SharedDataFact]
    public void PythonTopicsOnTwentyNewsgroupsScoreAsInScikitLearn()
    {
        var labels = File.ReadLines(SharedData.PathOf("20newsgroups", "docs.jsonl"))
            .Select(l => { using var d = JsonDocument.Parse(l); return d.RootElement.GetProperty("label").GetString()!; }).ToArray();
        var names = labels.Distinct().Order(StringComparer.Ordinal).ToList();
        var gold = labels.Select(l => names.IndexOf(l)).ToArray();
        using var reference = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("reference", "20newsgroups", "bertopic.json")));
        var topics = reference.RootElement.GetProperty("fit").GetProperty("doc_topics").EnumerateArray().Select(e => e.GetInt32()).ToArray();

        Assert.Equal(0.09140931825048568, ClusteringMetrics.AdjustedRandIndex(gold, topics), 12);
        Assert.Equal(0.42641666831245517, ClusteringMetrics.NormalizedMutualInformation(gold, topics), 12);
        Assert.Equal(0.34675793271781813, TopicMetrics.OutlierShare(topics), 12);
    }
}

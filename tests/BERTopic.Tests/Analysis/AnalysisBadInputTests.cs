using BERTopicNet.Analysis;
using BERTopicNet.Clustering;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests.Analysis;

/// <summary>Clear errors on bad input to the analysis functions, and the CSV export.</summary>
public class AnalysisBadInputTests
{
    private static (BERTopic Model, string[] Docs) Fit(int topics)
    {
        string[] vocab = ["alpha beta gamma", "delta epsilon zeta", "eta theta iota"];
        var docs = Enumerable.Range(0, 30).Select(i => vocab[i % topics] + " common word " + i).ToArray();
        var y = Enumerable.Range(0, 30).Select(i => i % topics).ToArray();
        var emb = new float[30, 2];
        for (int i = 0; i < 30; i++) { emb[i, 0] = i; emb[i, 1] = 1; }
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        model.Fit(docs, emb, y);
        return (model, docs);
    }

    [Fact]
    public void TimestampCountMustMatchDocuments()
    {
        var (m, docs) = Fit(3);
        var e = Assert.Throws<ArgumentException>(() => m.TopicsOverTime(docs, Enumerable.Repeat(new DateTime(2000, 1, 1), 29).ToList()));
        Assert.Contains("29 timestamps for 30 documents", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => m.TopicsOverTime(docs, Enumerable.Repeat("2000", 31).ToList()));
    }

    [Fact]
    public void UnparsableTimestampIsNamed()
    {
        var (m, docs) = Fit(3);
        var stamps = Enumerable.Repeat("2001-02-03", 30).ToList();
        stamps[7] = "next tuesday";
        var e = Assert.Throws<ArgumentException>(() => m.TopicsOverTime(docs, stamps));
        Assert.Contains("timestamps[7] = \"next tuesday\" is not a date", e.Message, StringComparison.Ordinal);
        var f = Assert.Throws<ArgumentException>(() => m.TopicsOverTime(docs, Enumerable.Repeat("2001-02-03", 30).ToList(), new TopicsOverTimeOptions { DatetimeFormat = "dd/MM/yyyy" }));
        Assert.Contains("does not match the format", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NrBinsBelowOneIsRejected(int bins)
    {
        var (m, docs) = Fit(3);
        var e = Assert.Throws<ArgumentException>(() => m.TopicsOverTime(docs, Enumerable.Repeat(new DateTime(2000, 1, 1), 30).ToList(), new TopicsOverTimeOptions { NrBins = bins }));
        Assert.Contains("NrBins must be at least 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleTopicHasNoHierarchy()
    {
        var (m, docs) = Fit(1);
        var e = Assert.Throws<ArgumentException>(() => m.HierarchicalTopics(docs));
        Assert.Contains("at least two topics", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentsAndClassesMustMatch()
    {
        var (m, docs) = Fit(3);
        Assert.Throws<ArgumentException>(() => m.TopicsPerClass(docs[..10], Enumerable.Repeat("a", 10).ToList()));
        var e = Assert.Throws<ArgumentException>(() => m.TopicsPerClass(docs, Enumerable.Repeat("a", 12).ToList()));
        Assert.Contains("12 classes for 30 documents", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new BERTopic().TopicsPerClass(docs, docs));
    }

    [Fact]
    public void CustomDistanceAndLinkageAreUsedAndChecked()
    {
        var (m, docs) = Fit(3);
        var rows = m.HierarchicalTopics(docs, new HierarchicalTopicsOptions
        {
            DistanceFunction = _ => [1, 2, 3],   // condensed: d01 = 1, d02 = 2, d12 = 3
            LinkageFunction = (d, n) => HierarchicalClustering.Linkage(d, n, ClusterLinkage.Single),
        });
        Assert.Equal([3, 4], rows.Select(r => r.ParentId).Order());
        Assert.Equal((0, 1, 1.0), (rows[1].ChildLeftId, rows[1].ChildRightId, rows[1].Distance));
        Assert.Throws<ArgumentException>(() => m.HierarchicalTopics(docs, new HierarchicalTopicsOptions { DistanceFunction = _ => [1, 2] }));
        Assert.Throws<ArgumentException>(() => m.HierarchicalTopics(docs, new HierarchicalTopicsOptions { DistanceFunction = _ => [0, 1, 2, 9, 0, 3, 2, 3, 0] }));
        Assert.Throws<ArgumentException>(() => m.HierarchicalTopics(docs, new HierarchicalTopicsOptions { LinkageFunction = (_, _) => [new LinkageRow(0, 0, 1, 2), new LinkageRow(1, 2, 2, 3)] }));
    }

    [Fact]
    public void CsvHasHeaderAndQuotesCommas()
    {
        var (m, docs) = Fit(3);
        var perClass = m.TopicsPerClass(docs, docs.Select((_, i) => i % 2 == 0 ? "even" : "odd, \"quoted\"").ToList());
        var csv = TopicTables.ToCsv(perClass).Split("\r\n");
        Assert.Equal("Topic,Words,Frequency,Class", csv[0]);
        Assert.Equal(perClass.Count + 2, csv.Length);
        Assert.Contains(csv, l => l.EndsWith(",\"odd, \"\"quoted\"\"\"", StringComparison.Ordinal));
        var hier = TopicTables.ToCsv(m.HierarchicalTopics(docs)).Split("\r\n");
        Assert.Equal("Parent_ID,Parent_Name,Topics,Child_Left_ID,Child_Left_Name,Child_Right_ID,Child_Right_Name,Distance", hier[0]);
        Assert.StartsWith("4,", hier[1], StringComparison.Ordinal);
        Assert.Contains("\"[0, 1, 2]\"", hier[1], StringComparison.Ordinal);
        var time = TopicTables.ToCsv(m.TopicsOverTime(docs, docs.Select((_, i) => $"{2000 + i % 4}").ToList()));
        Assert.StartsWith("Topic,Words,Frequency,Timestamp\r\n", time, StringComparison.Ordinal);
        Assert.Contains(",2003-01-01T00:00:00\r\n", time, StringComparison.Ordinal);
    }
}

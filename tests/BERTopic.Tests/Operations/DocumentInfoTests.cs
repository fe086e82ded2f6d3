using BERTopicNet.Testing;

namespace BERTopicNet.Tests.Operations;

public class DocumentInfoTests
{
    [Fact]
    public void RowsCarryTheTopicDetailsOfEachDocument()
    {
        var (model, docs, topics, _) = OperationsData.Manual();
        var rows = model.GetDocumentInfo(docs);
        Assert.Equal(docs.Length, rows.Count);
        var info = model.GetTopicInfo().ToDictionary(r => r.Topic);
        var representative = model.GetRepresentativeDocs().Values.SelectMany(d => d).ToHashSet();
        for (int i = 0; i < docs.Length; i++)
        {
            var row = rows[i];
            Assert.Equal(docs[i], row.Document);
            Assert.Equal(topics[i], row.Topic);
            Assert.Equal(info[topics[i]].Name, row.Name);
            Assert.Null(row.CustomName);
            Assert.Equal(info[topics[i]].Representation, row.Representation);
            Assert.Equal(info[topics[i]].RepresentativeDocs, row.RepresentativeDocs);
            Assert.Equal(string.Join(" - ", model.GetTopic(topics[i])!.Select(w => w.Word)), row.TopNWords);
            Assert.Null(row.Probability); // the manual clusterer gives no probabilities
            Assert.Equal(representative.Contains(docs[i]), row.RepresentativeDocument);
            Assert.Null(row.Metadata);
        }
        Assert.Contains(rows, r => r.RepresentativeDocument);
        Assert.Contains(rows, r => !r.RepresentativeDocument);
    }

    [Fact]
    public void CustomLabelsAndCallerColumnsAreIncluded()
    {
        var (model, docs, _, _) = OperationsData.Manual();
        model.SetTopicLabels(new Dictionary<int, string> { [0] = "Football" });
        var df = docs.Select((d, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["row"] = i }).ToArray();
        var rows = model.GetDocumentInfo(docs, df);
        Assert.All(rows.Where(r => r.Topic == 0), r => Assert.Equal("Football", r.CustomName));
        Assert.All(rows.Where(r => r.Topic == 1), r => Assert.Equal(model.TopicLabels[1], r.CustomName));
        for (int i = 0; i < rows.Count; i++) Assert.Equal(i, rows[i].Metadata!["row"]);
    }

    [Fact]
    public void BadInputs()
    {
        var (model, docs, _, _) = OperationsData.Manual();
        Assert.Equal("documents", Assert.Throws<ArgumentException>(() => model.GetDocumentInfo(docs[1..])).ParamName);
        Assert.Equal("df", Assert.Throws<ArgumentException>(() => model.GetDocumentInfo(docs, [new Dictionary<string, object?>()])).ParamName);
        Assert.Throws<InvalidOperationException>(() => new BERTopic().GetDocumentInfo(docs));
    }

    [SharedDataFact]
    public void BbcNewsPipelineProbabilitiesFollowPython()
    {
        var (model, docs, _, _, result) = OperationsData.BbcPipeline;
        var rows = model.GetDocumentInfo(docs);
        var matrix = result.Probabilities!.Matrix!;
        int k = matrix.GetLength(1);
        for (int i = 0; i < docs.Count; i++)
        {
            var probs = Enumerable.Range(0, k).Select(t => (double)matrix[i, t]).ToArray();
            double expected = rows[i].Topic == -1 ? 1 - probs.Sum() : probs.Max();
            Assert.Equal(expected, rows[i].Probability!.Value, 6);
            Assert.Equal(result.Topics[i], rows[i].Topic);
        }
        var repDocs = model.GetRepresentativeDocs().Values.SelectMany(d => d).ToHashSet();
        Assert.Equal(docs.Count(repDocs.Contains), rows.Count(r => r.RepresentativeDocument));
    }

    [SharedDataFact]
    public void BbcNewsOutlierProbabilityIsOneMinusTheRowSum()
    {
        var (model, result) = OperationsData.BbcHdbscan;
        var docs = OperationsData.Bbc.Docs;
        var rows = model.GetDocumentInfo(docs);
        var matrix = result.Probabilities!.Matrix!;
        int k = matrix.GetLength(1), outliers = 0;
        for (int i = 0; i < docs.Count; i++)
        {
            if (rows[i].Topic != -1) continue;
            outliers++;
            double sum = Enumerable.Range(0, k).Sum(t => (double)matrix[i, t]);
            Assert.Equal(1 - sum, rows[i].Probability!.Value, 5);
            Assert.Equal("", rows[i].CustomName ?? "");
            Assert.StartsWith("-1_", rows[i].Name);
        }
        Assert.True(outliers > 0);
    }
}

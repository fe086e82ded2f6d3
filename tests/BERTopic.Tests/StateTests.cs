using BERTopicNet.Clustering;
using BERTopicNet.Reduction;

namespace BERTopicNet.Tests;

public class StateTests
{
    [Fact]
    public void ExportedStateRestoresAnEquivalentModel()
    {
        var (docs, labels, emb) = TestCorpus.Create([5, 12, 8]);
        var options = new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() };
        var model = new BERTopic(options);
        model.FitTransform(docs, emb, labels);
        model.SetTopicLabels(["noise", "a", "b", "c"]);
        var copy = new BERTopic(options);
        copy.RestoreState(model.ExportState());
        Assert.Equal(model.GetTopicInfo(), copy.GetTopicInfo(), (a, b) => a.Topic == b.Topic && a.Count == b.Count && a.Name == b.Name
            && a.CustomName == b.CustomName && a.Representation.SequenceEqual(b.Representation) && a.RepresentativeDocs.SequenceEqual(b.RepresentativeDocs));
        Assert.Equal(model.GetTopicFreq(), copy.GetTopicFreq());
        Assert.Equal(model.Transform(docs, emb).Topics, copy.Transform(docs, emb).Topics);
        // The restored model supports topic operations.
        copy.MergeTopics(docs, [1, 2]);
        Assert.Equal(2, copy.TopicIds.Count(t => t >= 0));
    }

    [Fact]
    public void InconsistentStateIsRejected()
    {
        var (docs, labels, emb) = TestCorpus.Create([5, 12, 8]);
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        model.FitTransform(docs, emb, labels);
        var state = model.ExportState();
        Assert.Throws<InvalidDataException>(() => new BERTopic().RestoreState(state with { TopicIds = [0, 1, 2] }));
        Assert.Throws<InvalidDataException>(() => new BERTopic().RestoreState(state with { TopicEmbeddings = new float[2, 4] }));
        Assert.Throws<InvalidDataException>(() => new BERTopic().RestoreState(state with { CustomLabels = ["x"] }));
    }
}

namespace BERTopicNet.Evaluation.Tests;

public sealed class TopicMetricsTests
{
    [Fact]
    public void OutlierShareCountsMinusOne()
    {
        Assert.Equal(0.4, TopicMetrics.OutlierShare([-1, 0, 1, -1, 2]), 15);
        Assert.Equal(0.0, TopicMetrics.OutlierShare([]));
        Assert.Equal(0.2, TopicMetrics.OutlierShare([9, 0, 1, 3, 2], outlierTopic: 9), 15);
    }

    [Fact]
    public void DiversityIsUniqueWordsOverTopNTimesTopics()
    {
        string[][] topics = [["a", "b", "c", "x"], ["a", "d", "e", "y"], ["f", "b", "g", "z"]];
        // top 3: {a,b,c} ∪ {a,d,e} ∪ {f,b,g} = 7 distinct of 9
        Assert.Equal(7.0 / 9, TopicMetrics.TopicDiversity(topics, topN: 3), 15);
        Assert.Equal(1.0, TopicMetrics.TopicDiversity([["a", "b"]], topN: 2));
        Assert.Throws<ArgumentException>(() => TopicMetrics.TopicDiversity(topics, topN: 5));
        Assert.Throws<ArgumentException>(() => TopicMetrics.TopicDiversity([], topN: 5));
    }
}

using BERTopicNet.Testing;

namespace BERTopicNet.Tests.Operations;

public class ApproximateDistributionTests
{
    [Fact]
    public void WindowsFollowPythonsTokenSets()
    {
        // 6 tokens, window 4, stride 1: [0..4), [1..5), [2..6); the shorter tails are dropped.
        Assert.Equal([(0, 4), (1, 4), (2, 4)], BERTopic.WindowSpans(6, 4, 1, padding: false));
        // Stride 2: starts 0, 2, 4 → only 0 and 2 are full.
        Assert.Equal([(0, 4), (2, 4)], BERTopic.WindowSpans(6, 4, 2, padding: false));
        // Shorter than the window: the whole document is one window (also when empty).
        Assert.Equal([(0, 3)], BERTopic.WindowSpans(3, 4, 1, padding: false));
        Assert.Equal([(0, 0)], BERTopic.WindowSpans(0, 4, 1, padding: false));
        // Padding: ceil(4/1)-1 = 3 leading windows of 1, 2, 3 tokens, then every start with the short tails kept.
        Assert.Equal([(0, 1), (0, 2), (0, 3), (0, 4), (1, 4), (2, 4), (3, 3), (4, 2), (5, 1)], BERTopic.WindowSpans(6, 4, 1, padding: true));
        // Padding, stride 2: ceil(4/2)-1 = 1 leading window of 2 tokens; starts 0, 2, 4.
        Assert.Equal([(0, 2), (0, 4), (2, 4), (4, 2)], BERTopic.WindowSpans(6, 4, 2, padding: true));
    }

    [Fact]
    public void ThemeDocumentsAreAboutTheirTopicAndRowsAreNormalised()
    {
        var (model, docs, topics, _) = OperationsData.Manual();
        var result = model.ApproximateDistribution(docs);
        Assert.Equal([0, 1, 2], result.TopicIds);
        Assert.Equal(docs.Length, result.Distributions.GetLength(0));
        Assert.Equal(3, result.Distributions.GetLength(1));
        Assert.Null(result.TokenDistributions);
        for (int i = 0; i < docs.Length; i++)
        {
            var row = Enumerable.Range(0, 3).Select(t => result.Distributions[i, t]).ToArray();
            Assert.All(row, v => Assert.InRange(v, 0f, 1f));
            if (topics[i] == -1) continue;
            Assert.Equal(1.0, row.Sum(), 5);
            Assert.Equal(topics[i], Array.IndexOf(row, row.Max()));
        }

        var unseen = model.ApproximateDistribution(["completely unrelated vocabulary here", ""]);
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(0f, unseen.Distributions[0, t]);
            Assert.Equal(0f, unseen.Distributions[1, t]);
        }
    }

    [Fact]
    public void MatchesADenseRecomputationOfWindowCosines()
    {
        var (model, _, _, _) = OperationsData.Manual();
        string doc = "The rocket and the football went to orbit; the coach baked bread in the oven after the match.";
        const double minSimilarity = 0.15;
        var result = model.ApproximateDistribution([doc], window: 3, stride: 2, minSimilarity: minSimilarity);

        // Independent computation: windows of the tokenizer's tokens, vectorizer + c-TF-IDF, dense cosine with every topic row.
        var tokens = System.Text.RegularExpressions.Regex.Matches(doc, @"\b\w\w+\b").Select(m => m.Value).ToArray();
        var sentences = new List<string>();
        for (int s = 0; s < tokens.Length; s += 2)
            if (s + 3 <= tokens.Length) sentences.Add(string.Join(' ', tokens[s..(s + 3)]));
        var weights = model.CtfidfModel.Transform(model.Vectorizer.Transform(sentences));
        var expected = new double[3];
        for (int w = 0; w < sentences.Count; w++)
        {
            var v = weights.DenseRow(w);
            for (int t = 0; t < 3; t++)
            {
                var topicRow = model.CTfidf.DenseRow(t + 1); // row 0 is topic -1
                double dot = 0, a = 0, b = 0;
                for (int j = 0; j < v.Length; j++) { dot += v[j] * topicRow[j]; a += v[j] * v[j]; b += topicRow[j] * topicRow[j]; }
                double cos = a > 0 && b > 0 ? dot / Math.Sqrt(a * b) : 0;
                if (cos >= minSimilarity) expected[t] += cos;
            }
        }
        double sum = expected.Sum();
        Assert.True(sum > 0);
        for (int t = 0; t < 3; t++) Assert.Equal(expected[t] / sum, result.Distributions[0, t], 5);
    }

    [Fact]
    public void TokenDistributionsSumWindowSimilaritiesPerToken()
    {
        var (model, docs, _, _) = OperationsData.Manual();
        var subset = docs.Take(5).Append("").ToArray();
        var result = model.ApproximateDistribution(subset, calculateTokens: true);
        Assert.NotNull(result.TokenDistributions);
        Assert.NotNull(result.Tokens);
        for (int d = 0; d < subset.Length; d++)
        {
            var tokenMatrix = result.TokenDistributions![d];
            Assert.Equal(result.Tokens![d].Count, tokenMatrix.GetLength(0));
            Assert.Equal(3, tokenMatrix.GetLength(1));
            // The document's distribution is the L1-normalised column sum of its token matrix.
            var colSums = Enumerable.Range(0, 3).Select(t => Enumerable.Range(0, tokenMatrix.GetLength(0)).Sum(r => (double)tokenMatrix[r, t])).ToArray();
            double total = colSums.Sum();
            for (int t = 0; t < 3; t++)
                Assert.Equal(total > 0 ? colSums[t] / total : 0, result.Distributions[d, t], 5);
        }
        Assert.Empty(result.Tokens![^1]);
        Assert.Equal("Doc", result.Tokens![0][0]); // the tokenizer keeps case, as build_tokenizer does
    }

    [Fact]
    public void ResultsDoNotDependOnBatchSizeAndProgressEndsAtOne()
    {
        var (model, docs, _, _) = OperationsData.Manual();
        var progress = new RecordingProgress();
        var one = model.ApproximateDistribution(docs, batchSize: 1, progress: progress);
        var all = model.ApproximateDistribution(docs, batchSize: null);
        Assert.Equal(all.Distributions, one.Distributions);
        Assert.Equal(docs.Length, progress.Reports.Count);
        Assert.All(progress.Reports, p => Assert.Equal(BERTopicStages.Distribution, p.Stage));
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
    }

    [Fact]
    public void EmbeddingModelWindowsUseTopicEmbeddings()
    {
        var embedder = new ThemeEmbeddingModel();
        var (model, _, _, _) = OperationsData.Manual(embedder);
        var result = model.ApproximateDistribution(["rocket orbit nasa launch football goal match league"], window: 4, minSimilarity: 0.5, useEmbeddingModel: true);
        // Windows: 5; the first is all space words, the last all football words; space topic = 2, football topic = 0.
        Assert.True(result.Distributions[0, OperationsData.ThemeTopic[0]] > 0.2);
        Assert.True(result.Distributions[0, OperationsData.ThemeTopic[1]] > 0.2);
        Assert.True(result.Distributions[0, OperationsData.ThemeTopic[2]] < 0.05);
        Assert.True(embedder.Calls > 0);

        var (noEmbedder, _, _, _) = OperationsData.Manual();
        var error = Assert.Throws<InvalidOperationException>(() => noEmbedder.ApproximateDistribution(["rocket"], useEmbeddingModel: true));
        Assert.Contains("EmbeddingModel", error.Message);
    }

    [Fact]
    public void BadInputsAndCancellation()
    {
        var (model, docs, _, _) = OperationsData.Manual();
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => model.ApproximateDistribution(docs, window: 0)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => model.ApproximateDistribution(docs, stride: 0)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => model.ApproximateDistribution(docs, batchSize: 0)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => model.ApproximateDistribution(docs, minSimilarity: double.NaN)).ParamName);
        Assert.Equal("documents", Assert.Throws<ArgumentException>(() => model.ApproximateDistribution(["ok", null!])).ParamName);
        Assert.Throws<InvalidOperationException>(() => new BERTopic().ApproximateDistribution(docs));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => model.ApproximateDistribution(docs, cancellationToken: cts.Token));
    }

    [SharedDataFact]
    public void BbcNewsDistributionsAgreeWithTheFittedTopics()
    {
        var model = OperationsData.BbcReplay;
        var (docs, _, _, topics) = OperationsData.Bbc;
        var sample = Enumerable.Range(0, docs.Count).Where(i => topics[i] != -1 && i % 10 == 0).ToArray();
        var result = model.ApproximateDistribution(sample.Select(i => docs[i]).ToArray());
        int agree = 0;
        for (int s = 0; s < sample.Length; s++)
        {
            int best = 0;
            for (int t = 1; t < result.TopicIds.Count; t++)
                if (result.Distributions[s, t] > result.Distributions[s, best]) best = t;
            if (result.TopicIds[best] == topics[sample[s]]) agree++;
        }
        // Windows of 4 words recover the document's own topic for most training documents.
        Assert.True(agree >= 0.6 * sample.Length, $"{agree} of {sample.Length} documents peak at their fitted topic");
    }
}

using BERTopicNet.Clustering;
using BERTopicNet.Reduction;

namespace BERTopicNet.Visualization.Tests;

/// <summary>The extension methods on a fitted <see cref="BERTopic"/> read its state correctly.</summary>
public sealed class FacadeTests
{
    /// <summary>A small corpus with four word families and clustered embeddings, fitted with its known labels.</summary>
    internal static (BERTopic Model, string[] Docs, float[,] Embeddings) FitSmallModel(bool withOutliers = true)
    {
        string[][] families =
        [
            ["space", "orbit", "launch", "nasa", "rocket", "moon"],
            ["game", "team", "season", "player", "hockey", "score"],
            ["windows", "driver", "card", "monitor", "video", "software"],
            ["god", "church", "faith", "bible", "belief", "jesus"],
        ];
        var rng = new Random(3);
        int n = 160;
        var docs = new string[n];
        var y = new int[n];
        var emb = new float[n, 8];
        for (int i = 0; i < n; i++)
        {
            int f = i % families.Length;
            // Larger families first so that topic ids equal family ids; every 10th doc is an outlier.
            if (i % 7 == 0 && f == 3) f = 0;
            y[i] = withOutliers && i % 10 == 9 ? -1 : f;
            docs[i] = string.Join(' ', Enumerable.Range(0, 12).Select(_ => families[f][rng.Next(families[f].Length)]));
            for (int c = 0; c < 8; c++) emb[i, c] = (c == f ? 1f : 0f) + (float)(rng.NextDouble() * 0.2);
        }
        var model = new BERTopic(new BERTopicOptions { UmapModel = new NoDimensionalityReduction(), HdbscanModel = new ManualClusterer() });
        model.Fit(docs, emb, y);
        return (model, docs, emb);
    }

    [Fact]
    public void ToChartData_mirrors_the_fitted_model()
    {
        var (model, _, _) = FitSmallModel();
        var data = model.ToChartData();
        Assert.Equal(model.TopicIds, data.TopicIds);
        Assert.True(data.HasOutliers);
        foreach (var t in model.TopicIds)
        {
            int row = data.IndexOf(t);
            Assert.Equal(model.TopicSizes[t], data.Sizes[row]);
            Assert.Equal(model.GetTopic(t)!.Where(w => !w.IsFiller).Select(w => w.Word), data.Words[row].Select(w => w.Word));
        }
        Assert.NotNull(data.CTfIdf);
        Assert.Equal(model.CTfidf.Columns, data.CTfIdf!.Columns);
        Assert.NotNull(data.TopicEmbeddings);
        Assert.Equal(model.DocumentTopics, data.DocumentTopics!);
        Assert.Equal(model.TopicLabels[0], data.Label(data.IndexOf(0)));
    }

    [Fact]
    public void Charts_and_labels_leave_out_the_filler_words()
    {
        var (model, _, _) = FitSmallModel();
        // Six words a family, ten words a topic: Python pads with ("", 1e-05), and so does GetTopic.
        Assert.Contains(model.GetTopic(0)!, w => w.IsFiller && w.Word == "" && w.Score == 1e-5);
        var data = model.ToChartData();
        Assert.All(data.Words, words => Assert.DoesNotContain(words, w => w.IsFiller));
        Assert.DoesNotContain("__", model.TopicLabels[0]);
        Assert.Equal(model.TopicLabels[0], data.Label(data.IndexOf(0)));
        var bars = model.VisualizeBarchart(new BarchartOptions { WordCount = 10 });
        Assert.All(bars.Data, trace => Assert.DoesNotContain(trace!["y"]!.AsArray(), y => y!.GetValue<string>().Trim().Length == 0));
        Assert.Equal(model.GetTopic(0)!.Count(w => !w.IsFiller), bars.Data[0]!["y"]!.AsArray().Count);
    }

    [Fact]
    public void Distribution_of_a_document_without_a_probability_matrix_points_to_ApproximateDistribution()
    {
        var (model, docs, _) = FitSmallModel();
        Assert.Null(model.Probabilities?.Matrix);
        var e = Assert.Throws<InvalidOperationException>(() => model.VisualizeDistribution(document: 0));
        Assert.Contains("CalculateProbabilities = true", e.Message);
        Assert.Contains("ApproximateDistribution", e.Message);
        var distribution = model.ApproximateDistribution([docs[0]]);
        var figure = model.VisualizeDistribution(distribution.Row(0));
        Assert.NotEmpty(figure.Data[0]!["x"]!.AsArray());
    }

    [Fact]
    public void Every_chart_is_drawn_from_the_model()
    {
        var (model, docs, emb) = FitSmallModel();
        int k = model.TopicIds.Count(t => t >= 0);
        Assert.Equal(k, model.VisualizeTopics().Data[0]!["x"]!.AsArray().Count);
        Assert.Equal(Math.Min(8, k), model.VisualizeBarchart().Data.Count);
        Assert.Equal(k, model.VisualizeHeatmap().Data[0]!["z"]!.AsArray().Count);
        Assert.Equal(k - 1, model.VisualizeHierarchy().Data[^1]!["x"]!.AsArray().Count);
        Assert.Equal(k, model.VisualizeTermRank().Data.Count);
        var map = model.VisualizeDocuments(emb, docs);
        Assert.Equal(docs.Length, map.Data.Sum(t => t!["x"]!.AsArray().Count));
        var dist = model.VisualizeDistribution(new float[] { 0.5f, 0.01f, 0.3f, 0.2f });
        Assert.Equal(3, dist.Data[0]!["x"]!.AsArray().Count);
    }

    [Fact]
    public void Custom_labels_are_used_when_asked()
    {
        var (model, _, _) = FitSmallModel();
        model.SetTopicLabels(new Dictionary<int, string> { [0] = "Space exploration" });
        var fig = model.VisualizeHierarchy(new HierarchyOptions { UseCustomLabels = true });
        Assert.Contains("Space exploration", fig.Layout["yaxis"]!["ticktext"]!.AsArray().Select(n => n!.GetValue<string>()));
        var plain = model.VisualizeHierarchy();
        Assert.DoesNotContain("Space exploration", plain.Layout["yaxis"]!["ticktext"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Unfitted_model_and_missing_probability_matrix_give_clear_errors()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new BERTopic().VisualizeTopics());
        Assert.Contains("not fitted", e.Message, StringComparison.Ordinal);
        var (model, _, _) = FitSmallModel();
        var e2 = Assert.Throws<InvalidOperationException>(() => model.VisualizeDistribution(0));
        Assert.Contains("CalculateProbabilities", e2.Message, StringComparison.Ordinal);
        var e3 = Assert.Throws<InvalidOperationException>(() => model.VisualizeDocuments(["a doc"]));
        Assert.Contains("embedding model", e3.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;

namespace BERTopicNet.Visualization.Tests;

/// <summary>What the figures hold, checked on their JSON.</summary>
public sealed class ChartContentTests
{
    private static readonly (TopicChartData Data, float[,] Emb, string[] Docs) M = SyntheticTopics.Create(10, 800);

    private static List<double> Numbers(JsonNode? n) =>
        n!.AsArray().Select(v => double.Parse(v!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void Topic_circles_scale_with_size_and_hover_shows_five_words()
    {
        var fig = M.Data.VisualizeTopics();
        var trace = fig.Data[0]!;
        var sizes = Numbers(trace["marker"]!["size"]);
        var ids = trace["customdata"]!.AsArray().Select(c => c![0]!.GetValue<int>()).ToArray();
        Assert.Equal(Enumerable.Range(0, 10), ids);
        for (int i = 0; i < 10; i++) Assert.Equal(M.Data.Sizes[M.Data.IndexOf(i)], sizes[i]);
        Assert.Equal(M.Data.JoinWords(M.Data.IndexOf(3), 5, " | "), trace["customdata"]![3]![1]!.GetValue<string>());
        // The slider's step k colours topic k red and the others grey.
        var step = fig.Layout["sliders"]![0]!["steps"]![4]!;
        var colors = step["args"]![0]!["marker.color"]![0]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        Assert.Equal("red", colors[4]);
        Assert.Equal(9, colors.Count(c => c == "#B0BEC5"));
    }

    [Fact]
    public void Topic_map_keeps_similar_topics_close()
    {
        // Topics 0 and 1 get nearly identical embeddings: they must be nearer to each other than to any other topic.
        var (data, _, _) = SyntheticTopics.Create(8, 200, dim: 6, seed: 5);
        var emb = (float[,])data.TopicEmbeddings!.Clone();
        int r0 = data.IndexOf(0), r1 = data.IndexOf(1);
        for (int c = 0; c < emb.GetLength(1); c++) emb[r1, c] = emb[r0, c] + 0.001f;
        var twin = new TopicChartData(data.TopicIds, data.Sizes, data.Words) { TopicEmbeddings = emb };
        foreach (var method in new[] { PlanarMethod.Pca, PlanarMethod.Umap })
        {
            var t = twin.VisualizeTopics(new TopicsChartOptions { Projection = method }).Data[0]!;
            var x = Numbers(t["x"]); var y = Numbers(t["y"]);
            double D(int a, int b) => Math.Sqrt((x[a] - x[b]) * (x[a] - x[b]) + (y[a] - y[b]) * (y[a] - y[b]));
            var others = Enumerable.Range(2, 6).Select(k => D(0, k)).Order().ToArray();
            // PCA keeps the twin nearest; UMAP (2 neighbours) at least keeps it nearer than most topics.
            Assert.True(D(0, 1) < (method == PlanarMethod.Pca ? others[0] : others[3]), $"{method}: the twin of topic 0 is placed far from it");
        }
    }

    [Fact]
    public void Barchart_takes_the_most_frequent_topics_in_id_order_with_words_best_at_top()
    {
        var fig = M.Data.VisualizeBarchart(new BarchartOptions { TopN = 3, WordCount = 4 });
        var expected = M.Data.TopicIds.Where(t => t >= 0).OrderByDescending(t => M.Data.Sizes[M.Data.IndexOf(t)]).Take(3).Order().ToArray();
        Assert.Equal(expected.Select(t => $"Topic {t}"), fig.Data.Select(d => d!["name"]!.GetValue<string>()));
        var words = fig.Data[0]!["y"]!.AsArray().Select(w => w!.GetValue<string>().Trim()).ToArray();
        Assert.Equal(M.Data.Words[M.Data.IndexOf(expected[0])].Take(4).Reverse().Select(w => w.Word), words);
        Assert.Equal(4 * 250, fig.Layout["width"]!.GetValue<int>() + 250); // 3 columns of 250 px
        // Explicit topics keep the caller's order.
        var given = M.Data.VisualizeBarchart(new BarchartOptions { Topics = [5, 1, 3] });
        Assert.Equal(["Topic 5", "Topic 1", "Topic 3"], given.Data.Select(d => d!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Heatmap_is_symmetric_with_unit_diagonal_and_cluster_order_is_a_permutation()
    {
        var fig = M.Data.VisualizeHeatmap(new HeatmapOptions { ClusterCount = 3 });
        var z = fig.Data[0]!["z"]!.AsArray().Select(r => Numbers(r)).ToArray();
        Assert.Equal(10, z.Length);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(1.0, z[i][i], 4);
            for (int j = 0; j < 10; j++) Assert.Equal(z[i][j], z[j][i], 6);
        }
        var labels = fig.Data[0]!["x"]!.AsArray().Select(l => l!.GetValue<string>().Split('_')[0]).Select(int.Parse).Order();
        Assert.Equal(Enumerable.Range(0, 10), labels);
    }

    [Fact]
    public void Hierarchy_lists_every_topic_once_and_merges_n_minus_one_times()
    {
        var fig = M.Data.VisualizeHierarchy(new HierarchyOptions { Linkage = Layout.LinkageMethod.Average });
        var ticks = fig.Layout["yaxis"]!["ticktext"]!.AsArray().Select(t => int.Parse(t!.GetValue<string>().Split('_')[0])).Order();
        Assert.Equal(Enumerable.Range(0, 10), ticks);
        Assert.Equal(9, fig.Data[^1]!["x"]!.AsArray().Count);
        int links = fig.Data.Take(fig.Data.Count - 1).Sum(t => t!["x"]!.AsArray().Count(v => v is null));
        Assert.Equal(9, links);
    }

    [Fact]
    public void Document_map_samples_per_topic_and_keeps_small_topics_whole()
    {
        var (data, emb, docs) = SyntheticTopics.Create(5, 3000, seed: 11);
        var fig = data.VisualizeDocuments(emb, docs, new DocumentsChartOptions { Sample = 0.1, Projection = PlanarMethod.Pca });
        var counts = fig.Data.Skip(1).ToDictionary(t => int.Parse(t!["name"]!.GetValue<string>().Split('_')[0]), t => t!["x"]!.AsArray().Count);
        foreach (var (topic, n) in counts)
        {
            int size = data.Sizes[data.IndexOf(topic)];
            Assert.Equal(size < 100 ? size : (int)(size * 0.1), n);
        }
        // Deterministic for a seed.
        Assert.Equal(fig.ToJson(), data.VisualizeDocuments(emb, docs, new DocumentsChartOptions { Sample = 0.1, Projection = PlanarMethod.Pca }).ToJson());
        // Hover text is truncated to HoverTextLength.
        var hover = fig.Data[1]!["hovertext"]!.AsArray().Select(h => h!.GetValue<string>());
        Assert.All(hover, h => Assert.True(h.Length <= 200));
        var hidden = data.VisualizeDocuments(emb, docs, new DocumentsChartOptions { HideDocumentHover = true, Topics = [0, 1], Projection = PlanarMethod.Pca });
        Assert.Null(hidden.Data[1]!["hovertext"]);
        Assert.Equal(3, hidden.Data.Count); // other + two selected topics
    }

    [Fact]
    public void Document_map_with_umap_is_deterministic_and_separates_topics()
    {
        var (data, emb, _) = SyntheticTopics.Create(4, 200, withOutliers: false, seed: 9);
        var a = data.VisualizeDocuments(emb);
        Assert.Equal(a.ToJson(), data.VisualizeDocuments(emb).ToJson());
        // Each topic's points sit closer to their own centre than to the other topics' centres, on average.
        var centres = a.Data.Skip(1).Select(t => (X: Numbers(t!["x"]).Average(), Y: Numbers(t!["y"]).Average())).ToArray();
        int own = 0, total = 0;
        for (int k = 0; k < centres.Length; k++)
        {
            var xs = Numbers(a.Data[k + 1]!["x"]); var ys = Numbers(a.Data[k + 1]!["y"]);
            for (int i = 0; i < xs.Count; i++, total++)
            {
                int nearest = Enumerable.Range(0, centres.Length).MinBy(c => Math.Pow(xs[i] - centres[c].X, 2) + Math.Pow(ys[i] - centres[c].Y, 2));
                if (nearest == k) own++;
            }
        }
        Assert.True(own > 0.9 * total, $"only {own} of {total} documents lie nearest their own topic's centre");
    }

    [Fact]
    public void Large_corpora_are_sampled_down_to_max_documents_with_every_topic_kept()
    {
        var (data, emb, _) = SyntheticTopics.Create(220, 30_000, dim: 8, seed: 13);
        var fig = data.VisualizeDocuments(emb, null, new DocumentsChartOptions { Projection = PlanarMethod.Pca, MaxDocuments = 8_000 });
        int points = fig.Data.Sum(t => t!["x"]!.AsArray().Count);
        Assert.InRange(points, 7_000, 8_000);
        int topicsWithDocs = data.DocumentTopics!.Where(t => t >= 0).Distinct().Count();
        Assert.Equal(topicsWithDocs, fig.Data.Count - 1);
        Assert.All(fig.Data, t => Assert.Equal("scattergl", t!["type"]!.GetValue<string>()));
    }

    [Fact]
    public void Document_map_uses_given_2d_coordinates_as_is()
    {
        var (data, _, _) = SyntheticTopics.Create(3, 50, seed: 2);
        var xy = new float[50, 2];
        for (int i = 0; i < 50; i++) { xy[i, 0] = i; xy[i, 1] = -i; }
        var fig = data.VisualizeDocuments(xy);
        var xs = fig.Data.SelectMany(t => Numbers(t!["x"])).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (double)i), xs);
    }

    [Fact]
    public void Term_rank_lines_follow_the_word_scores()
    {
        var fig = M.Data.VisualizeTermRank(new TermRankOptions { Topics = [2, 5] });
        Assert.Equal(2, fig.Data.Count);
        Assert.Equal(M.Data.Words[M.Data.IndexOf(2)].Select(w => Math.Round(w.Score, 5)), Numbers(fig.Data[0]!["y"]).Select(v => Math.Round(v, 5)));
        Assert.Equal("log", M.Data.VisualizeTermRank(new TermRankOptions { LogScale = true }).Layout["yaxis"]!["type"]!.GetValue<string>());
    }
}

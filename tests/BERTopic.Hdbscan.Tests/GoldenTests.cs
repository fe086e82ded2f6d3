using BERTopicNet.IO;
using BERTopicNet.Testing;
using Xunit.Abstractions;

namespace BERTopicNet.Hdbscan.Tests;

/// <summary>
/// Compares with the Python hdbscan 0.8.43 outputs in ../shared/data/reference (min_cluster_size 10, eom,
/// prediction_data=True, as BERTopic runs it). Skipped where the shared data is absent.
/// </summary>
public class GoldenTests(ITestOutputHelper output)
{
    private sealed record Golden(float[,] X, int[] Labels, float[] Probabilities, float[] Outliers, float[,] Soft,
        float[,] PredictPoints, int[] PredictLabels, float[] PredictStrengths, float[,] PredictMembership);

    private static Golden Load(string corpus)
    {
        string P(string f) => SharedData.PathOf("reference", corpus, f);
        return new Golden(Npy.ReadMatrix(P("umap5.npy")), Npy.ReadInt32Vector(P("hdbscan_labels.npy")),
            Npy.ReadFloatVector(P("hdbscan_probabilities.npy")), Npy.ReadFloatVector(P("hdbscan_outlier_scores.npy")),
            Npy.ReadMatrix(P("hdbscan_soft.npy")), Npy.ReadMatrix(P("predict_points.npy")), Npy.ReadInt32Vector(P("predict_labels.npy")),
            Npy.ReadFloatVector(P("predict_strengths.npy")), Npy.ReadMatrix(P("predict_membership.npy")));
    }

    /// <summary>Our label → hdbscan's label, by majority (clusters are numbered differently only when ties differ).</summary>
    private static int[] Mapping(int[] ours, int[] theirs)
    {
        int k = ours.Length == 0 ? 0 : ours.Max() + 1;
        var map = new int[k];
        for (int c = 0; c < k; c++)
            map[c] = Enumerable.Range(0, ours.Length).Where(i => ours[i] == c).GroupBy(i => theirs[i]).MaxBy(g => g.Count())!.Key;
        return map;
    }

    private void Check(string corpus)
    {
        var g = Load(corpus);
        int n = g.Labels.Length;
        var h = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, PredictionData = true });
        var r = h.Fit(g.X);
        double ari = BERTopicNet.Evaluation.ClusteringMetrics.AdjustedRandIndex(r.Labels, g.Labels);
        var map = Mapping(r.Labels, g.Labels);
        int Theirs(int l) => l < 0 ? -1 : map[l];
        var agree = Enumerable.Range(0, n).Where(i => Theirs(r.Labels[i]) == g.Labels[i]).ToArray();
        double maxProb = agree.Max(i => Math.Abs(r.Probabilities[i] - g.Probabilities[i]));
        double maxOut = agree.Max(i => Math.Abs(r.OutlierScores[i] - g.Outliers[i]));
        double probOk = agree.Count(i => Math.Abs(r.Probabilities[i] - g.Probabilities[i]) <= 1e-4) / (double)agree.Length;
        double outOk = agree.Count(i => Math.Abs(r.OutlierScores[i] - g.Outliers[i]) <= 1e-4) / (double)agree.Length;
        var soft = h.AllPointsMembershipVectors();
        int k = soft.GetLength(1);
        double softOk = agree.Count(i => Enumerable.Range(0, k).All(c => Math.Abs(soft[i, c] - g.Soft[i, map[c]]) <= 1e-4)) / (double)agree.Length;
        int ArgMax(float[,] m, int row) { int a = 0; for (int c = 1; c < m.GetLength(1); c++) if (m[row, c] > m[row, a]) a = c; return a; }
        double softArgmax = agree.Count(i => map[ArgMax(soft, i)] == ArgMax(g.Soft, i)) / (double)agree.Length;
        var (pl, ps) = h.ApproximatePredict(g.PredictPoints);
        var pAgree = Enumerable.Range(0, pl.Length).Where(i => Theirs(pl[i]) == g.PredictLabels[i]).ToArray();
        double predictLabelShare = pAgree.Length / (double)pl.Length;
        double strengthOk = pAgree.Count(i => Math.Abs(ps[i] - g.PredictStrengths[i]) <= 1e-4) / (double)Math.Max(1, pAgree.Length);
        var mv = h.MembershipVector(g.PredictPoints);
        double mvOk = pAgree.Count(i => Enumerable.Range(0, k).All(c => Math.Abs(mv[i, c] - g.PredictMembership[i, map[c]]) <= 1e-4)) / (double)Math.Max(1, pAgree.Length);
        output.WriteLine($"{corpus}: clusters {r.ClusterCount} (hdbscan {g.Labels.Max() + 1}), ARI {ari:F5}, labels agree on {agree.Length}/{n}");
        output.WriteLine($"  within 1e-4 where labels agree: probabilities {probOk:P2} (max dev {maxProb:G3}), outlier scores {outOk:P2} (max dev {maxOut:G3}), soft rows {softOk:P2}; soft argmax agrees {softArgmax:P2}");
        output.WriteLine($"  approximate_predict labels agree {predictLabelShare:P2}, strengths {strengthOk:P2}, membership rows {mvOk:P2}");
        // The same partition up to relabelling: equal cluster counts, the mapping a bijection, every point agreeing.
        Assert.Equal(1.0, ari);
        Assert.Equal(g.Labels.Max() + 1, r.ClusterCount);
        Assert.Equal(map.Length, map.Distinct().Count());
        Assert.Equal(n, agree.Length);
        Assert.Equal(1.0, probOk);
        Assert.Equal(1.0, outOk);
        Assert.Equal(1.0, softOk);
        Assert.Equal(1.0, predictLabelShare);
        Assert.Equal(1.0, strengthOk);
        Assert.Equal(1.0, mvOk);
    }

    // Equal-weight spanning-tree edges are common (1,752 of 18,845 on 20 Newsgroups); their order decides how tied
    // merges nest, so the labels match exactly only because the fit reproduces hdbscan's Borůvka emission order and
    // NumPy's argsort (see ReferenceOrderTests).
    [SharedDataFact]
    public void BbcNewsMatchesHdbscan() => Check("bbc_news");

    [SharedDataFact]
    public void TwentyNewsgroupsMatchesHdbscan() => Check("20newsgroups");
}

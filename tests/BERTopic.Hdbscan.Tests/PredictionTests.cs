namespace BERTopicNet.Hdbscan.Tests;

public class PredictionTests
{
    private static float[,] Data() => TestData.Blobs(21, 150, 0.6, [(0, 0), (6, 0), (0, 6)], noise: 40, box: 20);

    [Fact]
    public void ApproximatePredictOfTrainingPointsReproducesTheirLabels()
    {
        var x = Data();
        var h = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, PredictionData = true });
        var r = h.Fit(x);
        var (labels, strengths) = h.ApproximatePredict(x);
        int same = 0, clustered = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            Assert.InRange(strengths[i], 0f, 1f);
            if (r.Labels[i] < 0) continue;
            clustered++;
            if (labels[i] == r.Labels[i]) same++;
        }
        Assert.True(same >= 0.97 * clustered, $"{same}/{clustered}");
    }

    [Fact]
    public void MembershipVectorsAreProbabilityLike()
    {
        var x = Data();
        var h = new Hdbscan(new HdbscanOptions { MinClusterSize = 10 });
        var r = h.Fit(x);
        var soft = h.AllPointsMembershipVectors();
        Assert.Equal(x.GetLength(0), soft.GetLength(0));
        Assert.Equal(r.ClusterCount, soft.GetLength(1));
        int agree = 0, clustered = 0;
        for (int i = 0; i < soft.GetLength(0); i++)
        {
            double sum = 0;
            int arg = 0;
            for (int c = 0; c < soft.GetLength(1); c++)
            {
                Assert.InRange(soft[i, c], 0f, 1f);
                sum += soft[i, c];
                if (soft[i, c] > soft[i, arg]) arg = c;
            }
            Assert.InRange(sum, 0, 1.0001);
            if (r.Labels[i] >= 0) { clustered++; if (arg == r.Labels[i]) agree++; }
        }
        Assert.True(agree >= 0.95 * clustered, $"{agree}/{clustered}");
        var centres = new float[,] { { 0, 0 }, { 6, 0 }, { 0, 6 } };
        var mv = h.MembershipVector(centres);
        var predicted = h.ApproximatePredict(centres).Labels;
        for (int i = 0; i < 3; i++)
        {
            int arg = 0;
            for (int c = 1; c < mv.GetLength(1); c++) if (mv[i, c] > mv[i, arg]) arg = c;
            Assert.Equal(predicted[i], arg);
        }
        Assert.Equal(3, predicted.Distinct().Count());
    }

    [Fact]
    public void StateRoundTripGivesEqualPredictions()
    {
        var x = Data();
        var h = new Hdbscan(new HdbscanOptions { MinClusterSize = 10, MinSamples = 5, PredictionData = true });
        h.Fit(x);
        var probe = TestData.Blobs(99, 30, 2.0, [(0, 0), (6, 0), (3, 3)]);
        var before = h.ApproximatePredict(probe);
        var mvBefore = h.MembershipVector(probe);
        var softBefore = h.AllPointsMembershipVectors();
        var restored = Hdbscan.FromState(h.ExportState());
        var after = restored.ApproximatePredict(probe);
        Assert.Equal(before.Labels, after.Labels);
        Assert.Equal(before.Strengths, after.Strengths);
        Assert.Equal(mvBefore, restored.MembershipVector(probe));
        Assert.Equal(softBefore, restored.AllPointsMembershipVectors());
        Assert.Equal(h.Labels, restored.Labels);
        Assert.Equal(h.OutlierScores, restored.OutlierScores);
    }

    [Fact]
    public void BadStateAndBadPointsAreRejected()
    {
        var h = new Hdbscan(new HdbscanOptions { MinClusterSize = 10 });
        Assert.Throws<InvalidOperationException>(() => h.ApproximatePredict(new float[1, 2]));
        h.Fit(Data());
        var e = Assert.Throws<ArgumentException>(() => h.ApproximatePredict(new float[1, 3]));
        Assert.Equal("points", e.ParamName);
        var s = h.ExportState();
        s.TreeLambda = s.TreeLambda[..^1];
        Assert.Throws<ArgumentException>(() => Hdbscan.FromState(s));
    }
}

using BERTopicNet.Visualization.Layout;

namespace BERTopicNet.Visualization.Tests;

public sealed class LayoutTests
{
    private static double[] Distances1D(params double[] x)
    {
        int n = x.Length;
        var d = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i * n + j] = Math.Abs(x[i] - x[j]);
        return d;
    }

    [Fact]
    public void Average_linkage_matches_hand_computation()
    {
        // Points 0, 1, 3, 7: {0,1} at 1; {0,1}+2 at (3+2)/2 = 2.5; all at (7+6+4)/3.
        var z = Linkage.Compute(Distances1D(0, 1, 3, 7), 4, LinkageMethod.Average);
        Assert.Equal(new LinkageStep(0, 1, 1, 2), z[0]);
        Assert.Equal((2, 4, 3), (z[1].Left, z[1].Right, z[1].Size));
        Assert.Equal(2.5, z[1].Distance, 12);
        Assert.Equal((3, 5, 4), (z[2].Left, z[2].Right, z[2].Size));
        Assert.Equal(17.0 / 3, z[2].Distance, 12);
    }

    [Fact]
    public void Ward_linkage_matches_the_centroid_formula()
    {
        // For Euclidean points Ward's merge distance is sqrt(2·na·nb/(na+nb))·|centroid difference|.
        var z = Linkage.Compute(Distances1D(0, 1, 3, 7), 4, LinkageMethod.Ward);
        Assert.Equal(1, z[0].Distance, 12);
        Assert.Equal(Math.Sqrt(4.0 / 3) * 2.5, z[1].Distance, 12);
        Assert.Equal(Math.Sqrt(6.0 / 4) * (7 - 4.0 / 3), z[2].Distance, 12);
    }

    [Fact]
    public void Single_and_complete_linkage()
    {
        var s = Linkage.Compute(Distances1D(0, 1, 3, 7), 4, LinkageMethod.Single);
        Assert.Equal(new[] { 1.0, 2.0, 4.0 }, s.Select(x => x.Distance));
        var c = Linkage.Compute(Distances1D(0, 1, 3, 7), 4, LinkageMethod.Complete);
        Assert.Equal(new[] { 1.0, 3.0, 7.0 }, c.Select(x => x.Distance));
    }

    [Fact]
    public void Linkage_rejects_bad_matrices()
    {
        Assert.Throws<ArgumentException>(() => Linkage.Compute(new double[5], 2, LinkageMethod.Ward));
        Assert.Throws<ArgumentException>(() => Linkage.Compute(new double[] { 0, -1, -1, 0 }, 2, LinkageMethod.Ward));
        Assert.Throws<ArgumentException>(() => Linkage.Compute(new double[] { 0, double.NaN, double.NaN, 0 }, 2, LinkageMethod.Ward));
    }

    [Fact]
    public void Dendrogram_places_leaves_in_depth_first_order_and_colours_below_threshold()
    {
        var z = Linkage.Compute(Distances1D(0, 1, 3, 7), 4, LinkageMethod.Average);
        var tree = new DendrogramLayout(z, 4, colorThreshold: 3);
        Assert.Equal(new[] { 3, 2, 0, 1 }, tree.LeafOrder);  // root = (3, 5): leaf 3 first, then (2, {0,1})
        Assert.Equal(5, tree.Position[3]);
        Assert.Equal((tree.Position[0] + tree.Position[1]) / 2, tree.Position[4]);
        Assert.Equal(1, tree.GroupCount);                   // merges at 1 and 2.5 form one group; 5.67 is above
        Assert.Equal(-1, tree.Group[6]);
        Assert.Equal(new[] { 0, 1, 2 }, tree.LeavesOf(5).Order());
    }

    [Fact]
    public void Pca_recovers_a_plane_embedded_in_higher_dimensions()
    {
        // Points on a 2-d grid rotated into 10-d: pairwise distances survive the projection.
        var rng = new Random(4);
        var basis = new double[2, 10];
        for (int c = 0; c < 10; c++) { basis[0, c] = rng.NextDouble() - 0.5; basis[1, c] = rng.NextDouble() - 0.5; }
        // Orthonormalise the two directions.
        double n0 = Math.Sqrt(Enumerable.Range(0, 10).Sum(c => basis[0, c] * basis[0, c]));
        for (int c = 0; c < 10; c++) basis[0, c] /= n0;
        double dot = Enumerable.Range(0, 10).Sum(c => basis[0, c] * basis[1, c]);
        for (int c = 0; c < 10; c++) basis[1, c] -= dot * basis[0, c];
        double n1 = Math.Sqrt(Enumerable.Range(0, 10).Sum(c => basis[1, c] * basis[1, c]));
        for (int c = 0; c < 10; c++) basis[1, c] /= n1;
        foreach (int count in new[] { 8, 40 }) // fewer rows than dimensions (Gram path) and more (covariance path)
        {
            var pts = new double[count, 2];
            var x = new float[count, 10];
            for (int i = 0; i < count; i++)
            {
                pts[i, 0] = rng.NextDouble() * 4; pts[i, 1] = rng.NextDouble();
                for (int c = 0; c < 10; c++) x[i, c] = (float)(pts[i, 0] * basis[0, c] + pts[i, 1] * basis[1, c] + 3);
            }
            var xy = PlanarProjection.Pca(x, CancellationToken.None);
            for (int i = 0; i < count; i++)
                for (int j = 0; j < count; j++)
                {
                    double d0 = Math.Sqrt(Math.Pow(pts[i, 0] - pts[j, 0], 2) + Math.Pow(pts[i, 1] - pts[j, 1], 2));
                    double d1 = Math.Sqrt(Math.Pow(xy[i, 0] - xy[j, 0], 2) + Math.Pow(xy[i, 1] - xy[j, 1], 2));
                    Assert.Equal(d0, d1, 3);
                }
        }
    }
}

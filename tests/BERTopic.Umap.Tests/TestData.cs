namespace BERTopicNet.Umap.Tests;

/// <summary>Small synthetic inputs for the tests.</summary>
internal static class TestData
{
    /// <summary>Gaussian blobs with centres far apart; returns rows and the blob of each row.</summary>
    public static (float[,] X, int[] Labels) Blobs(int perBlob, int blobs, int dim, double spread, double separation, int seed)
    {
        var rng = new Random(seed);
        var centers = new double[blobs, dim];
        for (int c = 0; c < blobs; c++)
            for (int t = 0; t < dim; t++) centers[c, t] = (rng.NextDouble() * 2 - 1) * separation;
        int n = perBlob * blobs;
        var x = new float[n, dim];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int c = i % blobs;
            labels[i] = c;
            for (int t = 0; t < dim; t++) x[i, t] = (float)(centers[c, t] + spread * Gaussian(rng));
        }
        return (x, labels);
    }

    public static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static float Distance(float[,] e, int i, int j)
    {
        double s = 0;
        for (int t = 0; t < e.GetLength(1); t++) { double d = e[i, t] - e[j, t]; s += d * d; }
        return (float)Math.Sqrt(s);
    }

    /// <summary>Fraction of rows whose <paramref name="k"/> nearest embedded neighbours all share their label.</summary>
    public static double NeighborPurity(float[,] e, int[] labels, int k)
    {
        int n = e.GetLength(0), pure = 0;
        for (int i = 0; i < n; i++)
        {
            var nn = Enumerable.Range(0, n).Where(j => j != i).OrderBy(j => Distance(e, i, j)).Take(k);
            if (nn.All(j => labels[j] == labels[i])) pure++;
        }
        return (double)pure / n;
    }

    public static CsrMatrix ToCsr(float[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var ptr = new List<int> { 0 }; var idx = new List<int>(); var val = new List<float>();
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < d; t++) if (x[i, t] != 0) { idx.Add(t); val.Add(x[i, t]); }
            ptr.Add(idx.Count);
        }
        return new CsrMatrix(n, d, ptr.ToArray(), idx.ToArray(), val.ToArray());
    }
}

namespace BERTopicNet.Hdbscan.Tests;

/// <summary>Small synthetic data sets with a fixed seed.</summary>
internal static class TestData
{
    /// <summary>Gaussian blobs around the given centres plus uniform noise in a box.</summary>
    public static float[,] Blobs(int seed, int perBlob, double spread, (double x, double y)[] centres, int noise = 0, double box = 20)
    {
        var rng = new Random(seed);
        int n = perBlob * centres.Length + noise;
        var x = new float[n, 2];
        int i = 0;
        foreach (var (cx, cy) in centres)
            for (int k = 0; k < perBlob; k++, i++)
            {
                x[i, 0] = (float)(cx + spread * Gauss(rng));
                x[i, 1] = (float)(cy + spread * Gauss(rng));
            }
        for (int k = 0; k < noise; k++, i++)
        {
            x[i, 0] = (float)((rng.NextDouble() - 0.5) * box);
            x[i, 1] = (float)((rng.NextDouble() - 0.5) * box);
        }
        return x;
    }

    public static float[,] Random(int seed, int n, int d, double scale = 1)
    {
        var rng = new Random(seed);
        var x = new float[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) x[i, j] = (float)(scale * Gauss(rng));
        return x;
    }

    public static double Gauss(Random rng)
    {
        double u = 1.0 - rng.NextDouble(), v = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

}

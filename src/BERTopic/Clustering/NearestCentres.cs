namespace BERTopicNet.Clustering;

/// <summary>The index of the nearest centre (squared Euclidean distance, the first of equals) of each point.</summary>
internal static class NearestCentres
{
    /// <summary>Row i of the result is the index of the row of <paramref name="centres"/> nearest to row i of <paramref name="points"/>.</summary>
    public static int[] Assign(float[,] points, float[,] centres)
    {
        int n = points.GetLength(0), d = points.GetLength(1), k = centres.GetLength(0);
        var labels = new int[n];
        Parallel.For(0, n, Parallelism.PerCore(), i =>
        {
            int best = 0;
            double bestDist = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                double dist = 0;
                for (int j = 0; j < d; j++) { double diff = points[i, j] - centres[c, j]; dist += diff * diff; }
                if (dist < bestDist) { bestDist = dist; best = c; }
            }
            labels[i] = best;
        });
        return labels;
    }
}

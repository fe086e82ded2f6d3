namespace BERTopicNet.Representation;

/// <summary>Small dense helpers for the representation models (rows of float embeddings, double results).</summary>
internal static class VectorMath
{
    /// <summary>Row <paramref name="row"/> of <paramref name="m"/>, L2-normalised, as doubles (zero rows stay zero).</summary>
    public static double[] UnitRow(float[,] m, int row)
    {
        int d = m.GetLength(1);
        var v = new double[d];
        double n = 0;
        for (int j = 0; j < d; j++) { v[j] = m[row, j]; n += v[j] * v[j]; }
        n = Math.Sqrt(n);
        if (n > 0) for (int j = 0; j < d; j++) v[j] /= n;
        return v;
    }

    /// <summary>The L2-normalised form of <paramref name="v"/>.</summary>
    public static double[] Unit(double[] v)
    {
        double n = Math.Sqrt(Dot(v, v));
        return n > 0 ? [.. v.Select(x => x / n)] : (double[])v.Clone();
    }

    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++) s += a[j] * b[j];
        return s;
    }

    /// <summary>Embeds <paramref name="texts"/> and checks the model returned one row each.</summary>
    public static float[,] Embed(Embedding.IEmbeddingModel model, IReadOnlyList<string> texts, CancellationToken ct)
    {
        var e = model.Embed(texts, null, ct);
        if (e.GetLength(0) != texts.Count)
            throw new InvalidOperationException($"The embedding model {model.Name} returned {e.GetLength(0)} rows for {texts.Count} texts.");
        return e;
    }
}

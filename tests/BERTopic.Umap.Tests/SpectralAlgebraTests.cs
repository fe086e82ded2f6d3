namespace BERTopicNet.Umap.Tests;

/// <summary>The dense eigensolver and the blocked Gram–Schmidt under the spectral initialisation.</summary>
public class SpectralAlgebraTests
{
    private static double[,] RandomSymmetric(int n, int seed, int repeated)
    {
        // Q diag(λ) Qᵀ with a random orthogonal Q (Gram–Schmidt of random columns) and `repeated` equal eigenvalues
        var rng = new Random(seed);
        var q = new double[n][];
        for (int c = 0; c < n; c++)
        {
            var v = new double[n];
            for (int i = 0; i < n; i++) v[i] = rng.NextDouble() - 0.5;
            for (int k = 0; k < c; k++)
            {
                double d = 0;
                for (int i = 0; i < n; i++) d += v[i] * q[k][i];
                for (int i = 0; i < n; i++) v[i] -= d * q[k][i];
            }
            double norm = Math.Sqrt(v.Sum(x => x * x));
            q[c] = v.Select(x => x / norm).ToArray();
        }
        var lambda = Enumerable.Range(0, n).Select(i => i < repeated ? 0.5 : rng.NextDouble() * 4 - 2).ToArray();
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int c = 0; c < n; c++) a[i, j] += q[c][i] * lambda[c] * q[c][j];
        return a;
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(13, 0)]
    [InlineData(64, 5)]
    public void DecomposeGivesOrthonormalEigenpairsInDescendingOrder(int n, int repeated)
    {
        var a = RandomSymmetric(n, 7 + n, repeated);
        var (values, vectors) = SymmetricEigen.Decompose(a);
        for (int c = 1; c < n; c++) Assert.True(values[c] <= values[c - 1], $"values out of order at {c}");
        for (int c = 0; c < n; c++)
        {
            // A v = λ v
            for (int i = 0; i < n; i++)
            {
                double av = 0;
                for (int j = 0; j < n; j++) av += a[i, j] * vectors[j, c];
                Assert.Equal(values[c] * vectors[i, c], av, 9);
            }
            // orthonormal columns, largest entry positive
            for (int d = 0; d <= c; d++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += vectors[i, c] * vectors[i, d];
                Assert.Equal(c == d ? 1.0 : 0.0, dot, 9);
            }
            double big = 0;
            for (int i = 0; i < n; i++) if (Math.Abs(vectors[i, c]) > Math.Abs(big)) big = vectors[i, c];
            Assert.True(big > 0);
        }
        if (repeated > 0) Assert.Equal(repeated, values.Count(v => Math.Abs(v - 0.5) < 1e-9));
    }

    [Fact]
    public void DecomposeOfADiagonalMatrixSortsItsEntries()
    {
        var (values, vectors) = SymmetricEigen.Decompose(new double[,] { { 1, 0, 0 }, { 0, 3, 0 }, { 0, 0, -2 } });
        Assert.Equal(new[] { 3.0, 1.0, -2.0 }, values);
        Assert.Equal(1.0, vectors[1, 0]);
        Assert.Equal(1.0, vectors[0, 1]);
        Assert.Equal(1.0, vectors[2, 2]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GramSchmidtOrthogonalisesAndDoesNotDependOnThreads(int threads)
    {
        // 2.5 row blocks, 12 orthonormal basis vectors
        int n = BlockedGramSchmidt.RowBlock * 5 / 2, count = 12;
        var rng = new Random(3);
        var basis = new double[count][];
        var gs = new BlockedGramSchmidt(n, count + 1);
        var po = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var h1 = new double[count + 1];
        var h2 = new double[count + 1];
        for (int c = 0; c < count; c++)
        {
            var v = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
            gs.Orthogonalize(basis, c, v, h1, h2, po, out double ww);
            basis[c] = v.Select(x => x / Math.Sqrt(ww)).ToArray();
        }
        var w = Enumerable.Range(0, n).Select(i => Math.Sin(i * 0.01) + basis[3][i] * 5).ToArray();
        var original = (double[])w.Clone();
        gs.Orthogonalize(basis, count, w, h1, h2, po, out double norm2);
        for (int c = 0; c < count; c++)
        {
            Assert.Equal(0.0, basis[c].Zip(w, (a, b) => a * b).Sum(), 12);
            // the projections recorded are those of the original vector
            Assert.Equal(basis[c].Zip(original, (a, b) => a * b).Sum(), h1[c] + h2[c], 9);
        }
        Assert.Equal(w.Sum(x => x * x), norm2, 9);

        // the same on one thread, bit for bit
        var again = (double[])original.Clone();
        gs.Orthogonalize(basis, count, again, h1, h2, new ParallelOptions { MaxDegreeOfParallelism = 3 - threads }, out double norm2Again);
        Assert.Equal(w, again);
        Assert.Equal(norm2, norm2Again);

        // Combine: outputs = V · coefficients
        var coefficients = new double[count, 3];
        for (int j = 0; j < count; j++) for (int c = 0; c < 3; c++) coefficients[j, c] = rng.NextDouble();
        var outputs = new[] { new double[n], new double[n] };
        BlockedGramSchmidt.Combine(basis, count, coefficients, 1, outputs, po);
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < n; i += 97)
            {
                double expected = 0;
                for (int j = 0; j < count; j++) expected += coefficients[j, c + 1] * basis[j][i];
                Assert.Equal(expected, outputs[c][i], 12);
            }
    }
}

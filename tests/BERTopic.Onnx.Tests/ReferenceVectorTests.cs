using BERTopicNet.IO;
using BERTopicNet.Testing;

namespace BERTopicNet.Onnx.Tests;

/// <summary>The vectors equal sentence-transformers' for all-MiniLM-L6-v2.</summary>
public sealed class ReferenceVectorTests(MiniLmFixture fx) : IClassFixture<MiniLmFixture>
{
    [Fact]
    public void Model_Reports_Its_Shape()
    {
        Assert.Equal(384, fx.Encoder.Dimension);
        Assert.Equal(256, fx.Encoder.MaxSequenceLength);
        Assert.Equal("all-MiniLM-L6-v2", fx.Encoder.Name);
        Assert.True(fx.Encoder.LowerCase);
        Assert.True(fx.Encoder.StripAccents);
    }

    [Fact]
    public void Documented_Similarity_Matrix_Is_Reproduced()
    {
        // sentence-transformers' README example for all-MiniLM-L6-v2 (model.similarity of the three embeddings).
        string[] sentences = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."];
        double[,] expected = { { 1, 0.6660, 0.1046 }, { 0.6660, 1, 0.1411 }, { 0.1046, 0.1411, 1 } };
        var e = fx.Encoder.Encode(sentences);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.True(Math.Abs(MiniLmFixture.Dot(e, i, j) - expected[i, j]) < 1e-4, $"sim[{i},{j}] = {MiniLmFixture.Dot(e, i, j):F5}, expected {expected[i, j]}");
    }

    /// <summary>
    /// Every BBC News row against <c>sentence_transformers.npy</c>, the vectors that
    /// <c>SentenceTransformer("all-MiniLM-L6-v2").encode</c> gives (Hugging Face's Rust tokenizers, the same ONNX graph,
    /// mean pooling, L2 norm). Every article there is long, so truncation at 256 word pieces is exercised on each row.
    /// </summary>
    [SharedDataFact]
    public void Matches_SentenceTransformers_On_Every_BBC_Row()
    {
        var docs = JsonlCorpus.ReadTexts(SharedData.PathOf("bbc_news", "docs.jsonl"));
        var reference = Npy.ReadMatrix(SharedData.PathOf("bbc_news", "sentence_transformers.npy"));
        Assert.Equal(docs.Count, reference.GetLength(0));
        var rows = Enumerable.Range(0, docs.Count).ToArray();
        var (worst, worstRow) = Lowest(fx.Encoder.Encode(docs), reference, rows);
        Assert.True(worst >= 0.9999, $"lowest cosine {worst:F6} at bbc_news line {worstRow}");
    }

    /// <summary>
    /// A 2,000-row sample of 20 Newsgroups (every ninth line or so, so that short, long, truncated, empty and
    /// symbol-heavy posts all occur) against <c>sentence_transformers.npy</c>.
    /// </summary>
    [SharedDataFact]
    public void Matches_SentenceTransformers_On_A_20Newsgroups_Sample()
    {
        var docs = JsonlCorpus.ReadTexts(SharedData.PathOf("20newsgroups", "docs.jsonl"));
        var reference = Npy.ReadMatrix(SharedData.PathOf("20newsgroups", "sentence_transformers.npy"));
        Assert.Equal(docs.Count, reference.GetLength(0));
        var rows = Enumerable.Range(0, 2000).Select(i => (int)((long)i * docs.Count / 2000)).ToArray();
        var (worst, worstRow) = Lowest(fx.Encoder.Encode(rows.Select(r => docs[r]).ToArray()), reference, rows);
        Assert.True(worst >= 0.9999, $"lowest cosine {worst:F6} at 20newsgroups line {worstRow}");
    }

    private static (double Worst, int Row) Lowest(float[,] mine, float[,] reference, int[] rows)
    {
        int dim = reference.GetLength(1);
        double worst = 1;
        int worstRow = -1;
        for (int i = 0; i < rows.Length; i++)
        {
            double dot = 0, na = 0, nb = 0;
            for (int j = 0; j < dim; j++) { dot += mine[i, j] * reference[rows[i], j]; na += mine[i, j] * mine[i, j]; nb += reference[rows[i], j] * reference[rows[i], j]; }
            double cos = dot / Math.Sqrt(Math.Max(na * nb, 1e-30));
            if (cos < worst) { worst = cos; worstRow = rows[i]; }
        }
        return (worst, worstRow);
    }
}

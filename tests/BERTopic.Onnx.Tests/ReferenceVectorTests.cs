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
    /// The shared embeddings.npy was made by a .NET encoder whose BERT normaliser (Microsoft.ML.Tokenizers') deletes
    /// tabs and line breaks instead of turning them into spaces, and drops symbols such as $ + = &lt; &gt; | ~ that Hugging
    /// Face keeps as tokens. With <c>TokenizerRules.MicrosoftML</c>
    /// (that normaliser alone) every row must match it; with the default (Hugging Face's rules) the rows that tokenize
    /// alike under both rules must match it.
    /// </summary>
    [SharedDataFact]
    public void Matches_Reference_Embeddings_On_20Newsgroups_Slice()
    {
        // 200 docs spread over the corpus (every 94th line), so short, long (truncated) and empty docs all occur.
        var docs = JsonlCorpus.ReadTexts(SharedData.PathOf("20newsgroups", "docs.jsonl"));
        var reference = Npy.ReadMatrix(SharedData.PathOf("20newsgroups", "embeddings.npy"));
        int step = docs.Count / 200;
        var rows = Enumerable.Range(0, 200).Select(i => i * step).ToArray();
        var slice = rows.Select(r => docs[r]).ToArray();

        using var compatible = BERTopicNet.Embedding.EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { TokenizerRules = TokenizerRules.MicrosoftML });
        var (worst, worstRow) = Lowest(compatible.Encode(slice), reference, rows, _ => true);
        Assert.True(worst >= 0.9999, $"MicrosoftML rules: lowest cosine {worst:F6} at corpus line {worstRow}");

        // With the default rules, every row whose word pieces are the same under both rules must match too.
        var same = rows.Where(r => fx.Encoder.Tokenize(docs[r]).SequenceEqual(compatible.Tokenize(docs[r]))).ToArray();
        Assert.True(same.Length >= 20, $"only {same.Length} of the 200 documents tokenize alike under both rules");
        (worst, worstRow) = Lowest(fx.Encoder.Encode(same.Select(r => docs[r]).ToArray()), reference, same, _ => true);
        Assert.True(worst >= 0.9999, $"default rules: lowest cosine {worst:F6} at corpus line {worstRow} ({same.Length} rows compared)");
    }

    private static (double Worst, int Row) Lowest(float[,] mine, float[,] reference, int[] rows, Func<int, bool> include)
    {
        int dim = reference.GetLength(1);
        double worst = 1;
        int worstRow = -1;
        for (int i = 0; i < rows.Length; i++)
        {
            if (!include(i)) continue;
            double dot = 0, na = 0, nb = 0;
            for (int j = 0; j < dim; j++) { dot += mine[i, j] * reference[rows[i], j]; na += mine[i, j] * mine[i, j]; nb += reference[rows[i], j] * reference[rows[i], j]; }
            double cos = dot / Math.Sqrt(Math.Max(na * nb, 1e-30));
            if (cos < worst) { worst = cos; worstRow = rows[i]; }
        }
        return (worst, worstRow);
    }
}

using System.Numerics.Tensors;

namespace BERTopicNet.Onnx.Tests;

/// <summary>What users rely on beyond the reference vectors: odd inputs, determinism, concurrency, progress, cancellation.</summary>
public sealed class EncoderBehaviourTests(MiniLmFixture fx) : IClassFixture<MiniLmFixture>
{
    private static readonly string[] Mixed =
    [
        "The cat sat on the mat.",
        "A kitten was sitting on the rug.",
        "Quarterly revenue rose by twelve percent.",
        "",
        "   \t\n ",
        "Москва — столица России.",
        "東京は日本の首都です。",
        "مرحبا بالعالم",
        "नमस्ते दुनिया",
        "I love pizza 🍕🍕🔥 so much 😍",
        "👍",
    ];

    [Fact]
    public void Similar_Sentences_Score_Higher_Than_Unrelated_Ones()
    {
        var e = fx.Encoder.Encode(["The cat sat on the mat.", "A kitten was sitting on the rug.", "Quarterly revenue rose by twelve percent."]);
        float similar = MiniLmFixture.Dot(e, 0, 1), unrelated1 = MiniLmFixture.Dot(e, 0, 2), unrelated2 = MiniLmFixture.Dot(e, 1, 2);
        Assert.True(similar > unrelated1 + 0.3f && similar > unrelated2 + 0.3f, $"similar {similar}, unrelated {unrelated1}, {unrelated2}");
    }

    [Fact]
    public void Odd_Inputs_Embed_To_Finite_Unit_Vectors()
    {
        string longText = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => $"word{i % 97}"));
        var docs = Mixed.Append(longText).ToArray();
        var e = fx.Encoder.Encode(docs);
        Assert.Equal(docs.Length, e.GetLength(0));
        for (int i = 0; i < docs.Length; i++)
        {
            var row = MiniLmFixture.Row(e, i);
            Assert.All(row, v => Assert.True(float.IsFinite(v)));
            Assert.Equal(1f, TensorPrimitives.Norm(row), 1e-4f);
        }
        // Empty and whitespace-only documents are both [CLS][SEP].
        Assert.Equal(MiniLmFixture.Row(e, 3), MiniLmFixture.Row(e, 4));
        // Emoji are [UNK] for this vocabulary; the text around them still carries the meaning.
        Assert.True(MiniLmFixture.Dot(fx.Encoder.Encode(["I love pizza 🍕🍕🔥 so much 😍", "I love pizza so much"]), 0, 1) > 0.8f);
    }

    [Fact]
    public void Same_Input_Gives_Identical_Output()
    {
        var a = fx.Encoder.Encode(Mixed);
        var b = fx.Encoder.Encode(Mixed);
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_Documents_Vector_Does_Not_Depend_On_Its_Batch()
    {
        var together = fx.Encoder.Encode(Mixed);
        for (int i = 0; i < Mixed.Length; i += 3)
        {
            var alone = fx.Encoder.Encode([Mixed[i]]);
            for (int j = 0; j < alone.GetLength(1); j++)
                Assert.Equal(together[i, j], alone[0, j], 1e-5f);
        }
    }

    [Fact]
    public void Unsorted_Batches_Give_The_Same_Vectors()
    {
        using var unsorted = BERTopicNet.Embedding.EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { SortByLength = false, BatchSize = 4 });
        var a = fx.Encoder.Encode(Mixed);
        var b = unsorted.Encode(Mixed);
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                Assert.Equal(a[i, j], b[i, j], 1e-5f);
    }

    [Fact]
    public void Thread_Count_Does_Not_Change_The_Vectors()
    {
        using var one = BERTopicNet.Embedding.EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { IntraOpThreads = 1 });
        using var three = BERTopicNet.Embedding.EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { IntraOpThreads = 3 });
        Assert.Equal(1, one.IntraOpThreads);
        var a = one.Encode(Mixed);
        var b = three.Encode(Mixed);
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                Assert.Equal(a[i, j], b[i, j], 1e-5f);
    }

    [Fact]
    public void Windows_Of_Documents_Give_The_Same_Vectors()
    {
        using var windowed = BERTopicNet.Embedding.EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { BatchSize = 2 });
        windowed.WindowSize = 4; // 11 documents: windows of 4, 4 and 3
        var a = fx.Encoder.Encode(Mixed);
        var b = windowed.Encode(Mixed);
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                Assert.Equal(a[i, j], b[i, j], 1e-5f);
    }

    [Fact]
    public void Concurrent_Calls_Give_The_Sequential_Results()
    {
        var inputs = Enumerable.Range(0, 6).Select(k => Mixed.Skip(k).Concat(Mixed.Take(k)).ToArray()).ToArray();
        var sequential = inputs.Select(d => fx.Encoder.Encode(d)).ToArray();
        var concurrent = new float[inputs.Length][,];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 }, k => concurrent[k] = fx.Encoder.Encode(inputs[k]));
        for (int k = 0; k < inputs.Length; k++)
            for (int i = 0; i < sequential[k].GetLength(0); i++)
                for (int j = 0; j < sequential[k].GetLength(1); j++)
                    Assert.Equal(sequential[k][i, j], concurrent[k][i, j], 1e-6f);
    }

    [Fact]
    public void Progress_Rises_To_One()
    {
        var seen = new List<double>();
        var progress = new SynchronousProgress(seen.Add);
        using var small = BERTopicNet.Embedding.EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { BatchSize = 2 });
        small.Encode(Mixed, progress);
        Assert.True(seen.Count >= Mixed.Length / 2);
        Assert.Equal(1.0, seen[^1], 1e-12);
        for (int i = 1; i < seen.Count; i++) Assert.True(seen[i] >= seen[i - 1]);
    }

    [Fact]
    public void Cancellation_Stops_The_Work()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => fx.Encoder.Encode(Mixed, null, cts.Token));
    }

    [Fact]
    public void Empty_List_Gives_Empty_Matrix_And_Null_Document_Is_Rejected()
    {
        Assert.Equal(0, fx.Encoder.Encode([]).GetLength(0));
        var e = Assert.Throws<ArgumentException>(() => fx.Encoder.Encode(["ok", null!]));
        Assert.Equal("documents", e.ParamName);
        Assert.Contains("Document 1", e.Message);
    }

    [Fact]
    public void Bad_Options_Are_Rejected_With_The_Parameter_Named()
    {
        Assert.Equal("BatchSize", Assert.Throws<ArgumentException>(() => BERTopicNet.Embedding.EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { BatchSize = 0 })).ParamName);
        Assert.Equal("MaxSequenceLength", Assert.Throws<ArgumentException>(() => BERTopicNet.Embedding.EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { MaxSequenceLength = 1 })).ParamName);
        Assert.Equal("IntraOpThreads", Assert.Throws<ArgumentException>(() => BERTopicNet.Embedding.EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { IntraOpThreads = 0 })).ParamName);
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}

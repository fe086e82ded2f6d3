using BERTopicNet.Embedding;

namespace BERTopicNet.Onnx.Tests;

/// <summary>The optimised graph is kept on disk, reused by later encoders, and made again when damaged.</summary>
public sealed class OptimizedModelCacheTests : IDisposable
{
    private static readonly string[] Sentences = ["The weather is lovely today.", "He drove to the stadium.", ""];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bertopic-onnx-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Cached_Graph_Is_Written_Reused_And_Gives_The_Same_Vectors()
    {
        float[,] uncached;
        using (var plain = EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { OptimizedModelCacheDirectory = null }))
            uncached = plain.Encode(Sentences);
        Assert.False(Directory.Exists(_dir));

        using (var first = EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { OptimizedModelCacheDirectory = _dir }))
            AssertClose(uncached, first.Encode(Sentences));
        var file = Assert.Single(Directory.GetFiles(_dir));
        Assert.StartsWith("all-MiniLM-L6-v2-", Path.GetFileName(file));
        var written = File.GetLastWriteTimeUtc(file);

        using (var second = EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { OptimizedModelCacheDirectory = _dir }))
            AssertClose(uncached, second.Encode(Sentences));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(_dir))));

        // int8 is another graph, kept beside it.
        using (var int8 = EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { OptimizedModelCacheDirectory = _dir, QuantizeInt8 = true }))
            Assert.True(int8.IsInt8);
        Assert.Equal(2, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public void A_Damaged_Cached_Graph_Is_Made_Again()
    {
        using (EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { OptimizedModelCacheDirectory = _dir })) { }
        var file = Assert.Single(Directory.GetFiles(_dir));
        File.WriteAllBytes(file, [1, 2, 3, 4, 5]);

        float[,] expected;
        using (var plain = EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { OptimizedModelCacheDirectory = null }))
            expected = plain.Encode(Sentences);
        using (var again = EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { OptimizedModelCacheDirectory = _dir }))
            AssertClose(expected, again.Encode(Sentences));
        Assert.True(new FileInfo(file).Length > 1_000_000);
    }

    [Fact]
    public void An_Unwritable_Cache_Folder_Is_Ignored()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "bertopic-not-a-folder-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(blocker, "a file where the cache folder would be");
        try
        {
            using var encoder = EmbeddingModels.CreateBundledMiniLm(new SentenceEncoderOptions { OptimizedModelCacheDirectory = Path.Combine(blocker, "onnx") });
            Assert.Equal(384, encoder.Encode(Sentences).GetLength(1));
        }
        finally { File.Delete(blocker); }
    }

    private static void AssertClose(float[,] a, float[,] b)
    {
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                Assert.True(Math.Abs(a[i, j] - b[i, j]) < 1e-5, $"[{i},{j}] {a[i, j]} vs {b[i, j]}");
    }
}

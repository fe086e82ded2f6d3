using BERTopicNet.Embedding;

namespace BERTopicNet.Onnx.Tests;

/// <summary>
/// The GPU path is opt-in: without <see cref="SentenceEncoderOptions.UseCuda"/> no CUDA library is loaded, and asking
/// for it with the CPU build of ONNX Runtime (the package this library references) fails with an error that says
/// what to install. On a machine with <c>Microsoft.ML.OnnxRuntime.Gpu</c> and a GPU, <c>BERTOPIC_CUDA_TESTS=1</c>
/// turns the second test into an end-to-end check against the CPU vectors.
/// </summary>
public sealed class CudaOptionTests(MiniLmFixture fx) : IClassFixture<MiniLmFixture>
{
    private static readonly string[] Sentences = ["The weather is lovely today.", "He drove to the stadium."];

    [Fact]
    public void Cpu_Encoders_Never_Load_A_Cuda_Library()
    {
        Assert.False(fx.Encoder.UsesCuda);
        fx.Encoder.Encode(Sentences);
        if (!File.Exists("/proc/self/maps")) return; // the check reads the Linux process map
        var maps = File.ReadAllText("/proc/self/maps");
        Assert.DoesNotContain("onnxruntime_providers_cuda", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("libcudart", maps, StringComparison.Ordinal);
    }

    [Fact]
    public void UseCuda_Runs_On_The_Gpu_Or_Says_What_To_Install()
    {
        var options = new SentenceEncoderOptions { UseCuda = true };
        if (Environment.GetEnvironmentVariable("BERTOPIC_CUDA_TESTS") == "1")
        {
            using var gpu = EmbeddingModels.CreateBundledMiniLm(options);
            Assert.True(gpu.UsesCuda);
            var a = fx.Encoder.Encode(Sentences);
            var b = gpu.Encode(Sentences);
            for (int i = 0; i < Sentences.Length; i++)
                Assert.True(Cosine(a, b, i) > 0.9999, $"sentence {i}: cosine {Cosine(a, b, i)}");
            return;
        }
        var e = Assert.Throws<InvalidOperationException>(() => EmbeddingModels.CreateBundledMiniLm(options).Dispose());
        Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu", e.Message, StringComparison.Ordinal);
        Assert.Contains("UseCuda false", e.Message, StringComparison.Ordinal);
    }

    private static double Cosine(float[,] a, float[,] b, int row)
    {
        double dot = 0;
        for (int j = 0; j < a.GetLength(1); j++) dot += a[row, j] * b[row, j];
        return dot;
    }
}

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace BERTopicNet.Onnx;

/// <summary>
/// Keeps the graph that ONNX Runtime's optimisers make of a model (LayerNormalization, BiasGelu and FusedMatMul
/// fusions, constant folding; after int8 quantisation where asked) in a file, so that later processes load it ready
/// instead of optimising again: for all-MiniLM-L6-v2 that took session creation from 2.6 s to 1.0 s in one measurement (the SHA-256 of the
/// model, computed at every load, not included). The file name
/// holds a SHA-256 of the model's bytes, the ONNX Runtime version, the quantisation and the CPU's instruction set,
/// because an optimised graph may use kernels of that CPU only. A file that fails to load is deleted and made again.
/// </summary>
internal static class OptimizedModelCache
{
    /// <summary>
    /// Creates the session for the model (its bytes, or its file), rewritten by <paramref name="transform"/> (int8
    /// quantisation) when given, through the cache in <paramref name="directory"/> when that is not null: a cached
    /// graph skips both the rewrite and the optimisers.
    /// </summary>
    public static InferenceSession Open(byte[]? modelBytes, string? modelPath, Func<byte[], byte[]>? transform, SessionOptions options, string? directory, string name)
    {
        if (directory is null)
            return transform is null ? Create(modelBytes, modelPath, options) : Create(transform(modelBytes ?? File.ReadAllBytes(modelPath!)), null, options);
        string file;
        try
        {
            var bytes = modelBytes ?? File.ReadAllBytes(modelPath!);
            modelBytes = bytes;
            modelPath = null;
            file = Path.Combine(directory, $"{Safe(name)}-{Key(bytes, transform is not null)}.onnx");
            if (File.Exists(file))
            {
                try
                {
                    using var ready = CloneWithoutOptimisation(options);
                    return new InferenceSession(file, ready);
                }
                catch (OnnxRuntimeException)
                {
                    TryDelete(file); // corrupted or written by another ONNX Runtime build: make it again
                }
            }
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No usable cache folder: optimise in memory as usual.
            return Create(transform is null ? modelBytes : transform(modelBytes ?? File.ReadAllBytes(modelPath!)), null, options);
        }
        if (transform is not null) modelBytes = transform(modelBytes!);

        string tmp = $"{file}.{Environment.ProcessId}.tmp";
        options.OptimizedModelFilePath = tmp;
        var severity = options.LogSeverityLevel;
        options.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR; // ORT warns that the file suits this CPU only: the key says so already
        try
        {
            var session = Create(modelBytes, modelPath, options);
            try { File.Move(tmp, file, overwrite: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { TryDelete(tmp); }
            return session;
        }
        finally
        {
            options.OptimizedModelFilePath = "";
            options.LogSeverityLevel = severity;
        }
    }

    private static InferenceSession Create(byte[]? bytes, string? path, SessionOptions options) =>
        path is not null ? new InferenceSession(path, options) : new InferenceSession(bytes!, options);

    private static SessionOptions CloneWithoutOptimisation(SessionOptions o) => new()
    {
        IntraOpNumThreads = o.IntraOpNumThreads,
        InterOpNumThreads = o.InterOpNumThreads,
        ExecutionMode = o.ExecutionMode,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
    };

    private static string Key(byte[] model, bool int8)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(model);
        string features = $"{OrtEnv.Instance().GetVersionString()}|{RuntimeInformation.ProcessArchitecture}|int8={(int8 ? "smoothed-nbits-v3" : "no")}|avx2={Avx2.IsSupported}|avx512f={Avx512F.IsSupported}|vnni={AvxVnni.IsSupported}";
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(features));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static string Safe(string name) =>
        new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('_') is { Length: > 0 } s ? s : "model";

    private static void TryDelete(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

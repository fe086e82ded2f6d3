using System.Security.Cryptography;
using System.Text;
using BERTopicNet.Embedding;
using BERTopicNet.IO;

namespace BERTopicNet.Samples;

/// <summary>
/// Stores document embeddings on disk so that a sample embeds a corpus once: the file
/// <c>~/.cache/bertopic-dotnet/embeddings/&lt;model&gt;-&lt;corpus hash&gt;.npy</c> (float32 N × D, NumPy format;
/// <c>BERTOPIC_CACHE</c> replaces <c>~/.cache/bertopic-dotnet</c>). The key is the model name plus the first
/// 16 hex digits of the SHA-256 of the documents (UTF-8, each followed by a 0 byte), so a changed corpus or model
/// never reuses stale vectors. Delete the folder to clear it.
/// </summary>
public static class EmbeddingCache
{
    /// <summary>The name of the default model (sentence-transformers all-MiniLM-L6-v2), whose vectors the shared <c>sentence_transformers.npy</c> files hold.</summary>
    public const string DefaultModelName = "all-MiniLM-L6-v2";

    /// <summary>The cache folder.</summary>
    public static string Folder
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("BERTOPIC_CACHE");
            var root = !string.IsNullOrEmpty(env) ? env
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "bertopic-dotnet");
            return Path.Combine(root, "embeddings");
        }
    }

    /// <summary>The cache file for <paramref name="modelName"/> and <paramref name="documents"/> (it may not exist).</summary>
    public static string PathFor(string modelName, IReadOnlyList<string> documents)
    {
        var safe = new string(modelName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('_');
        return Path.Combine(Folder, $"{safe}-{CorpusHash(documents)}.npy");
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the documents (UTF-8, each followed by a 0 byte).</summary>
    public static string CorpusHash(IReadOnlyList<string> documents)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> zero = [0];
        foreach (var d in documents)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(d));
            sha.AppendData(zero);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>
    /// The embeddings of <paramref name="corpus"/> for <paramref name="modelName"/>: the corpus's precomputed
    /// <c>sentence_transformers.npy</c> when the model is the default one and the shape fits, else the cache file, else
    /// computed by <paramref name="createModel"/>'s model (with a progress bar) and written to the cache.
    /// </summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="modelName">The embedding model's name (the cache key).</param>
    /// <param name="createModel">Creates the model, only called when nothing is cached.</param>
    /// <param name="log">Where to say what happens (stderr when null).</param>
    /// <param name="cancellationToken">Cancels the embedding.</param>
    public static (float[,] Embeddings, string Origin) GetOrCreate(SampleCorpus corpus, string modelName, Func<IEmbeddingModel> createModel,
        TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        log ??= Console.Error;
        int n = corpus.Documents.Count;
        if (corpus.PrecomputedEmbeddings is { } shared && modelName.Contains(DefaultModelName, StringComparison.OrdinalIgnoreCase))
        {
            var e = Npy.ReadMatrix(shared);
            if (e.GetLength(0) == n) { log.WriteLine($"Embeddings: {shared} (precomputed, {n} x {e.GetLength(1)})"); return (e, shared); }
            log.WriteLine($"Ignoring {shared}: {e.GetLength(0)} rows for {n} documents.");
        }
        var path = PathFor(modelName, corpus.Documents);
        if (File.Exists(path))
        {
            var e = Npy.ReadMatrix(path);
            if (e.GetLength(0) == n) { log.WriteLine($"Embeddings: {path} (cached)"); return (e, path); }
            log.WriteLine($"Ignoring {path}: {e.GetLength(0)} rows for {n} documents.");
        }
        var model = createModel();
        log.WriteLine($"Embedding {n:N0} documents with {model.Name} (first run only; cached in {path})");
        float[,] embeddings;
        using (var bar = new ConsoleProgressBar("embedding", log) { Items = n })
        {
            embeddings = model.Embed(corpus.Documents, bar, cancellationToken);
            bar.Done();
        }
        Directory.CreateDirectory(Folder);
        var tmp = path + ".tmp";
        Npy.Write(tmp, embeddings);
        File.Move(tmp, path, overwrite: true);
        return (embeddings, "computed");
    }
}

using BERTopicNet.Datasets;
using BERTopicNet.IO;

namespace BERTopicNet.Samples;

/// <summary>A corpus for a sample: documents, gold labels when known, and where it came from.</summary>
/// <param name="Name">A short name (e.g. <c>20newsgroups</c>).</param>
/// <param name="Documents">The documents.</param>
/// <param name="Labels">The gold label of each document (null entries when unknown).</param>
/// <param name="Source">The file or archive it was read from.</param>
/// <param name="PrecomputedEmbeddings">A <c>sentence_transformers.npy</c> stored beside <c>docs.jsonl</c> (the default model's vectors as
/// sentence-transformers computes them, which our encoder reproduces), row i = document i, or null.</param>
public sealed record SampleCorpus(string Name, IReadOnlyList<string> Documents, IReadOnlyList<string?> Labels, string Source, string? PrecomputedEmbeddings)
{
    /// <summary>
    /// 20 Newsgroups as the article uses it (all 18,846 posts, headers, footers and quotes removed): from
    /// <c>../shared/data/20newsgroups/docs.jsonl</c> when present, else downloaded once (14 MB) with
    /// <see cref="TwentyNewsgroups"/> into <c>~/.cache/bertopic-dotnet/datasets</c>.
    /// </summary>
    /// <param name="log">Where to write what is happening (stderr when null).</param>
    public static SampleCorpus TwentyNewsgroupsAll(TextWriter? log = null)
    {
        log ??= Console.Error;
        if (SharedDataFolder.FileOrNull("20newsgroups", "docs.jsonl") is { } jsonl)
        {
            log.WriteLine($"Reading {jsonl}");
            return FromJsonl(jsonl, "20newsgroups");
        }
        var options = new TwentyNewsgroupsOptions { Subset = NewsgroupsSubset.All, Remove = NewsgroupsRemove.All };
        var local = TwentyNewsgroups.FindLocalCopy(options);
        log.WriteLine(local is not null ? $"Reading {local}" : $"Downloading 20 Newsgroups (14 MB) into {TwentyNewsgroups.CachedArchivePath(options)}");
        using var bar = new ConsoleProgressBar(local is not null ? "reading" : "download", log);
        NewsgroupsDataset news;
        try { news = TwentyNewsgroups.Fetch(options, bar); }
        catch (Exception e) when (local is null && e is HttpRequestException or IOException or TaskCanceledException)
        {
            throw new IOException(NoCorpusMessage(e.Message), e);
        }
        bar.Done();
        return new SampleCorpus("20newsgroups", news.Data, Enumerable.Range(0, news.Count).Select(i => (string?)news.LabelOf(i)).ToArray(),
            local ?? TwentyNewsgroups.CachedArchivePath(options), null);
    }

    /// <summary>
    /// The file of precomputed default-model vectors looked for beside a <c>docs.jsonl</c>:
    /// <c>sentence_transformers.npy</c>, what <c>SentenceTransformer("all-MiniLM-L6-v2").encode</c> gives. Our encoder
    /// reproduces it (min row cosine 0.9999), so a sample shows the same topics whether it reads the file or embeds the
    /// texts itself. (The shared <c>embeddings.npy</c> beside it is the golden tests' fixed input, made with another
    /// tokenizer; samples do not use it.)
    /// </summary>
    public const string PrecomputedFileName = "sentence_transformers.npy";

    /// <summary>
    /// What a sample says when 20 Newsgroups can neither be found nor downloaded: every way to give it the corpus
    /// (the shared data folder, <c>BERTOPIC_SHARED_DATA</c>, <c>BERTOPIC_20NEWS</c>), then the download's own error.
    /// </summary>
    /// <param name="downloadError">Why the download failed.</param>
    public static string NoCorpusMessage(string downloadError)
    {
        string shared = SharedDataFolder.RepositoryRoot() is { } root
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "data"))
            : "../shared/data";
        return "20 Newsgroups is not available offline and could not be downloaded. Give it to the samples in one of these ways: " +
            $"(1) put docs.jsonl (one {{\"text\", \"label\"}} object a line) into {System.IO.Path.Combine(shared, "20newsgroups")} (../shared/data next to the repository); " +
            "(2) set BERTOPIC_SHARED_DATA to a data folder holding 20newsgroups/docs.jsonl; " +
            $"(3) set {TwentyNewsgroups.SourceEnvironmentVariable} to a copy of {TwentyNewsgroups.ArchiveFileName} (or its extracted folder). " +
            $"Download error: {downloadError}";
    }

    /// <summary>Reads a <c>docs.jsonl</c> (one <c>{"text", "label"}</c> object a line); a <c>sentence_transformers.npy</c> beside it is noted.</summary>
    /// <param name="path">The JSON Lines file.</param>
    /// <param name="name">A name for the corpus; null for the name of its folder.</param>
    public static SampleCorpus FromJsonl(string path, string? name = null)
    {
        var docs = JsonlCorpus.Read(path);
        var npy = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, PrecomputedFileName);
        return new SampleCorpus(
            name ?? new DirectoryInfo(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!).Name,
            docs.ConvertAll(d => d.Text), docs.ConvertAll(d => d.Label), path, File.Exists(npy) ? npy : null);
    }
}

using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace BERTopicNet.Datasets;

/// <summary>The posts of one split, in the order of scikit-learn's cache (<c>load_files(..., encoding="latin1")</c>).</summary>
/// <param name="TargetNames">The newsgroups, sorted by ordinal string order.</param>
/// <param name="Texts">The posts, decoded as Latin-1.</param>
/// <param name="Target">The newsgroup index of each post.</param>
/// <param name="FileNames">Each post's <c>&lt;split folder&gt;/&lt;group&gt;/&lt;file&gt;</c>.</param>
internal sealed record NewsgroupsSplit(string[] TargetNames, string[] Texts, int[] Target, string[] FileNames);

/// <summary>Reads the "bydate" posts from the tar.gz archive, a plain tar, or an extracted folder.</summary>
internal static class NewsgroupsSource
{
    public const string TrainFolder = "20news-bydate-train";
    public const string TestFolder = "20news-bydate-test";

    /// <summary>Reads the requested splits from <paramref name="path"/> (archive file or folder).</summary>
    public static (NewsgroupsSplit? Train, NewsgroupsSplit? Test) Read(string path, bool train, bool test, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var wanted = new List<string>();
        if (train) wanted.Add(TrainFolder);
        if (test) wanted.Add(TestFolder);
        Dictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> posts;
        if (File.Exists(path)) posts = ReadArchive(path, wanted, progress, cancellationToken);
        else if (Directory.Exists(path))
        {
            var archive = Path.Combine(path, TwentyNewsgroups.ArchiveFileName);
            bool hasFolders = wanted.All(w => Directory.Exists(Path.Combine(path, w)));
            if (!hasFolders && File.Exists(archive)) posts = ReadArchive(archive, wanted, progress, cancellationToken);
            else posts = ReadFolder(path, wanted, progress, cancellationToken);
        }
        else throw new FileNotFoundException($"The 20 Newsgroups source '{path}' does not exist: give the 20news-bydate.tar.gz archive or the folder that holds 20news-bydate-train/ and 20news-bydate-test/.", path);

        foreach (var w in wanted)
            if (!posts.TryGetValue(w, out var groups) || groups.Count == 0)
                throw new InvalidDataException($"'{path}' holds no posts under {w}/<group>/<file>; it is not the 20news-bydate archive or folder.");
        progress?.Report(1.0);
        return (train ? ToSplit(TrainFolder, posts[TrainFolder]) : null, test ? ToSplit(TestFolder, posts[TestFolder]) : null);
    }

    /// <summary>Sorted groups, sorted files, then NumPy's <c>RandomState(0)</c> shuffle, as <c>load_files</c> does by default.</summary>
    private static NewsgroupsSplit ToSplit(string folder, SortedDictionary<string, SortedDictionary<string, string>> groups)
    {
        var names = groups.Keys.ToArray();
        var texts = new List<string>();
        var target = new List<int>();
        var files = new List<string>();
        for (int g = 0; g < names.Length; g++)
            foreach (var (file, text) in groups[names[g]])
            {
                texts.Add(text);
                target.Add(g);
                files.Add($"{folder}/{names[g]}/{file}");
            }
        var perm = NumpyLegacyShuffle.Permutation(texts.Count, 0);
        return new NewsgroupsSplit(names, NumpyLegacyShuffle.Apply(texts, perm), NumpyLegacyShuffle.Apply(target, perm), NumpyLegacyShuffle.Apply(files, perm));
    }

    private static Dictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> NewPostTable(List<string> wanted)
    {
        var table = new Dictionary<string, SortedDictionary<string, SortedDictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var w in wanted) table[w] = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        return table;
    }

    private static void Add(Dictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> table, string split, string group, string file, string text)
    {
        if (!table[split].TryGetValue(group, out var files))
            table[split][group] = files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        files[file] = text;
    }

    private static Dictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> ReadArchive(string path, List<string> wanted, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var table = NewPostTable(wanted);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int got = file.Read(magic);
        file.Position = 0;
        bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        using Stream tarStream = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
        using var reader = new TarReader(tarStream, leaveOpen: true);
        var buffer = new MemoryStream();
        double lastReported = -1;
        try
        {
            for (TarEntry? entry; (entry = reader.GetNextEntry()) is not null;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
                if (!TrySplitPath(entry.Name, wanted, out var split, out var group, out var name)) continue;
                buffer.SetLength(0);
                entry.DataStream.CopyTo(buffer);
                Add(table, split, group, name, Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                double fraction = file.Length == 0 ? 1 : (double)file.Position / file.Length;
                if (progress is not null && fraction - lastReported >= 0.01) { progress.Report(Math.Min(fraction, 0.999)); lastReported = fraction; }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new InvalidDataException($"'{path}' is not a readable tar or tar.gz archive ({e.Message}).", e);
        }
        return table;
    }

    /// <summary>Splits <c>[./][prefix/]20news-bydate-train/group/file</c> into its parts.</summary>
    private static bool TrySplitPath(string entryName, List<string> wanted, out string split, out string group, out string file)
    {
        split = group = file = "";
        var parts = entryName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) return false;
        var s = parts[^3];
        if (!wanted.Contains(s)) return false;
        (split, group, file) = (s, parts[^2], parts[^1]);
        return true;
    }

    private static Dictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> ReadFolder(string root, List<string> wanted, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var table = NewPostTable(wanted);
        var all = new List<(string Split, string Group, string File, string Path)>();
        foreach (var split in wanted)
        {
            var dir = Path.Combine(root, split);
            if (!Directory.Exists(dir))
                throw new DirectoryNotFoundException($"'{root}' has no {split}/ folder: give the folder that holds 20news-bydate-train/ and 20news-bydate-test/, or the 20news-bydate.tar.gz archive.");
            foreach (var groupDir in Directory.EnumerateDirectories(dir))
                foreach (var f in Directory.EnumerateFiles(groupDir))
                    all.Add((split, Path.GetFileName(groupDir), Path.GetFileName(f), f));
        }
        for (int i = 0; i < all.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (split, group, file, path) = all[i];
            Add(table, split, group, file, Encoding.Latin1.GetString(File.ReadAllBytes(path)));
            if (progress is not null && i % 500 == 0) progress.Report((double)i / all.Count);
        }
        return table;
    }
}

using System.Text.Json;

namespace BERTopicNet.Datasets;

/// <summary>
/// 20 Newsgroups posts with their newsgroup, in the order scikit-learn's <c>fetch_20newsgroups</c> returns them
/// for the same options (its <c>data</c>, <c>target</c>, <c>target_names</c> and <c>filenames</c>).
/// </summary>
public sealed class NewsgroupsDataset
{
    internal NewsgroupsDataset(string[] data, int[] target, string[] targetNames, string[] fileNames)
    {
        Data = data;
        Target = target;
        TargetNames = targetNames;
        FileNames = fileNames;
    }

    /// <summary>The posts (after the removals asked for).</summary>
    public IReadOnlyList<string> Data { get; }

    /// <summary>The newsgroup of each post, an index into <see cref="TargetNames"/>.</summary>
    public IReadOnlyList<int> Target { get; }

    /// <summary>The newsgroup names, sorted (e.g. <c>alt.atheism</c> … <c>talk.religion.misc</c>).</summary>
    public IReadOnlyList<string> TargetNames { get; }

    /// <summary>Where each post comes from, as <c>20news-bydate-train/&lt;group&gt;/&lt;file&gt;</c>.</summary>
    public IReadOnlyList<string> FileNames { get; }

    /// <summary>The number of posts.</summary>
    public int Count => Data.Count;

    /// <summary>The newsgroup name of post <paramref name="index"/>.</summary>
    public string LabelOf(int index) => TargetNames[Target[index]];

    /// <summary>
    /// Writes the posts as JSON Lines, one <c>{"text", "label", "split", "id"}</c> object a line (UTF-8), the
    /// <c>docs.jsonl</c> format the command-line tool and the benchmarks read.
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    public void WriteJsonl(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        var newline = "\n"u8.ToArray();
        for (int i = 0; i < Count; i++)
        {
            var parts = FileNames[i].Split('/');
            writer.WriteStartObject();
            writer.WriteString("text", Data[i]);
            writer.WriteString("label", LabelOf(i));
            writer.WriteString("split", parts[0].EndsWith("train", StringComparison.Ordinal) ? "train" : "test");
            writer.WriteString("id", parts[^1]);
            writer.WriteEndObject();
            writer.Flush();
            stream.Write(newline);
            writer.Reset();
        }
    }
}

using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using BERTopicNet.Persistence;
using BERTopicNet.Testing;

namespace BERTopicNet.Tests.Persistence;

public class PythonModelFolderTests
{
    private static string PythonFolder => SharedData.PathOf("reference", "bbc_news", "python_model");

    /// <summary>An independent minimal reader (System.Text.Json + raw bytes) to check ours against.</summary>
    private static (JsonElement Header, byte[] Data) RawSafeTensors(string path)
    {
        var b = File.ReadAllBytes(path);
        int n = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(b));
        return (JsonDocument.Parse(b.AsMemory(8, n)).RootElement.Clone(), b[(8 + n)..]);
    }

    [SharedDataFact]
    public void ReadsPythonsFolderAndAgreesWithItsOwnJson()
    {
        var folder = PythonModelFolder.Read(PythonFolder);
        using var topicsDoc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(PythonFolder, "topics.json")));
        var root = topicsDoc.RootElement;

        // Topic words and scores.
        var reps = root.GetProperty("topic_representations");
        Assert.Equal(reps.EnumerateObject().Count(), folder.Topics.TopicRepresentations.Count);
        foreach (var p in reps.EnumerateObject())
        {
            var ours = folder.Topics.TopicRepresentations[int.Parse(p.Name)];
            var theirs = p.Value.EnumerateArray().Select(x => (x[0].GetString()!, x[1].GetDouble())).ToList();
            Assert.Equal(theirs, ours);
        }
        // Sizes: as written, and equal to the counts of the per-document topics.
        foreach (var p in root.GetProperty("topic_sizes").EnumerateObject())
            Assert.Equal(p.Value.GetInt32(), folder.Topics.TopicSizes[int.Parse(p.Name)]);
        Assert.Equal(root.GetProperty("topics").GetArrayLength(), folder.Topics.Topics.Length);
        foreach (var g in folder.Topics.Topics.GroupBy(t => t)) Assert.Equal(g.Count(), folder.Topics.TopicSizes[g.Key]);
        // Labels: as written, and built from the first four words as BERTopic does.
        foreach (var p in root.GetProperty("topic_labels").EnumerateObject())
        {
            int id = int.Parse(p.Name);
            Assert.Equal(p.Value.GetString(), folder.Topics.TopicLabels[id]);
            Assert.Equal($"{id}_" + string.Join("_", folder.Topics.TopicRepresentations[id].Take(4).Select(w => w.Word)), folder.Topics.TopicLabels[id]);
        }
        Assert.Equal(1, folder.Topics.Outliers);
        Assert.Null(folder.Topics.CustomLabels);
        Assert.Equal(root.GetProperty("topic_mapper").GetArrayLength(), folder.Topics.TopicMapper.Count);
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", folder.Config.EmbeddingModel);
        Assert.Equal(10, folder.Config.MinTopicSize);
        Assert.Equal((1, 1), folder.Config.NGramRange);

        // Topic embeddings: shape from the header, values from the raw bytes.
        var (header, data) = RawSafeTensors(Path.Combine(PythonFolder, "topic_embeddings.safetensors"));
        var info = header.GetProperty("topic_embeddings");
        Assert.Equal("F32", info.GetProperty("dtype").GetString());
        int rows = info.GetProperty("shape")[0].GetInt32(), cols = info.GetProperty("shape")[1].GetInt32();
        Assert.Equal(folder.Topics.TopicRepresentations.Count, rows);
        Assert.Equal(384, cols);
        Assert.Equal(rows, folder.TopicEmbeddings.GetLength(0));
        Assert.Equal(cols, folder.TopicEmbeddings.GetLength(1));
        int start = info.GetProperty("data_offsets")[0].GetInt32();
        for (int r = 0; r < rows; r += 7)
            for (int c = 0; c < cols; c += 13)
                Assert.Equal(BitConverter.ToSingle(data, start + 4 * (r * cols + c)), folder.TopicEmbeddings[r, c]);

        // c-TF-IDF: each topic's ten best words and scores are its representation (default representation model).
        Assert.NotNull(folder.Ctfidf);
        Assert.NotNull(folder.CtfidfConfig);
        var ct = folder.Ctfidf!;
        var vocab = folder.CtfidfConfig!.VocabularyByColumn();
        Assert.Equal(vocab.Length, ct.Columns);
        Assert.Equal(vocab.Length, ct.IdfDiagonal.Length);
        var ids = folder.Topics.SortedTopicIds();
        for (int r = 0; r < ct.Rows; r++)
        {
            var best = Enumerable.Range(ct.IndPtr[r], ct.IndPtr[r + 1] - ct.IndPtr[r])
                .OrderByDescending(i => ct.Data[i]).Take(10).ToList();
            var rep = folder.Topics.TopicRepresentations[ids[r]];
            for (int k = 0; k < 10; k++) Assert.Equal(rep[k].Score, ct.Data[best[k]], 12);
            Assert.Equal(rep.Select(w => w.Word).Order(), best.Select(i => vocab[ct.Indices[i]]).Order());
        }
        Assert.False(folder.CtfidfConfig.Bm25Weighting);
        Assert.Equal("(?u)\\b\\w\\w+\\b", folder.CtfidfConfig.VectorizerParams["token_pattern"]!.GetValue<string>());
    }

    [SharedDataFact]
    public void RewritingPythonsFolderGivesByteIdenticalJsonAndTheSameTensors()
    {
        var folder = PythonModelFolder.Read(PythonFolder);
        var dir = Directory.CreateTempSubdirectory("bertopic-py-rewrite-");
        try
        {
            folder.Write(dir.FullName);
            foreach (var json in new[] { "config.json", "topics.json", "ctfidf_config.json" })
                Assert.True(File.ReadAllBytes(Path.Combine(PythonFolder, json)).SequenceEqual(File.ReadAllBytes(Path.Combine(dir.FullName, json))), $"{json} differs from Python's");
            foreach (var st in new[] { "topic_embeddings.safetensors", "ctfidf.safetensors" })
            {
                var (h1, d1) = RawSafeTensors(Path.Combine(PythonFolder, st));
                var (h2, d2) = RawSafeTensors(Path.Combine(dir.FullName, st));
                var names = h1.EnumerateObject().Select(p => p.Name).Order().ToList();
                Assert.Equal(names, h2.EnumerateObject().Select(p => p.Name).Order().ToList());
                foreach (var name in names)
                {
                    var a = h1.GetProperty(name); var b = h2.GetProperty(name);
                    Assert.Equal(a.GetProperty("dtype").GetString(), b.GetProperty("dtype").GetString());
                    Assert.Equal(a.GetProperty("shape").GetRawText(), b.GetProperty("shape").GetRawText());
                    int s1 = a.GetProperty("data_offsets")[0].GetInt32(), e1 = a.GetProperty("data_offsets")[1].GetInt32();
                    int s2 = b.GetProperty("data_offsets")[0].GetInt32(), e2 = b.GetProperty("data_offsets")[1].GetInt32();
                    Assert.True(d1.AsSpan(s1, e1 - s1).SequenceEqual(d2.AsSpan(s2, e2 - s2)), $"{st}: tensor {name} differs");
                }
                Assert.Equal(0UL, (8 + BinaryPrimitives.ReadUInt64LittleEndian(File.ReadAllBytes(Path.Combine(dir.FullName, st)))) % 8);
            }
            var again = PythonModelFolder.Read(dir.FullName);
            Assert.Equal(folder.TopicEmbeddings, again.TopicEmbeddings);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void PythonStyleFloatsAndStringsMatchPythonsJsonModule()
    {
        // Expected strings: Python 3's repr(float) and json.dumps(ensure_ascii=True).
        Assert.Equal("0.023163103807372406", PythonJsonWriter.FormatFloat(0.023163103807372406));
        Assert.Equal("1.0", PythonJsonWriter.FormatFloat(1.0));
        Assert.Equal("0.7", PythonJsonWriter.FormatFloat(0.7));
        Assert.Equal("1e-05", PythonJsonWriter.FormatFloat(1e-05));
        Assert.Equal("0.0001", PythonJsonWriter.FormatFloat(0.0001));
        Assert.Equal("1e+16", PythonJsonWriter.FormatFloat(1e16));
        Assert.Equal("1000000000000000.0", PythonJsonWriter.FormatFloat(1e15));
        Assert.Equal("-2.5e-300", PythonJsonWriter.FormatFloat(-2.5e-300));
        Assert.Equal("123.456", PythonJsonWriter.FormatFloat(123.456));
        Assert.Equal("-0.0", PythonJsonWriter.FormatFloat(-0.0));
        Assert.Equal("1.7976931348623157e+308", PythonJsonWriter.FormatFloat(double.MaxValue));
        var sb = new StringBuilder();
        PythonJsonWriter.AppendString(sb, "café \"q\" \\ \n\u007f😀");
        Assert.Equal("\"caf\\u00e9 \\\"q\\\" \\\\ \\n\\u007f\\ud83d\\ude00\"", sb.ToString());
        var w = new PythonJsonWriter().BeginObject().Key("a").BeginArray().EndArray().Key("b").BeginObject().EndObject()
            .Key("c").BeginArray().Value(1).Value(2.0).EndArray().EndObject();
        Assert.Equal("{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    2.0\n  ]\n}", w.ToString());
    }
}

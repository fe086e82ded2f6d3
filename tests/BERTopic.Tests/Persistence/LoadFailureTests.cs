using System.Text;
using BERTopicNet.Persistence;

namespace BERTopicNet.Tests.Persistence;

/// <summary>Damaged, hostile or foreign folders: Load raises <see cref="ModelFormatException"/> naming the file and the problem.</summary>
public sealed class LoadFailureTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bertopic-load-fail-");
    private static readonly Lazy<BERTopic> Model = new(() => ModelRoundTripTests.FitManual());

    public void Dispose() => _root.Delete(recursive: true);

    private string SavedCopy(string name)
    {
        string dir = Path.Combine(_root.FullName, name);
        Model.Value.Save(dir);
        return dir;
    }

    private static ModelFormatException LoadFails(string dir, string expectedFile, string expectedText, bool verify = true)
    {
        var e = Assert.Throws<ModelFormatException>(() => BERTopic.Load(dir, options: new LoadOptions { VerifyChecksums = verify, EmbeddingModelResolver = _ => throw new IOException("not here") }));
        Assert.Contains(expectedFile, e.Message);
        Assert.Contains(expectedText, e.Message);
        return e;
    }

    private static void Edit(string path, Func<string, string> change) => File.WriteAllText(path, change(File.ReadAllText(path)), new UTF8Encoding(false));

    [Fact]
    public void MissingFolderOrFileOrForeignFolder()
    {
        LoadFails(Path.Combine(_root.FullName, "nope"), "nope", "does not exist");
        var empty = Directory.CreateDirectory(Path.Combine(_root.FullName, "empty")).FullName;
        LoadFails(empty, "empty", "is not a saved BERTopic model");
        string file = Path.Combine(_root.FullName, "file.txt");
        File.WriteAllText(file, "x");
        LoadFails(file, "file.txt", "is a file");

        foreach (var victim in new[] { "topics.json", "topic_embeddings.safetensors", "ctfidf.safetensors", "ctfidf_config.json", "config.json" })
        {
            string dir = SavedCopy("missing-" + victim);
            File.Delete(Path.Combine(dir, victim));
            LoadFails(dir, victim, "missing");
        }
    }

    [Fact]
    public void DamagedFilesAreCaughtByTheManifestOrByValidation()
    {
        string dir = SavedCopy("truncated");
        var path = Path.Combine(dir, "topic_embeddings.safetensors");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);
        LoadFails(dir, "topic_embeddings.safetensors", "truncated");
        LoadFails(dir, "topic_embeddings.safetensors", "past the end of the data", verify: false);

        dir = SavedCopy("flipped");
        path = Path.Combine(dir, "ctfidf.safetensors");
        bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        LoadFails(dir, "ctfidf.safetensors", "SHA-256");

        dir = SavedCopy("edited");
        Edit(Path.Combine(dir, "topics.json"), s => s.Replace("\"_outliers\": 1", "\"_outliers\": 7"));
        LoadFails(dir, "topics.json", "SHA-256");
        LoadFails(dir, "topics.json", "'_outliers' = 7", verify: false);
    }

    [Fact]
    public void NewerFormatVersionIsRefusedWithAnUpgradeHint()
    {
        string dir = SavedCopy("newer");
        Edit(Path.Combine(dir, "bertopic_net.json"), s => s.Replace("\"format_version\": 1", "\"format_version\": 99"));
        var e = LoadFails(dir, "bertopic_net.json", "format version 99");
        Assert.Contains("Upgrade", e.Message);
    }

    [Fact]
    public void InconsistentPythonFolders()
    {
        // Without our manifest the folder is read as Python's: every check then comes from validation.
        string Py(string name)
        {
            string dir = SavedCopy(name);
            File.Delete(Path.Combine(dir, "bertopic_net.json"));
            return dir;
        }
        var model = Model.Value;
        int topics = model.TopicIds.Count;

        string dir = Py("py-ok");
        var ok = BERTopic.Load(dir, options: new LoadOptions { EmbeddingModelResolver = _ => throw new IOException("absent") });
        Assert.Equal(model.TopicLabels, ok.TopicLabels);
        var embedError = Assert.Throws<InvalidOperationException>(() => ok.EmbeddingModel!.Embed(["a document"]));
        Assert.Contains("my-org/my-embedder", embedError.Message);
        Assert.Contains("absent", embedError.Message);

        dir = Py("py-embeddings-rows");
        new SafeTensorsFile().Add(SafeTensor.FromMatrix("topic_embeddings", new float[topics + 1, 16])).Save(Path.Combine(dir, "topic_embeddings.safetensors"));
        LoadFails(dir, "topic_embeddings.safetensors", $"expected shape [{topics}, *]");

        dir = Py("py-embeddings-name");
        new SafeTensorsFile().Add(SafeTensor.FromMatrix("embeddings", new float[topics, 16])).Save(Path.Combine(dir, "topic_embeddings.safetensors"));
        LoadFails(dir, "topic_embeddings.safetensors", "no tensor named 'topic_embeddings'");

        dir = Py("py-embeddings-dtype");
        new SafeTensorsFile().Add(SafeTensor.FromInt32("topic_embeddings", new int[topics * 2], topics, 2)).Save(Path.Combine(dir, "topic_embeddings.safetensors"));
        LoadFails(dir, "topic_embeddings.safetensors", "dtype I32");

        dir = Py("py-pickle-only");
        File.Move(Path.Combine(dir, "topic_embeddings.safetensors"), Path.Combine(dir, "topic_embeddings.bin"));
        LoadFails(dir, "topic_embeddings.safetensors", "pickle");

        dir = Py("py-unknown-topic");
        Edit(Path.Combine(dir, "topics.json"), s => s.Replace("\"topics\": [\n    ", "\"topics\": [\n    4242,\n    "));
        LoadFails(dir, "topics.json", "4242");

        dir = Py("py-bad-json");
        Edit(Path.Combine(dir, "config.json"), s => s[..(s.Length / 2)]);
        LoadFails(dir, "config.json", "not valid JSON");

        dir = Py("py-duplicate-key");
        Edit(Path.Combine(dir, "config.json"), s => s.Replace("\"verbose\": false", "\"verbose\": false, \"verbose\": true"));
        LoadFails(dir, "config.json", "not valid JSON");

        dir = Py("py-array-root");
        File.WriteAllText(Path.Combine(dir, "topics.json"), "[1, 2, 3]");
        LoadFails(dir, "topics.json", "array where an object was expected");

        dir = Py("py-nr-topics");
        Edit(Path.Combine(dir, "config.json"), s => s.Replace("\"nr_topics\": null", "\"nr_topics\": \"many\""));
        LoadFails(dir, "config.json", "'nr_topics'");

        dir = Py("py-ctfidf-columns");
        Edit(Path.Combine(dir, "ctfidf_config.json"), s => s.Replace("\"vocab\": {", "\"vocab\": {\n      \"zzzextra\": " + model.Vocabulary.Count + ","));
        LoadFails(dir, "ctfidf.safetensors", "columns");

        dir = Py("py-vocab-index");
        Edit(Path.Combine(dir, "ctfidf_config.json"), s => s.Replace("\"vocab\": {", "\"vocab\": {\n      \"zzzextra\": 999999,"));
        LoadFails(dir, "ctfidf_config.json", "999999");

        dir = Py("py-ctfidf-alone");
        File.Delete(Path.Combine(dir, "ctfidf_config.json"));
        LoadFails(dir, "ctfidf_config.json", "missing while ctfidf.safetensors is present");

        dir = Py("py-indices");
        var ct = SafeTensorsFile.Read(Path.Combine(dir, "ctfidf.safetensors"));
        var bad = new SafeTensorsFile();
        foreach (var t in ct.Tensors.Where(t => t.Name != "indices")) bad.Add(t);
        var idx = ct["indices"].ToInt32Array();
        idx[0] = -5;
        bad.Add(SafeTensor.FromInt32("indices", idx));
        bad.Save(Path.Combine(dir, "ctfidf.safetensors"));
        LoadFails(dir, "ctfidf.safetensors", "'indices[0]' = -5");
    }

    [Fact]
    public void SaveNeverReplacesAForeignFolderAndLeavesNoTemporaryFolders()
    {
        string foreign = Directory.CreateDirectory(Path.Combine(_root.FullName, "photos")).FullName;
        File.WriteAllText(Path.Combine(foreign, "cat.jpg"), "meow");
        Assert.Throws<IOException>(() => Model.Value.Save(foreign));
        Assert.Equal("meow", File.ReadAllText(Path.Combine(foreign, "cat.jpg")));

        string dir = SavedCopy("replace");
        Model.Value.Save(dir); // replacing a saved model is allowed
        Assert.Throws<IOException>(() => Model.Value.Save(dir, new SaveOptions { Overwrite = false }));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Model.Value.Save(Path.Combine(_root.FullName, "cancelled"), cancellationToken: cts.Token));
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "cancelled")));
        Assert.DoesNotContain(Directory.GetDirectories(_root.FullName), d => Path.GetFileName(d).StartsWith('.'));
        Assert.Throws<InvalidOperationException>(() => new BERTopic().Save(Path.Combine(_root.FullName, "unfitted")));
    }

    [Fact]
    public void AnAbsentEmbeddingModelLoadsTheTopicsAndExplainsWhenDocumentsNeedEmbedding()
    {
        string dir = Path.Combine(_root.FullName, "absent-embedder");
        Model.Value.Save(dir, new SaveOptions { EmbeddingModelName = "no-such-org/no-such-model" });
        var loaded = BERTopic.Load(dir); // the default resolver looks only at local folders; nothing is downloaded
        Assert.Equal(Model.Value.TopicLabels, loaded.TopicLabels);
        Assert.Equal("no-such-org/no-such-model", loaded.EmbeddingModel!.Name);
        var e = Assert.Throws<InvalidOperationException>(() => loaded.EmbeddingModel.Embed(["text"]));
        Assert.Contains("no-such-org/no-such-model", e.Message);
        Assert.Contains("BERTopic.Load(path, embeddingModel)", e.Message);
    }

    [Fact]
    public void TheBundledModelIsResolvedByTheNamePythonSaved()
    {
        string dir = Path.Combine(_root.FullName, "minilm");
        Model.Value.Save(dir, new SaveOptions { EmbeddingModelName = "sentence-transformers/all-MiniLM-L6-v2" });
        var loaded = BERTopic.Load(dir);
        Assert.IsNotType<UnresolvedEmbeddingModel>(loaded.EmbeddingModel);
        Assert.Equal("all-MiniLM-L6-v2", loaded.EmbeddingModel!.Name);
    }
}

using System.Text;
using System.Text.Json;
using BERTopicNet.Embedding;
using BERTopicNet.Models;

namespace BERTopicNet.Onnx.Tests;

/// <summary>Two model folders in a temporary root, laid out as models/README.md documents (built from the bundled model).</summary>
public sealed class ModelFolderFixture : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "bertopic-onnx-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>model.onnx + vocab.txt + sentence_bert_config.json (max 128) + 1_Pooling/config.json.</summary>
    public string VocabFolder => Path.Combine(Root, "my-model");

    /// <summary>onnx/model.onnx + tokenizer.json (WordPiece) only.</summary>
    public string TokenizerJsonFolder => Path.Combine(Root, "json-model");

    public ModelFolderFixture()
    {
        Directory.CreateDirectory(Path.Combine(VocabFolder, "1_Pooling"));
        using (var onnx = MiniLmModel.OpenOnnx()) using (var f = File.Create(Path.Combine(VocabFolder, "model.onnx"))) onnx.CopyTo(f);
        using (var vocab = MiniLmModel.OpenVocab()) using (var f = File.Create(Path.Combine(VocabFolder, "vocab.txt"))) vocab.CopyTo(f);
        File.WriteAllText(Path.Combine(VocabFolder, "sentence_bert_config.json"), """{"max_seq_length": 128, "do_lower_case": false}""");
        File.WriteAllText(Path.Combine(VocabFolder, "1_Pooling", "config.json"), """{"word_embedding_dimension": 384, "pooling_mode_cls_token": false, "pooling_mode_mean_tokens": true, "pooling_mode_max_tokens": false}""");

        Directory.CreateDirectory(Path.Combine(TokenizerJsonFolder, "onnx"));
        File.CreateSymbolicLink(Path.Combine(TokenizerJsonFolder, "onnx", "model.onnx"), Path.Combine(VocabFolder, "model.onnx"));
        var tokens = File.ReadAllLines(Path.Combine(VocabFolder, "vocab.txt"));
        var vocabObject = new Dictionary<string, int>();
        for (int i = 0; i < tokens.Length; i++) vocabObject[tokens[i]] = i;
        var tokenizer = new
        {
            version = "1.0",
            normalizer = new { type = "BertNormalizer", clean_text = true, handle_chinese_chars = true, strip_accents = (bool?)null, lowercase = true },
            model = new { type = "WordPiece", unk_token = "[UNK]", continuing_subword_prefix = "##", max_input_chars_per_word = 100, vocab = vocabObject },
        };
        File.WriteAllText(Path.Combine(TokenizerJsonFolder, "tokenizer.json"), JsonSerializer.Serialize(tokenizer));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Loading models from folders and names: layouts, configuration files, the resolver and its errors.</summary>
[Collection(nameof(ModelEnvironment))]
public sealed class ModelFolderTests(ModelFolderFixture folders, MiniLmFixture fx) : IClassFixture<ModelFolderFixture>, IClassFixture<MiniLmFixture>
{
    private static readonly string[] Sentences = ["The weather is lovely today.", "Résumé of the café owner", "中文 and 😀"];

    [Fact]
    public void Folder_With_Vocab_Txt_Reads_Its_Configuration()
    {
        using var enc = SentenceEncoder.FromDirectory(folders.VocabFolder);
        Assert.Equal("my-model", enc.Name);
        Assert.Equal(128, enc.MaxSequenceLength); // from sentence_bert_config.json
        Assert.Equal(384, enc.Dimension);
        AssertClose(fx.Encoder.Encode(Sentences), enc.Encode(Sentences));
        Assert.Equal(128, enc.Tokenize(string.Concat(Enumerable.Repeat("word ", 500))).Length);
    }

    [Fact]
    public void Explicit_Options_Override_The_Folder()
    {
        using var enc = SentenceEncoder.FromDirectory(folders.VocabFolder, new SentenceEncoderOptions { MaxSequenceLength = 64, Pooling = PoolingMode.Cls });
        Assert.Equal(64, enc.MaxSequenceLength);
        var cls = enc.Encode(Sentences);
        var mean = fx.Encoder.Encode(Sentences);
        Assert.NotEqual(MiniLmFixture.Row(mean, 0), MiniLmFixture.Row(cls, 0));
    }

    [Fact]
    public void Folder_With_Tokenizer_Json_And_Onnx_Subfolder_Loads()
    {
        using var enc = SentenceEncoder.FromDirectory(folders.TokenizerJsonFolder);
        Assert.True(enc.LowerCase);
        Assert.True(enc.StripAccents); // strip_accents null follows lowercase, as in Hugging Face
        foreach (var s in Sentences) Assert.Equal(fx.Encoder.Tokenize(s), enc.Tokenize(s));
        AssertClose(fx.Encoder.Encode(Sentences), enc.Encode(Sentences));
    }

    [Fact]
    public void Resolver_Finds_A_Name_Under_The_Environment_Folder_And_Explains_A_Miss()
    {
        string? saved = Environment.GetEnvironmentVariable(ModelResolver.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ModelResolver.EnvironmentVariable, Path.Combine(folders.Root, "absent") + Path.PathSeparator + folders.Root);
            Assert.Equal(Path.GetFullPath(folders.VocabFolder), ModelResolver.Resolve("my-model"));
            Assert.Equal(Path.GetFullPath(folders.VocabFolder), ModelResolver.Resolve("someone/my-model"));
            Assert.Equal(Path.GetFullPath(folders.TokenizerJsonFolder), ModelResolver.Resolve(folders.TokenizerJsonFolder));
            Assert.Equal("my-model", EmbeddingModels.FromName("my-model").Name);

            var e = Assert.Throws<DirectoryNotFoundException>(() => ModelResolver.Resolve("no-such-model-xyz"));
            Assert.Contains(Path.Combine(folders.Root, "no-such-model-xyz"), e.Message);
            Assert.Contains(ModelResolver.UserModelDirectory, e.Message);
            Assert.Contains("BERTOPIC_MODELS", e.Message);
            Assert.Contains("optimum-cli export onnx", e.Message);
            // The packages do not hold models/README.md: the error links the repository's page instead.
            Assert.Contains("https://github.com/bertopic-dotnet/bertopic-dotnet/blob/HEAD/models/README.md", e.Message);
            Assert.DoesNotContain("see models/README.md", e.Message);
            Assert.False(ModelResolver.TryResolve("no-such-model-xyz", out _));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelResolver.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public void Folder_Without_Vocabulary_Or_Model_Gives_A_Clear_Error()
    {
        string dir = Path.Combine(folders.Root, "broken");
        Directory.CreateDirectory(dir);
        Assert.Contains("model.onnx", Assert.Throws<FileNotFoundException>(() => SentenceEncoder.FromDirectory(dir)).Message);
        File.WriteAllBytes(Path.Combine(dir, "model.onnx"), [0]);
        Assert.Contains("vocab.txt", Assert.Throws<FileNotFoundException>(() => SentenceEncoder.FromDirectory(dir)).Message);
        Assert.Throws<DirectoryNotFoundException>(() => SentenceEncoder.FromDirectory(Path.Combine(folders.Root, "nowhere")));
    }

    [Fact]
    public void Unigram_Tokenizer_Json_Is_Reported_As_Unsupported()
    {
        string dir = Path.Combine(folders.Root, "unigram");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), """{"model": {"type": "Unigram", "vocab": [["<s>", 0.0]]}}""");
        File.CreateSymbolicLink(Path.Combine(dir, "model.onnx"), Path.Combine(folders.VocabFolder, "model.onnx"));
        Assert.Contains("sentencepiece.bpe.model", Assert.Throws<NotSupportedException>(() => SentenceEncoder.FromDirectory(dir)).Message);
    }

    [Fact]
    public void Language_Table_Follows_BERTopic()
    {
        Assert.Equal("all-MiniLM-L6-v2", SentenceModels.ForLanguage("english"));
        Assert.Equal("all-MiniLM-L6-v2", SentenceModels.ForLanguage("English"));
        Assert.Equal("paraphrase-multilingual-MiniLM-L12-v2", SentenceModels.ForLanguage("multilingual"));
        Assert.Equal("paraphrase-multilingual-MiniLM-L12-v2", SentenceModels.ForLanguage("German"));
        Assert.Equal("paraphrase-multilingual-MiniLM-L12-v2", SentenceModels.ForLanguage("chinese (traditional)"));
        Assert.Equal(53, SentenceModels.Languages.Count);
        var e = Assert.Throws<ArgumentException>(() => SentenceModels.ForLanguage("klingon"));
        Assert.Equal("language", e.ParamName);
        Assert.Contains("multilingual", e.Message);
    }

    [Fact]
    public void Multilingual_Model_Absent_Locally_Says_Where_It_Looked()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => EmbeddingModels.ForLanguage("french"));
        Assert.Contains("paraphrase-multilingual-MiniLM-L12-v2", e.Message);
        Assert.Contains(ModelResolver.UserModelDirectory, e.Message);
    }

    [Fact]
    public void Default_Embedding_Model_Is_The_Bundled_MiniLM()
    {
        using var model = EmbeddingModels.Default();
        Assert.Equal("all-MiniLM-L6-v2", model.Name);
        IEmbeddingModel asInterface = model;
        AssertClose(fx.Encoder.Encode(Sentences), asInterface.Embed(Sentences));
        using var byLanguage = EmbeddingModels.ForLanguage("en");
        Assert.Equal("all-MiniLM-L6-v2", byLanguage.Name);
    }

    private static void AssertClose(float[,] expected, float[,] actual)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Assert.Equal(expected[i, j], actual[i, j], 1e-5f);
    }
}

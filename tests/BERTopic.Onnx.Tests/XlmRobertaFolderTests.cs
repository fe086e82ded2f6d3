using System.Text.Json;
using BERTopicNet.Clustering;
using BERTopicNet.Embedding;
using BERTopicNet.Reduction;

namespace BERTopicNet.Onnx.Tests;

/// <summary>Tests that read or set the BERTOPIC_MODELS environment variable run one at a time.</summary>
[CollectionDefinition(nameof(ModelEnvironment), DisableParallelization = true)]
public sealed class ModelEnvironment;

/// <summary>
/// Two XLM-R-style model folders in a temporary root, laid out as sentence-transformers exports
/// paraphrase-multilingual-MiniLM-L12-v2, over the self-trained xlmr-tiny SentencePiece model and a tiny ONNX model.
/// </summary>
public sealed class XlmRobertaFolders : IDisposable
{
    public const int Dim = 8;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "bertopic-xlmr-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>model.onnx (input_ids, attention_mask) + sentencepiece.bpe.model + tokenizer.json (Unigram) + max_seq_length 128, mean pooling.</summary>
    public string Multilingual => Path.Combine(Root, SentenceModels.Multilingual);

    /// <summary>onnx/model.onnx with token_type_ids (as a BertModel export) + a SentencePiece file under another name + max_seq_length 16.</summary>
    public string Short => Path.Combine(Root, "short-xlmr");

    public SentencePieceReference Reference { get; } = new(SentencePieceReference.XlmrTiny);

    /// <summary>Token vectors: one row per id, &lt;s&gt; = 0 up to &lt;mask&gt; = pieces + 1.</summary>
    public float[,] Table { get; }

    /// <summary>Token-type vectors of the <see cref="Short"/> model.</summary>
    public float[,] Types { get; } = TinyOnnxModel.RandomTable(2, Dim, seed: 7);

    public XlmRobertaFolders()
    {
        Table = TinyOnnxModel.RandomTable(Reference.VocabularySize + 2, Dim, seed: 42);
        Directory.CreateDirectory(Path.Combine(Multilingual, "1_Pooling"));
        File.WriteAllBytes(Path.Combine(Multilingual, "model.onnx"), TinyOnnxModel.Build(Table));
        File.Copy(SentencePieceReference.ModelPath(SentencePieceReference.XlmrTiny), Path.Combine(Multilingual, "sentencepiece.bpe.model"));
        File.WriteAllText(Path.Combine(Multilingual, "sentence_bert_config.json"), """{"max_seq_length": 128, "do_lower_case": false}""");
        File.WriteAllText(Path.Combine(Multilingual, "1_Pooling", "config.json"), """{"word_embedding_dimension": 8, "pooling_mode_cls_token": false, "pooling_mode_mean_tokens": true, "pooling_mode_max_tokens": false}""");
        File.WriteAllText(Path.Combine(Multilingual, "tokenizer.json"), """{"model": {"type": "Unigram", "unk_id": 3, "vocab": [["<s>", 0.0], ["<pad>", 0.0], ["</s>", 0.0], ["<unk>", 0.0]]}}""");
        File.WriteAllText(Path.Combine(Multilingual, "tokenizer_config.json"), """{"bos_token": "<s>", "eos_token": "</s>", "model_max_length": 512, "tokenizer_class": "XLMRobertaTokenizer"}""");

        Directory.CreateDirectory(Path.Combine(Short, "onnx"));
        File.WriteAllBytes(Path.Combine(Short, "onnx", "model.onnx"), TinyOnnxModel.Build(Table, Types));
        File.Copy(SentencePieceReference.ModelPath(SentencePieceReference.XlmrTiny), Path.Combine(Short, "xlmr-tiny.model"));
        File.WriteAllText(Path.Combine(Short, "sentence_bert_config.json"), """{"max_seq_length": 16, "do_lower_case": false}""");
    }

    /// <summary>What the encoder must give: &lt;s&gt;, SentencePiece ids + 1 (unknown → 3), &lt;/s&gt;, cut to <paramref name="maxLength"/>.</summary>
    public static int[] Framed(IEnumerable<int> spmIds, int maxLength) =>
        [0, .. spmIds.Select(i => i == 0 ? 3 : i + 1).Take(maxLength - 2), 2];

    /// <summary>The mean of the rows of <paramref name="ids"/> (plus token type 0's row), L2-normalised, in double.</summary>
    public float[] ExpectedVector(int[] ids, bool withTypes)
    {
        var sum = new double[Dim];
        foreach (int id in ids)
            for (int j = 0; j < Dim; j++) sum[j] += Table[id, j] + (withTypes ? Types[0, j] : 0);
        double norm = Math.Sqrt(sum.Sum(v => v * v));
        return [.. sum.Select(v => (float)(v / norm))];
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>An XLM-R-style model folder (paraphrase-multilingual-MiniLM-L12-v2's layout) loads, tokenizes and embeds correctly.</summary>
[Collection(nameof(ModelEnvironment))]
public sealed class XlmRobertaFolderTests(XlmRobertaFolders folders) : IClassFixture<XlmRobertaFolders>
{
    private IEnumerable<SentencePieceReference.Case> PlainSentences => folders.Reference.Sentences.Where(c => !c.Text.Contains('<'));

    [Fact]
    public void Folder_Loads_As_SentencePiece_With_Its_Configuration()
    {
        using var enc = SentenceEncoder.FromDirectory(folders.Multilingual);
        Assert.Equal(TokenizerKind.SentencePiece, enc.Tokenizer); // sentencepiece.bpe.model wins over the Unigram tokenizer.json
        Assert.Equal(SentenceModels.Multilingual, enc.Name);
        Assert.Equal(128, enc.MaxSequenceLength);
        Assert.Equal(XlmRobertaFolders.Dim, enc.Dimension);
        Assert.False(enc.LowerCase);
        Assert.False(enc.StripAccents);
        Assert.Equal(1, enc.PadId);
    }

    [Fact]
    public void Known_Model_Exported_Without_Sentence_Bert_Config_Keeps_Its_Max_Length()
    {
        var root = Path.Combine(folders.Root, "optimum-export");
        var dir = Path.Combine(root, SentenceModels.Multilingual);
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(folders.Multilingual, "model.onnx"), Path.Combine(dir, "model.onnx"));
        File.Copy(Path.Combine(folders.Multilingual, "sentencepiece.bpe.model"), Path.Combine(dir, "sentencepiece.bpe.model"));
        using (var enc = SentenceEncoder.FromDirectory(dir))
            Assert.Equal(128, enc.MaxSequenceLength); // sentence-transformers' limit for this model, not the 256 fallback

        var other = Path.Combine(root, "some-other-xlmr");
        Directory.CreateDirectory(other);
        File.Copy(Path.Combine(dir, "model.onnx"), Path.Combine(other, "model.onnx"));
        File.Copy(Path.Combine(dir, "sentencepiece.bpe.model"), Path.Combine(other, "sentencepiece.bpe.model"));
        using (var enc = SentenceEncoder.FromDirectory(other))
            Assert.Equal(256, enc.MaxSequenceLength);
    }

    [Fact]
    public void Tokens_Are_The_Reference_Ids_Shifted_Between_S_And_Slash_S_And_Cut_At_128()
    {
        using var enc = SentenceEncoder.FromDirectory(folders.Multilingual);
        int count = 0;
        foreach (var c in PlainSentences.Concat(folders.Reference.Random.Where(c => !c.Text.Contains('<'))))
        {
            Assert.Equal(XlmRobertaFolders.Framed(c.Ids, 128), enc.Tokenize(c.Text));
            count++;
        }
        Assert.True(count > 1000, $"{count} texts checked");
        string longText = folders.Reference.Sentences.Single(c => c.Ids.Length > 200).Text;
        Assert.Equal(128, enc.Tokenize(longText).Length);
        Assert.Equal([0, 2], enc.Tokenize(""));
        Assert.Equal([0, 2], enc.Tokenize("   "));
    }

    [Fact]
    public void Very_Long_And_Odd_Texts_Embed_To_Finite_Unit_Vectors()
    {
        using var enc = SentenceEncoder.FromDirectory(folders.Multilingual);
        var words = folders.Reference.Sentences.SelectMany(c => c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        string huge = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => words[i % words.Length]));
        string[] docs = [huge, "", " \t\n ", "😀😀😀", "\uD800 lone surrogate", new string('x', 5000)];
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var vectors = enc.Encode(docs);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Equal(128, enc.Tokenize(huge).Length);
        for (int i = 0; i < docs.Length; i++)
        {
            double norm = 0;
            for (int j = 0; j < XlmRobertaFolders.Dim; j++) { Assert.True(float.IsFinite(vectors[i, j])); norm += vectors[i, j] * vectors[i, j]; }
            Assert.Equal(1.0, norm, 1e-5);
        }
    }

    [Fact]
    public void Special_Tokens_Written_In_The_Text_Stay_Whole()
    {
        using var enc = SentenceEncoder.FromDirectory(folders.Multilingual);
        var r = folders.Reference;
        int[] Shift(string s) => [.. r.IdsOf(s).Select(i => i == 0 ? 3 : i + 1)];
        Assert.Equal([0, 0, .. Shift(" looks special "), 2, .. Shift(" "), 3, .. Shift(" but is text"), 2],
            enc.Tokenize("<s> looks special </s> <unk> but is text"));
        int mask = r.VocabularySize + 1;
        Assert.Equal([0, .. Shift("a"), mask, .. Shift("b"), 2], enc.Tokenize("a<mask>b"));
    }

    [Fact]
    public void Vectors_Are_The_Mean_Of_The_Token_Rows_L2_Normalised()
    {
        using var enc = SentenceEncoder.FromDirectory(folders.Multilingual);
        var cases = folders.Reference.Sentences.Concat(folders.Reference.Random.Take(300)).ToArray();
        var vectors = enc.Encode([.. cases.Select(c => c.Text)]);
        for (int i = 0; i < cases.Length; i++)
        {
            var expected = folders.ExpectedVector(enc.Tokenize(cases[i].Text), withTypes: false);
            for (int j = 0; j < XlmRobertaFolders.Dim; j++) Assert.Equal(expected[j], vectors[i, j], 1e-5f);
        }
        // And the tokens behind them are the reference's (for the sentences without special-token text).
        foreach (var c in cases.Where(c => !c.Text.Contains('<')))
            Assert.Equal(XlmRobertaFolders.Framed(c.Ids, 128), enc.Tokenize(c.Text));
    }

    [Fact]
    public void Token_Type_Input_Is_Fed_Zeros_And_A_Short_Max_Length_Cuts()
    {
        using var enc = SentenceEncoder.FromDirectory(folders.Short);
        Assert.Equal(TokenizerKind.SentencePiece, enc.Tokenizer);
        Assert.Equal(16, enc.MaxSequenceLength);
        var texts = PlainSentences.Select(c => c.Text).ToArray();
        var vectors = enc.Encode(texts);
        foreach (var (c, i) in PlainSentences.Select((c, i) => (c, i)))
        {
            var ids = enc.Tokenize(c.Text);
            Assert.Equal(XlmRobertaFolders.Framed(c.Ids, 16), ids);
            Assert.True(ids.Length <= 16);
            var expected = folders.ExpectedVector(ids, withTypes: true);
            for (int j = 0; j < XlmRobertaFolders.Dim; j++) Assert.Equal(expected[j], vectors[i, j], 1e-5f);
        }
    }

    [Fact]
    public void Batching_Sorting_And_Repeats_Do_Not_Change_The_Vectors()
    {
        var texts = folders.Reference.Random.Take(200).Select(c => c.Text).ToArray();
        using var sorted = SentenceEncoder.FromDirectory(folders.Multilingual);
        using var single = SentenceEncoder.FromDirectory(folders.Multilingual, new SentenceEncoderOptions { BatchSize = 1, SortByLength = false, IntraOpThreads = 1 });
        var a = sorted.Encode(texts);
        var b = single.Encode(texts);
        var again = sorted.Encode(texts);
        Assert.Equal(a, again);
        for (int i = 0; i < texts.Length; i++)
            for (int j = 0; j < XlmRobertaFolders.Dim; j++) Assert.Equal(a[i, j], b[i, j], 1e-6f);
    }

    [Fact]
    public void Language_Multilingual_Resolves_The_Folder_Through_The_Model_Directory()
    {
        string? saved = Environment.GetEnvironmentVariable(ModelResolver.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ModelResolver.EnvironmentVariable, folders.Root);
            string[] docs = [.. folders.Reference.Sentences.Select(c => c.Text).Where(t => t.Trim().Length > 0)];
            using var direct = SentenceEncoder.FromDirectory(folders.Multilingual);
            var expected = direct.Encode(docs);

            using var byLanguage = EmbeddingModels.ForLanguage("multilingual");
            Assert.Equal(SentenceModels.Multilingual, byLanguage.Name);
            Assert.Equal(expected, byLanguage.Embed(docs));
            Assert.Equal(SentenceModels.Multilingual, DefaultStages.CreateEmbeddingModel(new BERTopicOptions { Language = "German" }).Name);

            var topicModel = new BERTopic(new BERTopicOptions
            {
                Language = "multilingual",
                UmapModel = new NoDimensionalityReduction(),
                HdbscanModel = new ManualClusterer(),
            });
            topicModel.FitTransform(docs, y: [.. docs.Select((_, i) => i % 2)]);
            Assert.Equal(SentenceModels.Multilingual, topicModel.EmbeddingModel!.Name);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelResolver.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public void Unigram_Tokenizer_Json_Alone_Asks_For_The_SentencePiece_File()
    {
        string dir = Path.Combine(folders.Root, "json-only");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(folders.Multilingual, "model.onnx"), Path.Combine(dir, "model.onnx"));
        File.Copy(Path.Combine(folders.Multilingual, "tokenizer.json"), Path.Combine(dir, "tokenizer.json"));
        var e = Assert.Throws<NotSupportedException>(() => SentenceEncoder.FromDirectory(dir));
        Assert.Contains("sentencepiece.bpe.model", e.Message);
    }

    [Fact]
    public void Two_SentencePiece_Files_Are_Ambiguous()
    {
        string dir = Path.Combine(folders.Root, "two-models");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(folders.Multilingual, "model.onnx"), Path.Combine(dir, "model.onnx"));
        File.Copy(SentencePieceReference.ModelPath(SentencePieceReference.XlmrTiny), Path.Combine(dir, "a.model"));
        File.Copy(SentencePieceReference.ModelPath(SentencePieceReference.PlainTiny), Path.Combine(dir, "b.model"));
        Assert.Contains("a.model, b.model", Assert.Throws<InvalidDataException>(() => SentenceEncoder.FromDirectory(dir)).Message);
        File.Copy(SentencePieceReference.ModelPath(SentencePieceReference.XlmrTiny), Path.Combine(dir, "sentencepiece.bpe.model"));
        using var enc = SentenceEncoder.FromDirectory(dir); // the standard name settles it
        Assert.Equal(TokenizerKind.SentencePiece, enc.Tokenizer);
    }
}

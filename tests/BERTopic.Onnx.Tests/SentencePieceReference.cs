using System.Text.Json;

namespace BERTopicNet.Onnx.Tests;

/// <summary>
/// The SentencePiece test data of TestData/make_spm.py: two small Unigram models trained for these tests and the ids
/// the reference implementation (Python sentencepiece, C++) gives for hand-written sentences and random strings.
/// </summary>
public sealed class SentencePieceReference
{
    /// <summary>XLM-R-style: nmt_nfkc normalisation, &lt;unk&gt; = 0, &lt;s&gt; = 1, &lt;/s&gt; = 2.</summary>
    public const string XlmrTiny = "xlmr-tiny";

    /// <summary>No normalisation rule, extra spaces kept, user-defined symbols &lt;url&gt; and @@.</summary>
    public const string PlainTiny = "plain-tiny";

    public sealed record Case(string Text, int[] Ids);

    public static string ModelPath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name + ".model");

    public int VocabularySize { get; }

    /// <summary>The hand-written sentences of make_spm.py.</summary>
    public IReadOnlyList<Case> Sentences { get; }

    /// <summary>Random strings (fixed seed) over many Unicode blocks.</summary>
    public IReadOnlyList<Case> Random { get; }

    public SentencePieceReference(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", name + ".ids.json")));
        VocabularySize = doc.RootElement.GetProperty("vocab_size").GetInt32();
        Sentences = Read(doc.RootElement.GetProperty("cases"));
        Random = Read(doc.RootElement.GetProperty("fuzz"));
    }

    /// <summary>The reference ids of one of the hand-written sentences.</summary>
    public int[] IdsOf(string text) => Sentences.Single(c => c.Text == text).Ids;

    private static Case[] Read(JsonElement array) =>
        [.. array.EnumerateArray().Select(c => new Case(c.GetProperty("text").GetString()!, [.. c.GetProperty("spm").EnumerateArray().Select(i => i.GetInt32())]))];
}

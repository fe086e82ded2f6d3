namespace BERTopicNet.Onnx.Tests;

/// <summary>Word pieces and truncation as Hugging Face's BERT tokenizer produces them for all-MiniLM-L6-v2.</summary>
public sealed class TokenizationTests(MiniLmFixture fx) : IClassFixture<MiniLmFixture>
{
    [Fact]
    public void Known_Sentence_Gets_BertBaseUncased_Ids()
    {
        // bert-base-uncased vocabulary (shared by all-MiniLM-L6-v2): [CLS] the weather is lovely today . [SEP]
        Assert.Equal([101, 1996, 4633, 2003, 8403, 2651, 1012, 102], fx.Encoder.Tokenize("The weather is lovely today."));
    }

    [Fact]
    public void Lower_Casing_And_Accent_Stripping_Apply()
    {
        Assert.Equal(fx.Encoder.Tokenize("cafe resume naive"), fx.Encoder.Tokenize("CAFÉ Résumé naïve"));
    }

    [Fact]
    public void Empty_And_Whitespace_Give_Cls_Sep()
    {
        Assert.Equal([101, 102], fx.Encoder.Tokenize(""));
        Assert.Equal([101, 102], fx.Encoder.Tokenize(" \t\n  "));
    }

    [Fact]
    public void Long_Text_Is_Cut_To_256_Pieces_Inside_A_Word()
    {
        // 253 one-piece words, then a word of several pieces: the cut after 254 pieces falls inside it.
        string word = "electroencephalographically";
        var wordPieces = fx.Encoder.Tokenize(word)[1..^1];
        Assert.True(wordPieces.Length >= 3, $"'{word}' should split into several pieces, got {wordPieces.Length}");
        string text = string.Concat(Enumerable.Repeat("the ", 253)) + word + " and more words after it";
        var ids = fx.Encoder.Tokenize(text);
        Assert.Equal(256, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.Equal(wordPieces[0], ids[254]); // piece 254 is the first piece of the word; the rest is cut
        Assert.All(ids[1..254], id => Assert.Equal(1996, id));
    }

    [Fact]
    public void Cjk_Characters_Become_Separate_Pieces()
    {
        var ids = fx.Encoder.Tokenize("中文");
        Assert.Equal(4, ids.Length);
    }
}

/// <summary>The ICU-free canonical decomposition the encoder uses before stripping accents.</summary>
public sealed class CanonicalDecompositionTests
{
    [Theory]
    [InlineData("café", "cafe\u0301")]
    [InlineData("Å", "A\u030A")]
    [InlineData("\u212B", "A\u030A")] // ANGSTROM SIGN: singleton, then decomposed further
    [InlineData("\u2126", "\u03A9")] // OHM SIGN -> GREEK CAPITAL OMEGA
    [InlineData("ệ", "e\u0323\u0302")] // Vietnamese, two marks
    [InlineData("한", "\u1112\u1161\u11AB")] // Hangul syllable with a final consonant
    [InlineData("가", "\u1100\u1161")] // Hangul syllable without one
    [InlineData("plain ASCII text", "plain ASCII text")]
    [InlineData("😀 ok", "😀 ok")]
    [InlineData("\uD87E\uDC00", "\u4E3D")] // CJK COMPATIBILITY IDEOGRAPH-2F800 (outside the BMP)
    public void Decomposes_Like_Nfd(string input, string expected) =>
        Assert.Equal(expected, CanonicalDecomposition.Decompose(input));

    [Fact]
    public void Table_Has_Every_Non_Hangul_Entry() => Assert.Equal(2061, CanonicalDecomposition.Count);
}

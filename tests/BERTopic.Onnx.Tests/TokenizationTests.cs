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

    [Theory]
    [InlineData("co\u00ADoperate", "cooperate")] // soft hyphen (Cf) is removed, as Hugging Face's clean_text does
    [InlineData("zero\u200Bwidth", "zerowidth")] // zero-width space (Cf)
    [InlineData("nul\u0000char", "nulchar")] // control character
    [InlineData("bad\uFFFDchar", "badchar")] // replacement character
    [InlineData("tab\tand\r\nnewline", "tab and newline")] // whitespace controls are spaces
    [InlineData("no\u00A0break", "no break")] // no-break space is whitespace
    [InlineData("vertical\u000Btab\u000Cfeed", "verticaltabfeed")] // VT and FF are controls: removed, not spaces
    [InlineData("private\uE000use", "privateuse")] // private use (Co)
    public void Control_And_Format_Characters_Are_Cleaned_Like_Hugging_Face(string raw, string clean) =>
        Assert.Equal(fx.Encoder.Tokenize(clean), fx.Encoder.Tokenize(raw));

    private static readonly Lazy<Dictionary<string, int>> Vocab = new(() =>
    {
        using var reader = new StreamReader(BERTopicNet.Models.MiniLmModel.OpenVocab());
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        int id = 0;
        for (string? line; (line = reader.ReadLine()) is not null; id++) map.TryAdd(line, id);
        return map;
    });

    private static int[] Ids(params string[] pieces) => [101, .. pieces.Select(p => Vocab.Value[p]), 102];

    [Theory]
    [InlineData("$5 + 3 = 8", new[] { "$", "5", "+", "3", "=", "8" })]
    [InlineData("<a>|b|~c^`d`", new[] { "<", "a", ">", "|", "b", "|", "~", "c", "^", "`", "d", "`" })]
    [InlineData("x*y, z!", new[] { "x", "*", "y", ",", "z", "!" })]
    [InlineData("a__b", new[] { "a", "_", "_", "b" })] // underscore is ASCII punctuation, not a word character
    [InlineData("25°C", new[] { "25", "##°", "##c" })] // ° is a symbol, not punctuation: it stays inside the word
    [InlineData("end\nstart", new[] { "end", "start" })]
    public void Punctuation_And_Symbols_Split_As_In_Hugging_Face(string text, string[] pieces) =>
        Assert.Equal(Ids(pieces), fx.Encoder.Tokenize(text));

    [Fact]
    public void Special_Token_Text_Stays_Whole() =>
        Assert.Equal([101, 2023, 102, 2008, 102], fx.Encoder.Tokenize("this [SEP] that"));

    [Fact]
    public void Emoji_Are_Kept_As_Unknown_Tokens()
    {
        var ids = fx.Encoder.Tokenize("good 😀 day");
        Assert.Equal([101, 2204, 100, 2154, 102], ids); // [UNK]: the vocabulary has no emoji, and Hugging Face keeps the token
    }

    [Fact]
    public void Line_Breaks_And_Tabs_Separate_Words()
    {
        Assert.Equal(fx.Encoder.Tokenize("deal with preludes"), fx.Encoder.Tokenize("deal with\nPreludes"));
        Assert.Equal(fx.Encoder.Tokenize("deal with preludes"), fx.Encoder.Tokenize("deal\twith\r\npreludes"));
        Assert.NotEqual(fx.Encoder.Tokenize("deal withpreludes"), fx.Encoder.Tokenize("deal with\nPreludes"));
    }

    [Fact]
    public void Words_Over_100_Characters_Become_Unk()
    {
        Assert.Equal([101, 100, 102], fx.Encoder.Tokenize(new string('a', 101)));
        Assert.True(fx.Encoder.Tokenize(new string('a', 100)).Length > 3);
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

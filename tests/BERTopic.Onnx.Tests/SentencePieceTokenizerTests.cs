using System.Text;

namespace BERTopicNet.Onnx.Tests;

/// <summary>Our Unigram tokenizer against the reference SentencePiece implementation, on self-trained models.</summary>
public sealed class SentencePieceTokenizerTests
{
    [Theory]
    [InlineData(SentencePieceReference.XlmrTiny, 41, 1000)]
    [InlineData(SentencePieceReference.PlainTiny, 41, 300)]
    public void Ids_Equal_The_Reference_SentencePiece_Ids(string name, int sentences, int random)
    {
        var reference = new SentencePieceReference(name);
        var model = SentencePieceModel.Read(SentencePieceReference.ModelPath(name));
        Assert.Equal(reference.VocabularySize, model.Pieces.Length);
        var tokenizer = new UnigramTokenizer(model, name);
        Assert.Equal(sentences, reference.Sentences.Count);
        Assert.Equal(random, reference.Random.Count);
        var mismatches = new StringBuilder();
        int checkedCount = 0;
        foreach (var c in reference.Sentences.Concat(reference.Random))
        {
            var ids = new List<int>();
            tokenizer.Encode(c.Text, ids);
            checkedCount++;
            if (!ids.SequenceEqual(c.Ids))
                mismatches.AppendLine($"{System.Text.Json.JsonSerializer.Serialize(c.Text)}: expected [{string.Join(",", c.Ids)}], got [{string.Join(",", ids)}] ({System.Text.Json.JsonSerializer.Serialize(tokenizer.Normalize(c.Text))})");
        }
        Assert.Equal(sentences + random, checkedCount);
        Assert.True(mismatches.Length == 0, mismatches.ToString());
    }

    [Fact]
    public void Nmt_Nfkc_Normalisation_Folds_Compatibility_Forms_And_Spaces()
    {
        var tokenizer = new UnigramTokenizer(SentencePieceModel.Read(SentencePieceReference.ModelPath(SentencePieceReference.XlmrTiny)), "xlmr");
        Assert.Equal("▁ABC▁12▁fi▁é", tokenizer.Normalize("  ＡＢＣ \t ①② ﬁ e\u0301  "));
        Assert.Equal("▁ab", tokenizer.Normalize("a\u0007b"));  // control characters are removed
        Assert.Equal("", tokenizer.Normalize(" \n\u3000 "));
        var plain = new UnigramTokenizer(SentencePieceModel.Read(SentencePieceReference.ModelPath(SentencePieceReference.PlainTiny)), "plain");
        Assert.Equal("▁▁ＡＢ▁▁", plain.Normalize(" ＡＢ  ")); // identity rule, extra spaces kept
    }

    [Fact]
    public void Unsupported_And_Invalid_Model_Files_Are_Rejected_With_The_Reason()
    {
        Assert.Contains("BPE", Assert.Throws<NotSupportedException>(() => SentencePieceModel.Parse(ModelProto(trainerField: (3, 2)), "bpe.model")).Message);
        Assert.Contains("byte fallback", Assert.Throws<NotSupportedException>(() => SentencePieceModel.Parse(ModelProto(trainerField: (35, 1)), "bf.model")).Message);
        Assert.Contains("UNKNOWN", Assert.Throws<InvalidDataException>(() => SentencePieceModel.Parse(ModelProto(unknown: false), "nounk.model")).Message);
        Assert.StartsWith("junk.model", Assert.Throws<InvalidDataException>(() => SentencePieceModel.Parse([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], "junk.model")).Message);
        var ok = SentencePieceModel.Parse(ModelProto(), "ok.model");
        Assert.Equal(["<unk>", "▁a", "b"], ok.Pieces);
        Assert.Equal(0, ok.UnknownId);
    }

    [Fact]
    public void Trie_Finds_Every_Piece_And_Nothing_Else()
    {
        string[] keys = ["▁a", "▁ab", "b", "bcd", "日本", "😀"];
        var trie = new PieceTrie(keys, [10, 11, 12, 13, 14, 15]);
        for (int k = 0; k < keys.Length; k++)
        {
            int node = PieceTrie.Root;
            foreach (char c in keys[k]) node = trie.Child(node, c);
            Assert.Equal(10 + k, trie.Value(node));
        }
        Assert.Equal(-1, trie.Value(trie.Child(trie.Child(PieceTrie.Root, 'b'), 'c')));
        Assert.Equal(-1, trie.Child(PieceTrie.Root, 'z'));
        Assert.Throws<InvalidDataException>(() => new PieceTrie(["x", "x"], [0, 1]));
    }

    /// <summary>A ModelProto with pieces &lt;unk&gt;, ▁a, b and optionally one trainer_spec varint field.</summary>
    private static byte[] ModelProto((int Field, int Value)? trainerField = null, bool unknown = true)
    {
        using var ms = new MemoryStream();
        foreach (var (piece, type) in new[] { ("<unk>", unknown ? 2 : 1), ("▁a", 1), ("b", 1) })
        {
            using var p = new MemoryStream();
            ProtoWire.WriteString(p, 1, piece);
            ProtoWire.WriteTag(p, 2, ProtoWire.Fixed32);
            p.Write(BitConverter.GetBytes(-1.5f));
            ProtoWire.WriteInt(p, 3, type);
            ProtoWire.WriteBytes(ms, 1, p.ToArray());
        }
        if (trainerField is { } f)
        {
            using var t = new MemoryStream();
            ProtoWire.WriteInt(t, f.Field, f.Value);
            ProtoWire.WriteBytes(ms, 2, t.ToArray());
        }
        return ms.ToArray();
    }
}

namespace BERTopicNet.Evaluation.Tests;

/// <summary>
/// Counts worked out by hand for a tiny corpus (window 3), following gensim's accumulator step by step.
/// </summary>
public sealed class NpmiCoherenceTests
{
    // T1 windows [a b x] [b x c]: marks {a,b}, then a leaves, c enters: {b,c}
    // T2 has no topic word: skipped, no windows
    // T3 [a a b]: {a,b};  T4 [c] (shorter than the window): {c}
    // T5 [a x a] [x a b] [a b x] [b x x]: {a}; a leaves (unmarked although it is still inside), b enters: {b}; {b}; {b}
    // N = 8 windows; occurrences a 3, b 6, c 2; co-occurrences ab 2, bc 1, ac 0
    private static readonly string[][] Texts =
    [
        ["a", "b", "x", "c"],
        ["y", "z"],
        ["a", "a", "b"],
        ["c"],
        ["a", "x", "a", "b", "x", "x"],
    ];

    private static double Npmi(double co, double c1, double c2, double n) => Math.Log((co / n + 1e-12) / (c1 / n * (c2 / n))) / -Math.Log(co / n + 1e-12);

    [Fact]
    public void SlidingWindowMatchesTheHandCount()
    {
        var r = NpmiCoherence.ComputeTokenized([["a", "b", "c"]], Texts, new NpmiOptions { WindowSize = 3 });
        Assert.Equal(8, r.VirtualDocuments);
        Assert.Equal(-0.3980936468852614, r.Score, 12);
        Assert.Equal((Npmi(2, 3, 6, 8) + Npmi(1, 6, 2, 8) + Npmi(0, 3, 2, 8)) / 3, r.PerTopic[0], 12);
        Assert.Empty(r.SkippedWords);
    }

    [Fact]
    public void BooleanDocumentCountsEveryDocument()
    {
        // documents {a,b,c} {} {a,b} {c} {a,b}: N = 5; a 3, b 3, c 2; ab 3, ac 1, bc 1
        var r = NpmiCoherence.ComputeTokenized([["a", "b", "c"]], Texts, new NpmiOptions { WindowSize = 0 });
        Assert.Equal(5, r.VirtualDocuments);
        Assert.Equal(0.25781149829775946, r.Score, 12);
    }

    [Fact]
    public void TopicsAverageAndUnknownWordsAreSkipped()
    {
        var r = NpmiCoherence.ComputeTokenized([["a", "b", "c"], ["a", "zzz", "c", ""], ["zzz", "b"]], Texts, new NpmiOptions { WindowSize = 3 });
        Assert.Equal(["zzz"], r.SkippedWords);
        Assert.Equal(Npmi(0, 3, 2, 8), r.PerTopic[1], 12);
        Assert.True(double.IsNaN(r.PerTopic[2]));
        Assert.Equal((r.PerTopic[0] + r.PerTopic[1]) / 2, r.Score, 12);
    }

    [Fact]
    public void TopNCutsTheTopicAndLongWindowsActLikeDocuments()
    {
        var cut = NpmiCoherence.ComputeTokenized([["a", "b", "c"]], Texts, new NpmiOptions { WindowSize = 3, TopN = 2 });
        // only a and b are words of interest now, so T4 ([c]) is skipped too: N = 7
        Assert.Equal(7, cut.VirtualDocuments);
        Assert.Equal(Npmi(2, 3, 6, 7), cut.Score, 12);
        // a window longer than every text: one window per text that holds a topic word (T2 is skipped: N = 4)
        var wide = NpmiCoherence.ComputeTokenized([["a", "c"]], Texts, new NpmiOptions { WindowSize = 100 });
        Assert.Equal(4, wide.VirtualDocuments);
        Assert.Equal(Npmi(1, 3, 2, 4), wide.Score, 12);
    }

    [Fact]
    public void RawDocumentsUseScikitLearnsTokenPattern()
    {
        Assert.Equal(["hello", "world_2", "42", "café"], DefaultTokenizer.Tokenize("Hello, WORLD_2! a 42 Café-x"[..^2]));
        // scikit-learn 1.2.1: CountVectorizer().build_analyzer() on the same text
        Assert.Equal(["hello", "world_2", "42", "café", "½x", "²²", "naïve", "ǆx", "ⅻa", "𝔘𝔫", "日本語"],
            DefaultTokenizer.Tokenize("Hello, WORLD_2! a 42 Café-x ½x ²² naïve ǅx Ⅻa x\u0301y 𝔘𝔫 日本語"));
        var r = NpmiCoherence.Compute([["space", "nasa"]], ["Space and NASA.", "the NASA budget", "space, the final frontier"], new NpmiOptions { WindowSize = 0 });
        Assert.Equal(Npmi(1, 2, 2, 3), r.Score, 12);
    }

    [Fact]
    public void BadOptionsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => NpmiCoherence.ComputeTokenized([["a", "b"]], Texts, new NpmiOptions { WindowSize = -1 }));
        Assert.Throws<ArgumentException>(() => NpmiCoherence.ComputeTokenized([["a", "b"]], Texts, new NpmiOptions { TopN = 1 }));
        Assert.Throws<ArgumentException>(() => NpmiCoherence.ComputeTokenized([], Texts));
    }
}

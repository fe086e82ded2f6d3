using System.Text.Json;
using BERTopicNet.Vectorizers;

namespace BERTopicNet.Tests;

/// <summary>
/// <see cref="TfidfVectorizer"/> against scikit-learn 1.2.1's <c>TfidfVectorizer</c> on the synthetic corpus of
/// Goldens/make_tfidf.py (which wrote Goldens/tfidf_expected.json).
/// </summary>
public class TfidfVectorizerTests
{
    private static readonly Lazy<JsonDocument> Expected = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "tfidf_expected.json"))));

    public static TheoryData<string> Cases() => [.. Expected.Value.RootElement.GetProperty("cases").EnumerateObject().Select(p => p.Name)];

    private static TfidfVectorizerOptions OptionsOf(JsonElement o)
    {
        DocumentFrequencyLimit Limit(string key, DocumentFrequencyLimit fallback) =>
            !o.TryGetProperty(key, out var v) ? fallback : v.GetRawText().Contains('.') ? DocumentFrequencyLimit.Fraction(v.GetDouble()) : DocumentFrequencyLimit.Count(v.GetInt32());
        return new TfidfVectorizerOptions
        {
            Counts = new CountVectorizerOptions
            {
                MinDf = Limit("min_df", 1),
                MaxDf = Limit("max_df", 1.0),
                StopWords = o.TryGetProperty("stop_words", out var sw) && sw.GetString() == "english" ? StopWordLists.English : null,
                NGramRange = o.TryGetProperty("ngram_range", out var ng) ? (ng[0].GetInt32(), ng[1].GetInt32()) : NGramRange.Unigrams,
                MaxFeatures = o.TryGetProperty("max_features", out var mf) ? mf.GetInt32() : null,
                Lowercase = !o.TryGetProperty("lowercase", out var lc) || lc.GetBoolean(),
            },
            UseIdf = !o.TryGetProperty("use_idf", out var ui) || ui.GetBoolean(),
            SmoothIdf = !o.TryGetProperty("smooth_idf", out var si) || si.GetBoolean(),
            SublinearTf = o.TryGetProperty("sublinear_tf", out var st) && st.GetBoolean(),
            Norm = !o.TryGetProperty("norm", out var n) ? TfidfNorm.L2 : n.ValueKind == JsonValueKind.Null ? TfidfNorm.None : n.GetString() == "l1" ? TfidfNorm.L1 : TfidfNorm.L2,
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesScikitLearn(string name)
    {
        var root = Expected.Value.RootElement;
        var docs = root.GetProperty("documents").EnumerateArray().Select(d => d.GetString()!).ToArray();
        var c = root.GetProperty("cases").GetProperty(name);
        var tfidf = new TfidfVectorizer(OptionsOf(c.GetProperty("options")));
        var x = tfidf.FitTransform(docs);

        Assert.Equal(c.GetProperty("vocabulary").EnumerateArray().Select(v => v.GetString()!), tfidf.Vocabulary);
        if (c.GetProperty("idf").ValueKind != JsonValueKind.Null)
        {
            var idf = c.GetProperty("idf").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(idf.Length, tfidf.Idf.Count);
            for (int j = 0; j < idf.Length; j++) Assert.Equal(idf[j], tfidf.Idf[j], 1e-12);
        }
        Assert.Equal(c.GetProperty("indptr").EnumerateArray().Select(v => v.GetInt32()), x.IndPtr);
        Assert.Equal(c.GetProperty("indices").EnumerateArray().Select(v => v.GetInt32()), x.Indices);
        var data = c.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(data.Length, x.Values.Length);
        for (int k = 0; k < data.Length; k++) Assert.Equal(data[k], x.Values[k], 1e-6 * Math.Max(1, Math.Abs(data[k])));

        var t = c.GetProperty("transform");
        var newDocs = t.GetProperty("documents").EnumerateArray().Select(d => d.GetString()!).ToArray();
        var y = tfidf.Transform(newDocs);
        var dense = t.GetProperty("dense").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        for (int r = 0; r < dense.Length; r++)
            for (int j = 0; j < dense[r].Length; j++)
            {
                int k = Array.IndexOf(y.Indices, j, y.IndPtr[r], y.IndPtr[r + 1] - y.IndPtr[r]);
                Assert.Equal(dense[r][j], k >= 0 ? y.Values[k] : 0.0, 1e-6);
            }
    }

    [Fact]
    public void TransformNeedsAFitAndOptionsAreChecked()
    {
        var tfidf = new TfidfVectorizer();
        Assert.False(tfidf.IsFitted);
        Assert.Contains("not fitted", Assert.Throws<InvalidOperationException>(() => tfidf.Transform(["a doc"])).Message);
        Assert.Throws<InvalidOperationException>(() => tfidf.Idf);
        Assert.Throws<ArgumentException>(() => new TfidfVectorizer(new TfidfVectorizerOptions { Norm = (TfidfNorm)7 }));
        tfidf.Fit(["space rocket", "rocket launch"]);
        Assert.True(tfidf.IsFitted);
        Assert.Equal(["launch", "rocket", "space"], tfidf.Vocabulary);
    }
}

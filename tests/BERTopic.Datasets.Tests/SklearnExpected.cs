using System.Text.Json;

namespace BERTopicNet.Datasets.Tests;

/// <summary>scikit-learn 1.2.1's outputs on <see cref="TestArchive"/> (written by <c>make_expected.py</c>).</summary>
internal static class SklearnExpected
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sklearn_expected.json"))));

    public static JsonElement Case(string name) => Doc.Value.RootElement.GetProperty("cases").GetProperty(name);

    public static JsonElement Permutation(string key) => Doc.Value.RootElement.GetProperty("permutations").GetProperty(key);

    public static IEnumerable<string> CaseNames() =>
        Doc.Value.RootElement.GetProperty("cases").EnumerateObject().Select(p => p.Name);

    /// <summary>The options scikit-learn was called with, as ours.</summary>
    public static TwentyNewsgroupsOptions OptionsOf(JsonElement c)
    {
        var o = c.GetProperty("options");
        var options = new TwentyNewsgroupsOptions
        {
            Subset = o.GetProperty("subset").GetString() switch { "train" => NewsgroupsSubset.Train, "test" => NewsgroupsSubset.Test, _ => NewsgroupsSubset.All },
        };
        if (o.TryGetProperty("shuffle", out var s)) options.Shuffle = s.GetBoolean();
        if (o.TryGetProperty("random_state", out var r)) options.RandomState = r.GetUInt32();
        if (o.TryGetProperty("categories", out var cats)) options.Categories = cats.EnumerateArray().Select(e => e.GetString()!).ToArray();
        if (o.TryGetProperty("remove", out var rem))
            foreach (var e in rem.EnumerateArray())
                options.Remove |= e.GetString() switch
                {
                    "headers" => NewsgroupsRemove.Headers,
                    "footers" => NewsgroupsRemove.Footers,
                    "quotes" => NewsgroupsRemove.Quotes,
                    var x => throw new InvalidDataException(x),
                };
        return options;
    }

    public static string[] Strings(JsonElement c, string key) => c.GetProperty(key).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static int[] Ints(JsonElement c, string key) => c.GetProperty(key).EnumerateArray().Select(e => e.GetInt32()).ToArray();
}

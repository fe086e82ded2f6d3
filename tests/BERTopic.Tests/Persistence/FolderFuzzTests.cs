using System.Diagnostics;
using System.Text;
using BERTopicNet.Persistence;

namespace BERTopicNet.Tests.Persistence;

/// <summary>
/// Seeded mutation fuzzing of whole saved folders (checksums off, so that every mutation reaches the parsers):
/// Load must either succeed or raise <see cref="ModelFormatException"/>, never another exception or a hang.
/// </summary>
public sealed class FolderFuzzTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bertopic-folder-fuzz-");

    public void Dispose() => _root.Delete(recursive: true);

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("BERTOPIC_FUZZ_ITERATIONS"), out int n) ? n : 400;

    private static int Seconds => Iterations > 400 ? 600 : 8;

    [Fact]
    public void MutatedFoldersLoadOrFailCleanly()
    {
        string original = Path.Combine(_root.FullName, "original");
        ModelRoundTripTests.FitManual().Save(original);
        var files = Directory.GetFiles(original).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var contents = files.ToDictionary(f => f!, f => File.ReadAllBytes(Path.Combine(original, f!)));
        string[] jsonTokens = ["null", "-1", "0", "1e309", "\"x\"", "[]", "{}", "true", "2147483648", "-2147483649", "1.5", "\"auto\"", "[[1]]", ","];
        var rng = new Random(int.TryParse(Environment.GetEnvironmentVariable("BERTOPIC_FUZZ_SEED"), out int seed) ? seed : 424242);
        string work = Path.Combine(_root.FullName, "work");
        Directory.CreateDirectory(work);
        foreach (var (f, b) in contents) File.WriteAllBytes(Path.Combine(work, f), b);
        var options = new LoadOptions { VerifyChecksums = false, EmbeddingModelResolver = _ => throw new IOException("none") };

        var sw = Stopwatch.StartNew();
        int iterations = 0, loaded = 0;
        var failures = new List<string>();
        while (iterations < Iterations && sw.Elapsed < TimeSpan.FromSeconds(Seconds))
        {
            string victim = files[rng.Next(files.Length)]!;
            var bytes = contents[victim].ToList();
            bool json = victim.EndsWith(".json", StringComparison.Ordinal);
            int edits = 1 + rng.Next(3);
            for (int k = 0; k < edits && bytes.Count > 0; k++)
            {
                int at = rng.Next(bytes.Count);
                switch (rng.Next(json ? 5 : 4))
                {
                    case 0: bytes[at] ^= (byte)(1 << rng.Next(8)); break;
                    case 1: bytes.RemoveRange(at, Math.Min(bytes.Count - at, rng.Next(1, 12))); break;
                    case 2: bytes = bytes.Take(at).ToList(); break;
                    case 3: bytes[at] = (byte)"0123456789-.e[]{}\",: "[rng.Next(21)]; break;
                    default:
                        // Replace a JSON value-ish run (digits/literals) with another token.
                        int end = at;
                        while (end < bytes.Count && end - at < 12 && bytes[end] is not ((byte)',' or (byte)'\n')) end++;
                        bytes.RemoveRange(at, end - at);
                        bytes.InsertRange(at, Encoding.UTF8.GetBytes(jsonTokens[rng.Next(jsonTokens.Length)]));
                        break;
                }
            }
            File.WriteAllBytes(Path.Combine(work, victim), [.. bytes]);
            try
            {
                var model = BERTopic.Load(work, options: options);
                loaded++;
                _ = model.GetTopicInfo();
                _ = model.TopicLabels;
            }
            catch (ModelFormatException e)
            {
                if (!e.Message.Contains(work, StringComparison.Ordinal)) failures.Add($"{victim}: message does not name the folder: {e.Message}");
            }
            catch (Exception e)
            {
                failures.Add($"{victim}: {e.GetType().Name}: {e.Message}");
            }
            File.WriteAllBytes(Path.Combine(work, victim), contents[victim]);
            iterations++;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {iterations} mutations escaped:\n" + string.Join("\n", failures.Distinct().Take(15)));
        Assert.True(iterations >= 50, $"only {iterations} iterations ran");
        Assert.True(loaded > 0, "no mutation loaded; the fuzzer never reached the happy path");
    }
}

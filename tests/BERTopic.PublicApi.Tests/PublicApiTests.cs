using System.Reflection;

namespace BERTopicNet.PublicApi.Tests;

/// <summary>
/// Approval tests: the public API of every package must equal the approved listing in approved/ASSEMBLY.txt.
/// After a deliberate API change, copy the .received.txt file written next to the test binaries over the approved one
/// (or run with BERTOPIC_APPROVE_API=1 from the repository root to rewrite them).
/// </summary>
public class PublicApiTests
{
    public static TheoryData<string> Assemblies() => new(PackagedAssemblies.Names);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicApiMatchesTheApprovedListing(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        string actual = PublicApiListing.Of(assembly);
        Assert.False(string.IsNullOrWhiteSpace(actual), $"{assemblyName} exposes no public API.");
        string sourcePath = Path.Combine(BERTopicNet.Testing.SharedData.RepositoryRoot, "tests", "BERTopic.PublicApi.Tests", "approved", assemblyName + ".txt");
        if (Environment.GetEnvironmentVariable("BERTOPIC_APPROVE_API") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllText(sourcePath, actual);
            return;
        }
        string approved = File.Exists(sourcePath) ? File.ReadAllText(sourcePath).ReplaceLineEndings("\n") : "";
        if (approved != actual)
        {
            string received = Path.Combine(AppContext.BaseDirectory, assemblyName + ".received.txt");
            File.WriteAllText(received, actual);
            var approvedLines = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
            var actualLines = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
            var added = actualLines.Except(approvedLines).Take(20);
            var removed = approvedLines.Except(actualLines).Take(20);
            Assert.Fail($"The public API of {assemblyName} changed. Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}\n" +
                        $"If deliberate, update {sourcePath} (received listing: {received}; or set BERTOPIC_APPROVE_API=1 and rerun).");
        }
    }
}

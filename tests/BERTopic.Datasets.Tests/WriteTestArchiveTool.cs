namespace BERTopicNet.Datasets.Tests;

/// <summary>Writes the test archive where <c>BERTOPIC_WRITE_TEST_ARCHIVE</c> says (to regenerate the scikit-learn expectations).</summary>
public sealed class WriteTestArchiveTool
{
    [Fact]
    public void WriteTestArchive()
    {
        var target = Environment.GetEnvironmentVariable("BERTOPIC_WRITE_TEST_ARCHIVE");
        using var temp = new TempDirectory();
        var path = string.IsNullOrEmpty(target) ? temp.File("a.tar.gz") : target;
        TestArchive.Write(path);
        Assert.True(new FileInfo(path).Length > 100);
    }
}

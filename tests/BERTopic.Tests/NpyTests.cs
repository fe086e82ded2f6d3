using BERTopicNet.IO;

namespace BERTopicNet.Tests;

public class NpyTests
{
    [Fact]
    public void MatrixRoundTripsThroughAFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            var m = new float[,] { { 1f, -2.5f, 3f }, { 4f, 5f, float.Epsilon } };
            Npy.Write(path, m);
            var back = Npy.ReadMatrix(path);
            Assert.Equal(m, back);
            Assert.Equal(0, (new FileInfo(path).Length - m.Length * sizeof(float)) % 64); // header padded to 64 bytes as NumPy does
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void IntVectorRoundTrips()
    {
        var path = Path.GetTempFileName();
        try
        {
            int[] v = [3, -1, 0, int.MaxValue];
            Npy.Write(path, v.AsSpan());
            Assert.Equal(v, Npy.ReadInt32Vector(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void TruncatedFileIsRejectedWithTheFileName()
    {
        var path = Path.GetTempFileName();
        try
        {
            Npy.Write(path, new float[,] { { 1, 2 }, { 3, 4 } });
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..^3]);
            var e = Assert.Throws<InvalidDataException>(() => Npy.ReadMatrix(path));
            Assert.Contains(path, e.Message);
        }
        finally { File.Delete(path); }
    }
}

namespace BERTopicNet.Umap.Tests;

/// <summary>The layout's position buffer: zeroed, aligned, bounds-checked, freed once.</summary>
public class LargePageBufferTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(3_000_000)] // 12 MB: 2 MB aligned (and advised) on Linux
    public unsafe void IsZeroedAlignedAndWritable(long length)
    {
        using var b = new LargePageBuffer(length);
        Assert.Equal(length, b.Length);
        long alignment = OperatingSystem.IsLinux() && length * sizeof(float) >= LargePageBuffer.HugePageMinBytes ? 2 << 20 : sizeof(float);
        Assert.Equal(0, (long)b.Pointer % alignment);
        for (long i = 0; i < length; i += 4093) Assert.Equal(0f, b.Pointer[i]);
        Assert.Equal(0f, b.Pointer[length - 1]);
        var tail = b.Slice(length - 10, 10);
        for (int i = 0; i < 10; i++) tail[i] = i + 1;
        Assert.Equal(10f, b.Pointer[length - 1]);
        Assert.Equal(1f, b.Slice(length - 10, 1)[0]);
    }

    [Fact]
    public void LargeBufferIsAdvisedWhereTheKernelHasTransparentHugePages()
    {
        using var b = new LargePageBuffer(3_000_000);
        // the advice is accepted wherever the kernel has THP (even when set to never: it then has no effect)
        bool thp = OperatingSystem.IsLinux() && File.Exists("/sys/kernel/mm/transparent_hugepage/enabled");
        Assert.Equal(thp, b.HugePages);
        using var small = new LargePageBuffer(1_000);
        Assert.False(small.HugePages);
    }

    [Fact]
    public unsafe void SliceOutsideAndUseAfterDisposeThrow()
    {
        var b = new LargePageBuffer(100);
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Slice(95, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Slice(-1, 2));
        b.Dispose();
        b.Dispose(); // twice is harmless
        Assert.Throws<ObjectDisposedException>(() => (long)b.Pointer);
    }
}

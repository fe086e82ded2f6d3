using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BERTopicNet.Umap;

/// <summary>
/// A zeroed block of floats for the layout's positions, which every negative sample reads at a random row. On Linux a
/// block of <see cref="HugePageMinBytes"/> or more is unmanaged memory aligned to 2 MB and advised to use transparent
/// huge pages (<c>madvise(MADV_HUGEPAGE)</c>, honoured where THP is <c>always</c> or <c>madvise</c>) before it is first
/// touched, so that a random read costs no page-table walk: with 4 KB pages the positions of a million rows (32 MB)
/// span 8,192 pages, more than the processor's TLB holds. Unmanaged so that the advice comes before the first write
/// (the GC may hand out memory whose pages were touched before, and those keep their 4 KB mapping). Smaller blocks, and
/// every block elsewhere, are pinned arrays from the GC's heap: with two unmanaged blocks the 20 Newsgroups layout was
/// ~3% slower in interleaved fits (likely 4K aliasing in the phases' copies between two blocks of the same alignment).
/// The contents never depend on where they live. Its owner disposes it when the layout ends.
/// </summary>
internal sealed unsafe class LargePageBuffer : IDisposable
{
    /// <summary>Blocks from this size on are advised to use huge pages (smaller ones fit the TLB anyway).</summary>
    internal const long HugePageMinBytes = 4 << 20;

    private const nuint HugePage = 2 << 20;
    private const int MadvHugePage = 14;
    private readonly float[]? _managed;
    private float* _pointer;

    /// <summary>Allocates <paramref name="length"/> zeroed floats.</summary>
    /// <exception cref="OutOfMemoryException">The memory is not available.</exception>
    public LargePageBuffer(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        nuint bytes = (nuint)Math.Max(1, length) * sizeof(float);
        bool huge = OperatingSystem.IsLinux() && (long)bytes >= HugePageMinBytes;
        if (!huge)
        {
            // small: a pinned array from the GC's heap (zeroed)
            _managed = GC.AllocateArray<float>((int)Math.Max(1, length), pinned: true);
            _pointer = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_managed));
            return;
        }
        nuint size = (bytes + HugePage - 1) & ~(HugePage - 1);
        _pointer = (float*)NativeMemory.AlignedAlloc(size, HugePage);
        HugePages = TryAdviseHugePages(_pointer, size);
        NativeMemory.Clear(_pointer, size); // the first touch: where advised, huge pages are faulted in here
    }

    /// <summary>Floats held.</summary>
    public long Length { get; }

    /// <summary>Whether the system accepted the huge-page advice.</summary>
    public bool HugePages { get; }

    /// <summary>The first float.</summary>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public float* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(LargePageBuffer));

    /// <summary>Floats [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public Span<float> Slice(long start, int length)
    {
        if (start < 0 || length < 0 || start + length > Length)
            throw new ArgumentOutOfRangeException(nameof(length), $"[{start}, {start + length}) is outside the buffer's {Length} floats.");
        return new Span<float>(Pointer + start, length);
    }

    public void Dispose()
    {
        if (_pointer == null) return;
        if (_managed is null) NativeMemory.AlignedFree(_pointer);
        _pointer = null;
    }

    private static bool TryAdviseHugePages(void* p, nuint size)
    {
        try
        {
            return Madvise(p, size, MadvHugePage) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(void* addr, nuint length, int advice);
}

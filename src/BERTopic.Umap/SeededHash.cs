using System.Runtime.CompilerServices;

namespace BERTopicNet.Umap;

/// <summary>
/// Counter-based random numbers: every draw is a hash of (seed, stream, counter), so results do not depend on the
/// order in which threads run (the key to determinism on any thread count).
/// </summary>
internal static class SeededHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong seed, ulong a, ulong b) => Mix(Mix(Mix(seed) ^ a) ^ b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong seed, ulong a, ulong b, ulong c) => Mix(Mix(Mix(Mix(seed) ^ a) ^ b) ^ c);

    /// <summary>Uniform integer in [0, n) from a 64-bit hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Below(ulong h, int n) => (int)((h >> 32) * (ulong)(uint)n >> 32);

    /// <summary>Uniform double in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));
}

/// <summary>A small sequential generator (SplitMix64) for the parts that run on one thread.</summary>
internal sealed class SplitMix
{
    private ulong _state;

    public SplitMix(ulong seed) => _state = seed;

    public ulong Next() => SeededHash.Mix(_state++ * 0x9E3779B97F4A7C15UL ^ 0x632BE59BD9B4E019UL);

    public int Below(int n) => SeededHash.Below(Next(), n);

    public double NextDouble() => SeededHash.Unit(Next());

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

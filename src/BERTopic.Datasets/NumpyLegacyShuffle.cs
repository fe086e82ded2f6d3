namespace BERTopicNet.Datasets;

/// <summary>
/// NumPy's legacy <c>RandomState(seed).shuffle(np.arange(n))</c>: a Mersenne Twister (MT19937) seeded with
/// <c>init_genrand(seed)</c>, and a Fisher–Yates pass from the end where each index is drawn by masked rejection
/// sampling. scikit-learn orders 20 Newsgroups with it, so reproducing it reproduces scikit-learn's document order.
/// </summary>
internal static class NumpyLegacyShuffle
{
    /// <summary>The permutation <c>RandomState(seed).shuffle(np.arange(n))</c> produces.</summary>
    public static int[] Permutation(int n, uint seed)
    {
        var perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        var mt = new MersenneTwister(seed);
        for (int i = n - 1; i >= 1; i--)
        {
            int j = (int)mt.Interval((uint)i);
            (perm[i], perm[j]) = (perm[j], perm[i]);
        }
        return perm;
    }

    /// <summary>Reorders <paramref name="items"/> by <paramref name="permutation"/> (result[i] = items[permutation[i]]).</summary>
    public static T[] Apply<T>(IReadOnlyList<T> items, int[] permutation)
    {
        var result = new T[permutation.Length];
        for (int i = 0; i < permutation.Length; i++) result[i] = items[permutation[i]];
        return result;
    }

    /// <summary>MT19937, 32-bit output, as in Matsumoto and Nishimura's reference code.</summary>
    private sealed class MersenneTwister
    {
        private const int N = 624, M = 397;
        private readonly uint[] _mt = new uint[N];
        private int _index = N;

        public MersenneTwister(uint seed)
        {
            _mt[0] = seed;
            for (int i = 1; i < N; i++)
                _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        }

        public uint NextUInt32()
        {
            if (_index >= N) Twist();
            uint y = _mt[_index++];
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c5680u;
            y ^= (y << 15) & 0xefc60000u;
            y ^= y >> 18;
            return y;
        }

        /// <summary>A uniform integer in [0, max]: the lowest bits of a draw under the smallest all-ones mask, rejected while above max.</summary>
        public uint Interval(uint max)
        {
            if (max == 0) return 0;
            uint mask = max;
            mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16;
            uint value;
            while ((value = NextUInt32() & mask) > max) { }
            return value;
        }

        private void Twist()
        {
            for (int i = 0; i < N; i++)
            {
                uint y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % N] & 0x7fffffffu);
                uint next = _mt[(i + M) % N] ^ (y >> 1);
                if ((y & 1) != 0) next ^= 0x9908b0dfu;
                _mt[i] = next;
            }
            _index = 0;
        }
    }
}

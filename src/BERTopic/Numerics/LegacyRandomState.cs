namespace BERTopicNet.Numerics;

/// <summary>
/// The Mersenne Twister stream of NumPy's legacy <c>np.random.RandomState(seed)</c> and the bounded integers its
/// <c>randint</c> / <c>choice(replace=True)</c> draw (masked rejection sampling on 32-bit outputs). Python BERTopic
/// samples representative documents through pandas with <c>random_state=42</c>; using the same stream gives the
/// same samples.
/// </summary>
internal sealed class LegacyRandomState
{
    private const int N = 624, M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _pos;

    /// <summary>Seeds the generator as <c>RandomState(seed)</c> does for an integer seed.</summary>
    public LegacyRandomState(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < N; i++)
            _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        _pos = N;
    }

    /// <summary>The next 32-bit output of MT19937.</summary>
    public uint NextUInt32()
    {
        if (_pos >= N) Generate();
        uint y = _mt[_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Generate()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % N] & 0x7fffffffu);
            uint next = _mt[(i + M) % N] ^ (y >> 1);
            if ((y & 1) != 0) next ^= 0x9908b0dfu;
            _mt[i] = next;
        }
        _pos = 0;
    }

    /// <summary>
    /// <c>randint(0, populationSize, size=count)</c> (equivalently <c>choice(populationSize, count, replace=True)</c>)
    /// for a population below 2^32.
    /// </summary>
    public int[] ChoiceWithReplacement(int populationSize, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(populationSize, 1);
        var result = new int[count];
        uint rng = (uint)(populationSize - 1);
        if (rng == 0) return result;
        uint mask = rng;
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16;
        for (int i = 0; i < count; i++)
        {
            uint val;
            while ((val = NextUInt32() & mask) > rng) { }
            result[i] = (int)val;
        }
        return result;
    }
}

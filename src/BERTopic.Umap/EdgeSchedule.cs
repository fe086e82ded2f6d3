using System.Runtime.CompilerServices;

namespace BERTopicNet.Umap;

/// <summary>Per-edge sampling schedule of the SGD layout (umap-learn's <c>epoch_of_next_sample</c> and its negative
/// counterpart): edge e is sampled every <see cref="EpochsPerSample"/>[e] epochs, with negative samples at
/// <c>negative_sample_rate</c> times that rate. umap-learn's <c>epochs_per_negative_sample</c> is computed where it is
/// used (<see cref="EpochsPerNegative"/>, the same float division) rather than stored: one array fewer to stream
/// through the caches every epoch, 4 bytes an edge less memory.</summary>
internal sealed class EdgeSchedule
{
    private readonly float _rate;

    public EdgeSchedule(float[] epochsPerSample, int negativeSampleRate)
    {
        int m = epochsPerSample.Length;
        _rate = negativeSampleRate;
        EpochsPerSample = epochsPerSample;
        NextSample = (float[])epochsPerSample.Clone();
        NextNegative = new float[m];
        for (int e = 0; e < m; e++) NextNegative[e] = EpochsPerNegative(epochsPerSample[e]);
    }

    public float[] EpochsPerSample { get; }
    public float[] NextSample { get; }
    public float[] NextNegative { get; }

    /// <summary>Epochs between negative samples of an edge sampled every <paramref name="epochsPerSample"/> epochs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float EpochsPerNegative(float epochsPerSample) => _rate > 0 ? epochsPerSample / _rate : float.PositiveInfinity;
}

namespace BERTopicNet.Umap;

/// <summary>Per-edge sampling schedule of the SGD layout (umap-learn's <c>epoch_of_next_sample</c> and its negative
/// counterpart): edge e is sampled every <see cref="EpochsPerSample"/>[e] epochs, with negative samples at
/// <c>negative_sample_rate</c> times that rate.</summary>
internal sealed class EdgeSchedule
{
    public EdgeSchedule(float[] epochsPerSample, int negativeSampleRate)
    {
        int m = epochsPerSample.Length;
        EpochsPerSample = epochsPerSample;
        NextSample = (float[])epochsPerSample.Clone();
        EpochsPerNegative = new float[m];
        for (int e = 0; e < m; e++) EpochsPerNegative[e] = negativeSampleRate > 0 ? epochsPerSample[e] / negativeSampleRate : float.PositiveInfinity;
        NextNegative = (float[])EpochsPerNegative.Clone();
    }

    public float[] EpochsPerSample { get; }
    public float[] NextSample { get; }
    public float[] EpochsPerNegative { get; }
    public float[] NextNegative { get; }
}

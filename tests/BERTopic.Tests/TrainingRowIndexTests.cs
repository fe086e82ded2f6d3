using BERTopicNet.Topics;

namespace BERTopicNet.Tests;

/// <summary>The training rows' fingerprints, which saved models keep: they must not change from one version to the next.</summary>
public class TrainingRowIndexTests
{
    /// <summary>
    /// Seven rows (one group of four hashed together, three alone) give the values the fingerprint has always had
    /// (computed independently from its definition: a SplitMix64 finaliser chained over the floats' bits).
    /// </summary>
    [Fact]
    public void Dense_Fingerprints_Keep_Their_Saved_Values()
    {
        var rows = new float[7, 5];
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 5; j++) rows[i, j] = i * 0.25f - j * 0.5f;
        ulong[] expected =
        [
            0xa6c810e322920394, 0xb15ab3d008cfa73d, 0x184fc48cda04d49a, 0x07487d3eb06fa831,
            0x8a96f931a7964861, 0x1c70ce4fa09b8c6d, 0x4c3fda6d35ec34ba,
        ];
        Assert.Equal(expected, TrainingRowIndex.Fingerprint(rows));
        var index = TrainingRowIndex.Of(rows);
        Assert.Equal(3, index.Find(expected[3]));
        Assert.Equal(-1, index.Find(12345));
    }
}

namespace BERTopicNet.Tests;

/// <summary>The vectorised finite-value check that guards embeddings, at every position inside and after the vector blocks.</summary>
public class FiniteValuesTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Finds_The_First_Non_Finite_Value(float bad)
    {
        for (int length = 0; length <= 40; length++)
        {
            var values = Enumerable.Range(0, length).Select(i => i % 3 == 0 ? float.MaxValue : -i * 0.5f).ToArray();
            Assert.Equal(-1, FiniteValues.IndexOfNonFinite(values));
            for (int at = 0; at < length; at++)
            {
                var copy = (float[])values.Clone();
                copy[at] = bad;
                if (at + 3 < length) copy[at + 3] = float.NaN; // a later one does not hide the first
                Assert.Equal(at, FiniteValues.IndexOfNonFinite(copy));
            }
        }
    }

    [Fact]
    public void Flat_Reads_A_Matrix_Row_After_Row()
    {
        var m = new float[,] { { 1, 2, 3 }, { 4, float.NaN, 6 } };
        Assert.Equal([1f, 2, 3, 4, float.NaN, 6], FiniteValues.Flat(m).ToArray());
        Assert.Equal(4, FiniteValues.IndexOfNonFinite(FiniteValues.Flat(m)));
    }
}

namespace BERTopicNet.Analysis;

/// <summary>One row of a SciPy linkage matrix <c>Z</c>: the merge of two clusters.</summary>
/// <param name="Left">The first merged cluster: a leaf (&lt; n) or n + the row of an earlier merge.</param>
/// <param name="Right">The second merged cluster, numbered the same way.</param>
/// <param name="Distance">The distance at which they merge.</param>
/// <param name="Size">The number of leaves under the new cluster.</param>
public readonly record struct LinkageRow(int Left, int Right, double Distance, int Size);

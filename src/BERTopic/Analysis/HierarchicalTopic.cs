namespace BERTopicNet.Analysis;

/// <summary>
/// One merge of <see cref="BERTopic.HierarchicalTopics"/> (a row of Python's <c>hierarchical_topics</c> data frame).
/// Leaves are the topics 0, 1, …; merge i (in order of increasing distance) has the id n + i, n being the number of
/// topics without the outlier topic.
/// </summary>
/// <param name="ParentId">The id of the merged cluster.</param>
/// <param name="ParentName">Its top five words (c-TF-IDF of its topics' documents together), joined by "_".</param>
/// <param name="Topics">The topics under it, ascending.</param>
/// <param name="ChildLeftId">The left child: a topic or an earlier merge.</param>
/// <param name="ChildLeftName">The left child's name: a topic's top five words, or the merge's <see cref="ParentName"/>.</param>
/// <param name="ChildRightId">The right child.</param>
/// <param name="ChildRightName">The right child's name.</param>
/// <param name="Distance">The distance at which the two children merge.</param>
public sealed record HierarchicalTopic(int ParentId, string ParentName, IReadOnlyList<int> Topics, int ChildLeftId, string ChildLeftName,
    int ChildRightId, string ChildRightName, double Distance);

namespace BERTopicNet.Datasets;

/// <summary>Which part of the "bydate" split of 20 Newsgroups to load (scikit-learn's <c>subset</c>).</summary>
public enum NewsgroupsSubset
{
    /// <summary>The 11,314 training posts (<c>20news-bydate-train</c>).</summary>
    Train,

    /// <summary>The 7,532 test posts (<c>20news-bydate-test</c>).</summary>
    Test,

    /// <summary>Both: the training posts followed by the test posts (18,846), before shuffling.</summary>
    All,
}

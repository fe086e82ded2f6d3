namespace BERTopicNet.Visualization.Layout;

/// <summary>How the distance between two merged clusters is updated (SciPy's <c>linkage</c> methods).</summary>
public enum LinkageMethod
{
    /// <summary>Ward's minimum variance update on the given distances (Python BERTopic 0.17.4's <c>hierarchical_topics</c> default).</summary>
    Ward,

    /// <summary>Mean distance between members (UPGMA), as <c>reduce_topics</c> uses.</summary>
    Average,

    /// <summary>Largest distance between members.</summary>
    Complete,

    /// <summary>Smallest distance between members.</summary>
    Single,
}

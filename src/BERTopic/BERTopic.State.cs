using BERTopicNet.Clustering;
using BERTopicNet.Reduction;
using BERTopicNet.Topics;
using BERTopicNet.Vectorizers;

namespace BERTopicNet;

/// <summary>
/// Everything a fitted <see cref="BERTopic"/> holds (Python attribute names in brackets), for saving and loading.
/// Rows of <see cref="CTfidf"/> and <see cref="TopicEmbeddings"/> follow <see cref="TopicIds"/> (ascending).
/// </summary>
/// <param name="DocumentTopics">Topic per training document (<c>topics_</c>).</param>
/// <param name="TopicMappingHistory">Rows of <c>topic_mapper_.mappings_</c>: first entry the clusterer's label, last the current topic.</param>
/// <param name="TopicIds">The topics, ascending.</param>
/// <param name="CTfidf">Topics × terms c-TF-IDF (<c>c_tf_idf_</c>), or null when not saved.</param>
/// <param name="Representations">Words per topic (<c>topic_representations_</c>).</param>
/// <param name="TopicEmbeddings">Topics × dimension (<c>topic_embeddings_</c>), or null.</param>
/// <param name="RepresentativeDocs">Representative documents per topic (<c>representative_docs_</c>).</param>
/// <param name="CustomLabels">Custom labels in topic order (<c>custom_labels_</c>), or null.</param>
/// <param name="Probabilities">Probabilities of the training documents (<c>probabilities_</c>), or null.</param>
/// <param name="Vectorizer">The fitted vectorizer (a <see cref="CountVectorizer"/> with a fixed vocabulary restores one), or null to keep the model's.</param>
/// <param name="CtfidfModel">The fitted c-TF-IDF transformer (see <see cref="ClassTfidfTransformer.SetIdf"/>), or null to keep the model's.</param>
/// <param name="Reducer">The fitted reducer, or null.</param>
/// <param name="Clusterer">The fitted clusterer, or null.</param>
/// <param name="TopNWords">Words per topic.</param>
internal sealed record FittedState(
    int[] DocumentTopics,
    IReadOnlyList<IReadOnlyList<int>> TopicMappingHistory,
    int[] TopicIds,
    TermWeightMatrix? CTfidf,
    IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> Representations,
    float[,]? TopicEmbeddings,
    IReadOnlyDictionary<int, IReadOnlyList<string>> RepresentativeDocs,
    IReadOnlyList<string>? CustomLabels,
    TopicProbabilities? Probabilities,
    IVectorizer? Vectorizer,
    ClassTfidfTransformer? CtfidfModel,
    IDimensionalityReducer? Reducer,
    IClusterer? Clusterer,
    int TopNWords);

public sealed partial class BERTopic
{
    /// <summary>A snapshot of the fitted state (arrays are shared, not copied).</summary>
    internal FittedState ExportState()
    {
        RequireFitted();
        return new FittedState(_documentTopics!, _mapper!.History, _topicIds, _cTfidf, _representations, _topicEmbeddings,
            _representativeDocs, _customLabels, _probabilities, _vectorizer, _ctfidf, _reducer, _clusterer, _topNWords);
    }

    /// <summary>Replaces this model's fitted state (for loading). Checks the pieces agree with each other.</summary>
    /// <exception cref="InvalidDataException">The state is inconsistent.</exception>
    internal void RestoreState(FittedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ids = TopicOrdering.SortedTopics(state.DocumentTopics);
        if (state.DocumentTopics.Length > 0 && !ids.SequenceEqual(state.TopicIds))
            throw new InvalidDataException("The saved topics of the documents do not match the saved topic ids.");
        if (!state.TopicIds.SequenceEqual(state.TopicIds.Order()) || state.TopicIds.Distinct().Count() != state.TopicIds.Length)
            throw new InvalidDataException("The saved topic ids must be distinct and ascending.");
        if (state.CTfidf is not null && state.CTfidf.Rows != state.TopicIds.Length)
            throw new InvalidDataException($"The saved c-TF-IDF matrix has {state.CTfidf.Rows} rows for {state.TopicIds.Length} topics.");
        if (state.TopicEmbeddings is not null && state.TopicEmbeddings.GetLength(0) != state.TopicIds.Length)
            throw new InvalidDataException($"The saved topic embeddings have {state.TopicEmbeddings.GetLength(0)} rows for {state.TopicIds.Length} topics.");
        foreach (var t in state.TopicIds)
            if (!state.Representations.ContainsKey(t))
                throw new InvalidDataException($"The saved topic words lack topic {t}.");
        if (state.CustomLabels is not null && state.CustomLabels.Count != state.TopicIds.Length)
            throw new InvalidDataException($"{state.CustomLabels.Count} custom labels were saved for {state.TopicIds.Length} topics.");
        if (state.TopNWords < 1) throw new InvalidDataException("The saved number of words per topic must be at least 1.");

        _documentTopics = state.DocumentTopics;
        _topicSizes = TopicOrdering.CountInOrderOfAppearance(state.DocumentTopics);
        _mapper = TopicMapper.FromHistory(state.TopicMappingHistory);
        _topicIds = state.TopicIds;
        _cTfidf = state.CTfidf;
        _representations = new SortedDictionary<int, IReadOnlyList<TopicWord>>(state.Representations.ToDictionary(kv => kv.Key, kv => kv.Value));
        _topicEmbeddings = state.TopicEmbeddings;
        _representativeDocs = state.RepresentativeDocs.ToDictionary(kv => kv.Key, kv => kv.Value);
        _customLabels = state.CustomLabels is null ? null : [.. state.CustomLabels];
        _probabilities = state.Probabilities;
        _vectorizer = state.Vectorizer ?? _vectorizer;
        _ctfidf = state.CtfidfModel ?? _ctfidf;
        _reducer = state.Reducer;
        _clusterer = state.Clusterer;
        _topNWords = state.TopNWords;
    }
}

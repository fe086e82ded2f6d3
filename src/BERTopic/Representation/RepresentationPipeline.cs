namespace BERTopicNet.Representation;

/// <summary>
/// Applies several representation models in turn, each refining the words of the previous one (Python BERTopic's
/// <c>representation_model=[model1, model2]</c>).
/// </summary>
public sealed class RepresentationPipeline : IRepresentationModel
{
    private readonly IRepresentationModel[] _models;

    /// <summary>Creates the pipeline.</summary>
    /// <exception cref="ArgumentException">No model, or a null one.</exception>
    public RepresentationPipeline(params IRepresentationModel[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Length == 0 || models.Any(m => m is null))
            throw new ArgumentException("Give at least one representation model, none of them null.", nameof(models));
        _models = [.. models];
    }

    /// <summary>The models, in order.</summary>
    public IReadOnlyList<IRepresentationModel> Models => _models;

    /// <inheritdoc/>
    public IReadOnlyDictionary<int, IReadOnlyList<TopicWord>> ExtractTopics(RepresentationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var words = context.Candidates;
        foreach (var model in _models)
            words = model.ExtractTopics(context.WithCandidates(words), cancellationToken);
        return words;
    }
}

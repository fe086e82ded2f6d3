namespace BERTopicNet.Umap;

/// <summary>How the low-dimensional layout is initialised before the SGD optimisation.</summary>
public enum UmapInit
{
    /// <summary>Eigenvectors of the normalised graph Laplacian, per connected component (umap-learn's default).
    /// Falls back to <see cref="Random"/> when the eigensolver does not converge.</summary>
    Spectral,

    /// <summary>Uniform random coordinates in [−10, 10].</summary>
    Random,
}

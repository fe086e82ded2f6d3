using BERTopicNet.Umap;

namespace BERTopicNet;

public sealed partial class BERTopic
{
    /// <summary>Checks the documents and returns them with lone surrogates replaced by U+FFFD (<see cref="IO.Utf16Text"/>).</summary>
    private static IReadOnlyList<string> ValidateDocuments(IReadOnlyList<string> documents, string paramName = "documents")
    {
        if (documents is null)
            throw new ArgumentNullException(paramName, "The documents are null; pass a list of strings (empty strings are allowed).");
        if (documents.Count == 0)
            throw new ArgumentException("The documents are empty; pass at least one document.", paramName);
        for (int i = 0; i < documents.Count; i++)
            if (documents[i] is null)
                throw new ArgumentException($"Document {i} is null; replace it with an empty string or remove it.", paramName);
        return IO.Utf16Text.Sanitize(documents);
    }

    /// <summary>The facade's word for UMAP's row limits: how many documents a fit needs, and why.</summary>
    private void RequireEnoughDocumentsForUmap(int documentCount, int nComponents)
    {
        int needed = Math.Max(2, nComponents + 1);
        if (documentCount >= needed) return;
        throw new ArgumentException(
            $"BERTopic got {documentCount} document{(documentCount == 1 ? "" : "s")} but needs at least {needed} to fit with UMAP: UMAP lays the documents out in " +
            $"{nComponents} dimensions (UmapOptions.NComponents), which takes more documents than dimensions. A useful fit needs many more: " +
            $"topics are clusters of at least MinTopicSize ({Options.MinTopicSize}) similar documents, so hundreds of documents are typical. " +
            "For a handful of documents pass more of them, or set UmapModel = new NoDimensionalityReduction() and a smaller MinTopicSize.",
            "documents");
    }

    private static void ValidateEmbeddings(float[,] embeddings, int documentCount)
    {
        if (embeddings.GetLength(0) != documentCount)
            throw new ArgumentException($"The embeddings have {embeddings.GetLength(0)} rows but there are {documentCount} documents; pass one row per document, in the same order.", nameof(embeddings));
        if (embeddings.GetLength(1) == 0)
            throw new ArgumentException("The embeddings have no columns; pass N × D vectors with D >= 1.", nameof(embeddings));
        int cols = embeddings.GetLength(1);
        int bad = FiniteValues.IndexOfNonFinite(FiniteValues.Flat(embeddings));
        if (bad >= 0)
        {
            int i = bad / cols, j = bad % cols;
            throw new ArgumentException($"The embeddings hold {embeddings[i, j]} at row {i}, column {j}; every value must be a finite number (recompute or drop that document).", nameof(embeddings));
        }
    }

    private static void ValidateEmbeddings(CsrMatrix embeddings, int documentCount)
    {
        if (embeddings.Rows != documentCount)
            throw new ArgumentException($"The embeddings have {embeddings.Rows} rows but there are {documentCount} documents; pass one row per document, in the same order.", nameof(embeddings));
        if (embeddings.Columns == 0)
            throw new ArgumentException("The embeddings have no columns; pass N × D vectors with D >= 1.", nameof(embeddings));
    }

    private static void ValidateLabels(int[]? y, int documentCount)
    {
        if (y is null) return;
        if (y.Length != documentCount)
            throw new ArgumentException($"y has {y.Length} labels but there are {documentCount} documents; pass one label per document (-1 = unknown).", nameof(y));
        for (int i = 0; i < y.Length; i++)
            if (y[i] < -1)
                throw new ArgumentException($"y[{i}] is {y[i]}; labels must be -1 (unknown/outlier) or a class id >= 0.", nameof(y));
    }

    private static void ValidateTopicsPerDocument(IReadOnlyList<int> topics, int documentCount, string paramName)
    {
        if (topics.Count != documentCount)
            throw new ArgumentException($"{paramName} has {topics.Count} entries but there are {documentCount} documents; give one topic per document.", paramName);
        for (int i = 0; i < topics.Count; i++)
            if (topics[i] < -1)
                throw new ArgumentException($"{paramName}[{i}] is {topics[i]}; topics must be -1 (outlier) or >= 0.", paramName);
    }
}

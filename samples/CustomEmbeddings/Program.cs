// Custom embeddings (article section "Custom Embeddings"):
//   1. Precomputed dense embeddings: embed once (or load them), then FitTransform(docs, embeddings) skips the
//      embedding step — the way to use any model, including ones BERTopic does not know.
//   2. A sparse TF-IDF matrix as the "embeddings" (the article's TfidfVectorizer(min_df=5) example): UMAP reduces
//      the sparse rows with cosine distance, no neural model at all.
//
//   dotnet run -c Release --project samples/CustomEmbeddings
using System.Diagnostics;
using BERTopicNet;
using BERTopicNet.Samples;
using BERTopicNet.Umap;
using BERTopicNet.Vectorizers;

ConsoleErrors.Install();

var corpus = SampleCorpus.TwentyNewsgroupsAll();
var docs = corpus.Documents;

// 1. Dense: any N x D float matrix, row i = document i (here all-MiniLM-L6-v2 vectors from the cache).
var (embeddings, origin) = EmbeddingCache.GetOrCreate(corpus, EmbeddingCache.DefaultModelName, () => DefaultStages.CreateEmbeddingModel(new BERTopicOptions()));
var clock = Stopwatch.StartNew();
var dense = new BERTopic();
dense.FitTransform(docs, embeddings);
Console.WriteLine($"Precomputed dense embeddings ({embeddings.GetLength(0)} x {embeddings.GetLength(1)}, {origin}): fit in {clock.Elapsed.TotalSeconds:F1} s");
TopicTable.PrintFrequencies(dense, rows: 6);
Console.WriteLine();

// 2. Sparse: TF-IDF as scikit-learn's TfidfVectorizer(min_df=5) computes it (smooth idf, L2-normalised rows).
clock.Restart();
var tfidf = TfIdf(docs, minDf: 5);
Console.WriteLine($"TF-IDF matrix: {tfidf.Rows} x {tfidf.Columns}, {tfidf.NonZeroCount:N0} non-zeros ({clock.Elapsed.TotalSeconds:F1} s)");
clock.Restart();
var sparse = new BERTopic();
sparse.FitTransform(docs, tfidf);
Console.WriteLine($"TF-IDF embeddings: fit in {clock.Elapsed.TotalSeconds:F1} s");
TopicTable.PrintFrequencies(sparse, rows: 6);
foreach (var f in sparse.GetTopicFreq().Where(f => f.Topic != -1).Take(3)) TopicTable.PrintTopic(sparse, f.Topic);

static CsrMatrix TfIdf(IReadOnlyList<string> documents, int minDf)
{
    var counts = new CountVectorizer(new CountVectorizerOptions { MinDf = minDf }).FitTransform(documents);
    int n = counts.Rows;
    var df = counts.DocumentFrequencies();
    var idf = df.Select(d => Math.Log((1.0 + n) / (1.0 + d)) + 1.0).ToArray();
    var values = new float[counts.NonZeroCount];
    for (int r = 0; r < n; r++)
    {
        var cols = counts.RowIndices(r);
        var c = counts.RowCounts(r);
        int start = counts.IndPtr[r];
        double norm = 0;
        for (int k = 0; k < cols.Length; k++)
        {
            double v = c[k] * idf[cols[k]];
            values[start + k] = (float)v;
            norm += v * v;
        }
        if (norm > 0)
        {
            float inv = (float)(1 / Math.Sqrt(norm));
            for (int k = 0; k < cols.Length; k++) values[start + k] *= inv;
        }
    }
    return new CsrMatrix(n, counts.Columns, counts.IndPtr, counts.Indices, values);
}

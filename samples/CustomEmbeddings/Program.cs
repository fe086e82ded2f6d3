// Custom embeddings (article section "Custom Embeddings"):
//   1. Precomputed dense embeddings: embed once (or load them), then FitTransform(docs, embeddings) skips the
//      embedding step — the way to use any model, including ones BERTopic does not know.
//   2. A sparse TF-IDF matrix as the "embeddings" (the article's TfidfVectorizer(min_df=5) example, with
//      TfidfVectorizer): UMAP reduces the sparse rows with cosine distance, no neural model at all.
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

// 2. Sparse: the article's TfidfVectorizer(min_df=5) with English stop words (scikit-learn's semantics: smooth idf,
//    L2-normalised rows). A post whose words are all rare or stop words (and the empty posts of 20 Newsgroups) gets
//    an all-zero row; those rows are all at cosine distance 0 from each other, so UMAP and HDBSCAN put them into one
//    topic whose c-TF-IDF words are few (Python does the same on the same matrix). Filtering such documents out
//    before fitting avoids that topic.
clock.Restart();
var vectorizer = new TfidfVectorizer(new TfidfVectorizerOptions { Counts = new() { MinDf = 5, StopWords = StopWordLists.English } });
var tfidf = vectorizer.FitTransform(docs);
int zeroRows = Enumerable.Range(0, tfidf.Rows).Count(r => tfidf.IndPtr[r + 1] == tfidf.IndPtr[r]);
Console.WriteLine($"TF-IDF matrix: {tfidf.Rows} x {tfidf.Columns}, {tfidf.NonZeroCount:N0} non-zeros, {zeroRows} all-zero rows ({clock.Elapsed.TotalSeconds:F1} s)");
clock.Restart();
var sparse = new BERTopic();
var (sparseTopics, _) = sparse.FitTransform(docs, tfidf);
Console.WriteLine($"TF-IDF embeddings: fit in {clock.Elapsed.TotalSeconds:F1} s");
TopicTable.PrintFrequencies(sparse, rows: 6);
foreach (var f in sparse.GetTopicFreq().Where(f => f.Topic != -1).Take(3)) TopicTable.PrintTopic(sparse, f.Topic);

// New documents go through the same fitted vectorizer, then the CsrMatrix overload of Transform.
var fresh = docs.Take(5).ToArray();
var (freshTopics, _) = sparse.Transform(fresh, vectorizer.Transform(fresh));
Console.WriteLine($"Transform of 5 training posts through the vectorizer: topics {string.Join(", ", freshTopics)} (fitted: {string.Join(", ", sparseTopics.Take(5))})");

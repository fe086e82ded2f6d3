// Topic representation (article section "Topic Representation"): the topic words come from c-TF-IDF over the
// vectorizer's tokens, so changing the vectorizer or the c-TF-IDF weighting changes the words, not the clusters.
//   1. Default: unigrams, no stop-word removal.
//   2. A custom vectorizer: English stop words removed, 1- and 2-grams, words in at least 2 documents.
//   3. c-TF-IDF variants: BM25 weighting and reduced weight of frequent words.
//   4. Labels: generated from the top words, or your own.
//
//   dotnet run -c Release --project samples/TopicRepresentation
using BERTopicNet;
using BERTopicNet.Samples;
using BERTopicNet.Vectorizers;

ConsoleErrors.Install();

var corpus = SampleCorpus.TwentyNewsgroupsAll();
var (embeddings, _) = EmbeddingCache.GetOrCreate(corpus, EmbeddingCache.DefaultModelName, () => DefaultStages.CreateEmbeddingModel(new BERTopicOptions()));
var docs = corpus.Documents;

var plain = new BERTopic();
plain.FitTransform(docs, embeddings);
Show("1. default vectorizer", plain);

var custom = new BERTopic(new BERTopicOptions
{
    VectorizerModel = new CountVectorizer(new CountVectorizerOptions
    {
        StopWords = StopWordLists.English,
        NGramRange = (1, 2),
        MinDf = 2,
    }),
});
custom.FitTransform(docs, embeddings);
Show("2. stop words removed, 1-2 grams, min_df 2", custom);

var bm25 = new BERTopic(new BERTopicOptions
{
    VectorizerModel = new CountVectorizer(new CountVectorizerOptions { StopWords = StopWordLists.English }),
    CtfidfModel = new ClassTfidfTransformer(new ClassTfidfOptions { Bm25Weighting = true, ReduceFrequentWords = true }),
});
bm25.FitTransform(docs, embeddings);
Show("3. BM25 c-TF-IDF with reduced frequent words", bm25);

var labels = custom.GenerateTopicLabels(nrWords: 3, topicPrefix: false, separator: ", ");
custom.SetTopicLabels(labels);
Console.WriteLine("4. generated labels: " + string.Join(" | ", custom.GetTopicInfo().Take(6).Select(t => $"{t.Topic}: {t.CustomName}")));

static void Show(string title, BERTopic model)
{
    Console.WriteLine(title);
    foreach (var f in model.GetTopicFreq().Where(f => f.Topic != -1).Take(4)) TopicTable.PrintTopic(model, f.Topic, words: 8);
    Console.WriteLine();
}

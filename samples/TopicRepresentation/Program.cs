// Topic representation (article section "Topic Representation"): topic words come from c-TF-IDF over the
// vectorizer's tokens, so they can be recomputed with other settings without fitting again (UpdateTopics).
//   1. Default words: unigrams, no stop-word removal.
//   2. UpdateTopics with 1- to 3-grams and English stop words removed (the article's update_topics example).
//   3. UpdateTopics with a custom vectorizer (min_df) and BM25 c-TF-IDF that damps frequent words.
//   4. A representation model on top of c-TF-IDF: maximal marginal relevance (more diverse words).
//   5. Labels: generated from the top words, or your own.
//
//   dotnet run -c Release --project samples/TopicRepresentation
using BERTopicNet;
using BERTopicNet.Embedding;
using BERTopicNet.Representation;
using BERTopicNet.Samples;
using BERTopicNet.Vectorizers;

ConsoleErrors.Install();

var corpus = SampleCorpus.TwentyNewsgroupsAll();
var (embeddings, _) = EmbeddingCache.GetOrCreate(corpus, EmbeddingCache.DefaultModelName, () => DefaultStages.CreateEmbeddingModel(new BERTopicOptions()));
var docs = corpus.Documents;

// The embedding model is only needed by representation models that embed words (step 4); the documents'
// embeddings are passed precomputed.
using var embeddingModel = EmbeddingModels.Default();
var model = new BERTopic(new BERTopicOptions { EmbeddingModel = embeddingModel });
model.FitTransform(docs, embeddings);
Show("1. default", model);

model.UpdateTopics(docs, vectorizer: new CountVectorizer(new CountVectorizerOptions { NGramRange = (1, 3), StopWords = StopWordLists.English }));
Show("2. UpdateTopics: 1-3 grams, English stop words removed", model);

model.UpdateTopics(docs,
    vectorizer: new CountVectorizer(new CountVectorizerOptions { StopWords = StopWordLists.English, MinDf = 5 }),
    ctfidf: new ClassTfidfTransformer(new ClassTfidfOptions { Bm25Weighting = true, ReduceFrequentWords = true }));
Show("3. UpdateTopics: min_df 5, BM25 c-TF-IDF with reduced frequent words", model);

model.UpdateTopics(docs,
    vectorizer: new CountVectorizer(new CountVectorizerOptions { StopWords = StopWordLists.English }),
    representationModel: new MaximalMarginalRelevance(diversity: 0.3));
Show("4. UpdateTopics: maximal marginal relevance (diversity 0.3)", model);

var labels = model.GenerateTopicLabels(nrWords: 3, topicPrefix: false, separator: ", ");
model.SetTopicLabels(labels);
Console.WriteLine("5. generated labels: " + string.Join(" | ", model.GetTopicInfo().Take(6).Select(t => $"{t.Topic}: {t.CustomName}")));

static void Show(string title, BERTopic model)
{
    Console.WriteLine(title);
    foreach (var f in model.GetTopicFreq().Where(f => f.Topic != -1).Take(4)) TopicTable.PrintTopic(model, f.Topic, words: 8);
    Console.WriteLine();
}

// Topic reduction (article section "Topic Reduction"): three ways to get fewer topics.
//   1. nr_topics as a number: NrTopics = 20 at construction (merges the most similar topics after the fit).
//   2. nr_topics="auto": NrTopics = NrTopics.Auto (HDBSCAN on the topic embeddings decides).
//   3. after training: model.ReduceTopics(docs, 30).
// BERTopic 0.17.4 merges in one step (agglomerative clustering of the topic embeddings), not one topic at a
// time as the article's older version did, so the merged topics can differ from the article's.
//
//   dotnet run -c Release --project samples/TopicReduction
using System.Diagnostics;
using BERTopicNet;
using BERTopicNet.Samples;

ConsoleErrors.Install();

var corpus = SampleCorpus.TwentyNewsgroupsAll();
var (embeddings, _) = EmbeddingCache.GetOrCreate(corpus, EmbeddingCache.DefaultModelName, () => DefaultStages.CreateEmbeddingModel(new BERTopicOptions()));
var docs = corpus.Documents;

var clock = Stopwatch.StartNew();
var fixedCount = new BERTopic(new BERTopicOptions { NrTopics = 20 });
fixedCount.FitTransform(docs, embeddings);
Report("NrTopics = 20", fixedCount, clock);

clock.Restart();
var auto = new BERTopic(new BERTopicOptions { NrTopics = NrTopics.Auto });
auto.FitTransform(docs, embeddings);
Report("NrTopics = Auto", auto, clock);

clock.Restart();
var model = new BERTopic();
model.FitTransform(docs, embeddings);
Report("no reduction", model, clock);
clock.Restart();
var (reducedTopics, _) = model.ReduceTopics(docs, 30);
Report("ReduceTopics(docs, 30) after training", model, clock);
Console.WriteLine($"Document 0 is now in topic {reducedTopics[0]}.");

static void Report(string what, BERTopic model, Stopwatch clock)
{
    Console.WriteLine($"{what}: {model.TopicCount} topics, {model.OutlierCount} outliers ({clock.Elapsed.TotalSeconds:F1} s)");
    TopicTable.PrintFrequencies(model, rows: 6);
    Console.WriteLine();
}

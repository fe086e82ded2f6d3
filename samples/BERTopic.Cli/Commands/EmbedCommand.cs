using System.CommandLine;
using System.Text.Json.Nodes;
using BERTopicNet.Embedding;
using BERTopicNet.IO;
using BERTopicNet.Onnx;

namespace BERTopicNet.Cli.Commands;

/// <summary><c>embed</c>: sentence embeddings of a corpus (DESIGN §7), written as an N × dim float32 .npy.</summary>
internal sealed class EmbedCommand : ICliCommand
{
    public Command Build()
    {
        var docs = CliOptions.Required<string>("--docs", "Corpus as JSON Lines, one {\"text\": ...} a line.");
        var output = CliOptions.Required<string>("--out", "Output .npy file (N x dim float32, row i = line i).");
        var model = CliOptions.Optional("--model", "Model name (looked up in BERTOPIC_MODELS and the per-user model folder; all-MiniLM-L6-v2 is bundled) or a folder with model.onnx + vocab.txt/tokenizer.json (WordPiece) or sentencepiece.bpe.model (XLM-R SentencePiece).", SentenceModels.English);
        var batch = CliOptions.Optional("--batch", "Documents per ONNX Runtime call.", new SentenceEncoderOptions().BatchSize);
        var threads = CliOptions.Optional<int?>("--threads", "ONNX Runtime intra-op threads (default: one per processor).");
        var int8 = CliOptions.Optional("--int8", "Quantise the model's weights to int8 at load (faster, vectors differ slightly from fp32).", false);
        var cmd = new Command("embed", "Embed documents with a sentence-transformers model on ONNX Runtime (offline).") { docs, output, model, batch, threads, int8 };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            var texts = JsonlCorpus.ReadTexts(CliOptions.ExistingFile(parse.GetValue(docs)!, "--docs"));
            var options = new SentenceEncoderOptions { BatchSize = parse.GetValue(batch), IntraOpThreads = parse.GetValue(threads), QuantizeInt8 = parse.GetValue(int8) };
            using var embedder = EmbeddingModels.FromName(parse.GetValue(model)!, options);
            // The "embed" stage includes loading the model (about a second), as the cost of embedding in a fresh process.
            var load = System.Diagnostics.Stopwatch.StartNew();
            var (encoder, vectors, embedSeconds) = clock.Time("embed", () =>
            {
                var enc = embedder.Encoder;
                double loadSeconds = load.Elapsed.TotalSeconds;
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var v = enc.Encode(texts);
                return (enc, v, (Load: loadSeconds, Encode: sw.Elapsed.TotalSeconds));
            });
            string outPath = parse.GetValue(output)!;
            Npy.Write(outPath, vectors);
            clock.PrintSummary(new JsonObject
            {
                ["docs"] = texts.Count,
                ["dim"] = encoder.Dimension,
                ["model"] = encoder.Name,
                ["batch"] = options.BatchSize,
                ["threads"] = encoder.IntraOpThreads,
                ["int8"] = encoder.IsInt8,
                ["load_seconds"] = Math.Round(embedSeconds.Load, 3),
                ["docs_per_s"] = Math.Round(texts.Count / Math.Max(embedSeconds.Encode, 1e-9), 1),
                ["out"] = Path.GetFullPath(outPath),
            });
            return 0;
        });
        return cmd;
    }
}

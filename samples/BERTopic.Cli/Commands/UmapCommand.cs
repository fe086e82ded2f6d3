using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using BERTopicNet.IO;
using BERTopicNet.Umap;
using UmapModel = BERTopicNet.Umap.Umap;

namespace BERTopicNet.Cli.Commands;

/// <summary><c>umap</c>: reduces dense (.npy) or sparse CSR (.npz, SciPy's save_npz) rows to a few dimensions (DESIGN §7).</summary>
internal sealed class UmapCommand : ICliCommand
{
    public Command Build()
    {
        var input = CliOptions.Required<string>("--input", "Rows to reduce: N × D float32 .npy, or a SciPy CSR matrix saved with save_npz (.npz).");
        var output = CliOptions.Required<string>("--out", "Where to write the N × components float32 .npy.");
        var neighbors = CliOptions.Optional("--neighbors", "Number of nearest neighbours.", 15);
        var components = CliOptions.Optional("--components", "Output dimensions.", 5);
        var minDist = CliOptions.Optional("--min-dist", "Minimum distance between embedded points.", 0.0);
        var metric = CliOptions.Optional("--metric", "cosine or euclidean (sparse input: cosine only).", "cosine");
        var seed = CliOptions.Optional<int>("--seed", "Random seed: identical output on every run and thread count.");
        var epochs = CliOptions.Optional<int>("--epochs", "SGD epochs (default: 200 above 10,000 rows, else 500).");
        var cmd = new Command("umap", "Reduce embeddings with UMAP (umap-learn's algorithm).") { input, output, neighbors, components, minDist, metric, seed, epochs };
        cmd.SetAction(parse =>
        {
            var clock = new StageClock();
            var inPath = CliOptions.ExistingFile(parse.GetValue(input)!, "--input");
            var outPath = parse.GetValue(output)!;
            var metricName = parse.GetValue(metric)!;
            var options = new UmapOptions
            {
                NNeighbors = parse.GetValue(neighbors),
                NComponents = parse.GetValue(components),
                MinDist = parse.GetValue(minDist),
                Metric = metricName.ToLowerInvariant() switch
                {
                    "cosine" => UmapMetric.Cosine,
                    "euclidean" => UmapMetric.Euclidean,
                    _ => throw new ArgumentException($"--metric: '{metricName}' is not supported; use cosine or euclidean."),
                },
                RandomSeed = parse.GetResult(seed) is null ? null : parse.GetValue(seed),
                NEpochs = parse.GetResult(epochs) is null ? null : parse.GetValue(epochs),
            };
            bool sparse = inPath.EndsWith(".npz", StringComparison.OrdinalIgnoreCase);
            float[,]? dense = null;
            CsrMatrix? csr = null;
            if (sparse) csr = ReadCsrNpz(inPath);
            else dense = Npy.ReadMatrix(inPath);
            var model = new UmapModel(options);
            var result = clock.Time("umap", () => sparse ? model.FitTransform(csr!) : model.FitTransform(dense!));
            Npy.Write(outPath, result);
            clock.PrintSummary(new JsonObject
            {
                ["rows"] = result.GetLength(0),
                ["components"] = result.GetLength(1),
                ["sparse"] = sparse,
                ["out"] = outPath,
            });
            return 0;
        });
        return cmd;
    }

    /// <summary>Reads SciPy's <c>save_npz</c> of a CSR matrix: a zip holding data.npy, indices.npy, indptr.npy, shape.npy (and format.npy).</summary>
    internal static CsrMatrix ReadCsrNpz(string path)
    {
        var dir = Directory.CreateTempSubdirectory("bertopic-npz-");
        try
        {
            using (var zip = ZipFile.OpenRead(path))
            {
                foreach (var name in new[] { "data.npy", "indices.npy", "indptr.npy", "shape.npy" })
                {
                    var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"{path}: not a SciPy CSR .npz (entry '{name}' is missing).");
                    entry.ExtractToFile(Path.Combine(dir.FullName, name));
                }
                if (zip.GetEntry("format.npy") is { } fmt)
                {
                    using var s = fmt.Open();
                    using var r = new StreamReader(s);
                    var text = r.ReadToEnd();
                    if (!text.Contains("csr", StringComparison.Ordinal))
                        throw new InvalidDataException($"{path}: the sparse matrix is not in CSR format; convert it with .tocsr() before save_npz.");
                }
            }
            var shape = Npy.ReadInt32Vector(Path.Combine(dir.FullName, "shape.npy"));
            if (shape.Length != 2) throw new InvalidDataException($"{path}: shape.npy must hold 2 values.");
            var data = Npy.ReadFloatVector(Path.Combine(dir.FullName, "data.npy"));
            var indices = Npy.ReadInt32Vector(Path.Combine(dir.FullName, "indices.npy"));
            var indptr = Npy.ReadInt32Vector(Path.Combine(dir.FullName, "indptr.npy"));
            return new CsrMatrix(shape[0], shape[1], indptr, indices, data);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

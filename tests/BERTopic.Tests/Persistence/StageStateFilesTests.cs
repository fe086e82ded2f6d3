using BERTopicNet.Hdbscan;
using BERTopicNet.Persistence;
using BERTopicNet.Umap;

namespace BERTopicNet.Tests.Persistence;

public sealed class StageStateFilesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bertopic-stages-");

    public void Dispose() => _root.Delete(recursive: true);

    private static float[,] Blobs(int perBlob, int dim, int blobs, int seed, double noise = 0.15)
    {
        var rng = new Random(seed);
        var x = new float[perBlob * blobs, dim];
        for (int b = 0; b < blobs; b++)
            for (int i = 0; i < perBlob; i++)
                for (int d = 0; d < dim; d++)
                    x[b * perBlob + i, d] = (float)((d % blobs == b ? 1.0 : 0.0) + noise * (rng.NextDouble() * 2 - 1));
        return x;
    }

    [Fact]
    public void UmapTransformIsIdenticalAfterSaveAndLoad()
    {
        var train = Blobs(60, 12, 3, 1);
        var umap = new Umap.Umap(new UmapOptions { NNeighbors = 10, NComponents = 3, RandomSeed = 42, NEpochs = 50, MaxThreads = 1 });
        umap.FitTransform(train);
        string path = Path.Combine(_root.FullName, "umap.safetensors");
        StageStateFiles.SaveUmap(umap, path);
        var loaded = StageStateFiles.LoadUmap(path, maxThreads: 1);
        var fresh = Blobs(10, 12, 3, 99);
        Assert.Equal(umap.Transform(fresh), loaded.Transform(fresh));
        Assert.Equal(umap.Embedding, loaded.Embedding);
        var header = SafeTensorsFile.Read(path);
        Assert.Equal("umap", header.Metadata["state_kind"]);
        Assert.Equal("Cosine", header.Metadata["metric"]);
        Assert.Equal([180L * 12], header["data"].Shape);
    }

    [Fact]
    public void HdbscanPredictionsAreIdenticalAfterSaveAndLoad()
    {
        var train = Blobs(40, 2, 2, 3, noise: 0.2);
        var h = new Hdbscan.Hdbscan(new HdbscanOptions { MinClusterSize = 8, PredictionData = true });
        h.Fit(train);
        string path = Path.Combine(_root.FullName, "hdbscan.safetensors");
        StageStateFiles.SaveHdbscan(h, path);
        var loaded = StageStateFiles.LoadHdbscan(path);
        var fresh = Blobs(5, 2, 2, 77, noise: 0.4);
        var (l1, s1) = h.ApproximatePredict(fresh);
        var (l2, s2) = loaded.ApproximatePredict(fresh);
        Assert.Equal(l1, l2);
        Assert.Equal(s1, s2);
        Assert.Equal(h.MembershipVector(fresh), loaded.MembershipVector(fresh));
        Assert.Equal(h.Labels, loaded.Labels);
        Assert.Equal(h.Probabilities, loaded.Probabilities);
    }

    [Fact]
    public void DamagedStateFilesGiveClearErrors()
    {
        var h = new Hdbscan.Hdbscan(new HdbscanOptions { MinClusterSize = 8, PredictionData = true });
        h.Fit(Blobs(40, 2, 2, 3, noise: 0.2));
        string good = Path.Combine(_root.FullName, "h.safetensors");
        StageStateFiles.SaveHdbscan(h, good);
        var original = SafeTensorsFile.Read(good);

        void Fails(string name, Func<SafeTensor, SafeTensor?> change, string expected)
        {
            var f = new SafeTensorsFile();
            foreach (var kv in original.Metadata) f.Metadata[kv.Key] = kv.Value;
            foreach (var t in original.Tensors) if (change(t) is { } c) f.Add(c);
            string path = Path.Combine(_root.FullName, name + ".safetensors");
            f.Save(path);
            var e = Assert.Throws<ModelFormatException>(() => StageStateFiles.LoadHdbscan(path));
            Assert.Contains(path, e.Message);
            Assert.Contains(expected, e.Message);
        }
        Fails("short-points", t => t.Name == "points" ? SafeTensor.FromSingle("points", t.ToSingleArray()[..^2]) : t, "point values");
        Fails("no-labels", t => t.Name == "labels" ? null : t, "'labels' is missing");
        Fails("bad-label", t => t.Name == "labels" ? SafeTensor.FromInt32("labels", [.. t.ToInt32Array().Select(_ => 99)]) : t, "label 99");
        Fails("bad-tree", t => t.Name == "tree_child" ? SafeTensor.FromInt32("tree_child", [.. t.ToInt32Array().Select(c => c + 100000)]) : t, "beyond the tree");
        Fails("nan-lambda", t => t.Name == "tree_lambda" ? SafeTensor.FromDouble("tree_lambda", [.. t.ToDoubleArray().Select(_ => double.NaN)]) : t, "lambda");
        Fails("wrong-kind-type", t => t.Name == "points" ? SafeTensor.FromInt32("points", new int[t.ElementCount]) : t, "dtype I32");
        Assert.Throws<ModelFormatException>(() => StageStateFiles.LoadUmap(good)); // an HDBSCAN file is not a UMAP file
    }

    [Fact]
    public void HostileUmapStatesAreRejectedBeforeTransformCanHang()
    {
        var umap = new Umap.Umap(new UmapOptions { NNeighbors = 10, NComponents = 2, RandomSeed = 1, NEpochs = 20, MaxThreads = 1 });
        umap.FitTransform(Blobs(30, 6, 2, 5));
        string good = Path.Combine(_root.FullName, "u.safetensors");
        StageStateFiles.SaveUmap(umap, good);
        var original = SafeTensorsFile.Read(good);
        void Fails(string name, Action<SafeTensorsFile> edit, string expected)
        {
            var f = SafeTensorsFile.Read(original.ToBytes(), good);
            edit(f);
            string path = Path.Combine(_root.FullName, name + ".safetensors");
            f.Save(path);
            var e = Assert.Throws<ModelFormatException>(() => StageStateFiles.LoadUmap(path));
            Assert.Contains(path, e.Message);
            Assert.Contains(expected, e.Message);
        }
        Fails("epochs", f => f.Metadata["n_epochs"] = "2000000000", "n_epochs");
        Fails("neighbours", f => f.Metadata["n_neighbors"] = "100000", "n_neighbors");
        Fails("curve", f => f.Metadata["a"] = "NaN", "a is not finite");
        Fails("rows", f => f.Metadata["rows"] = "7", "UMAP");
        Fails("metric", f => f.Metadata["metric"] = "Manhattan", "metric");
    }
}

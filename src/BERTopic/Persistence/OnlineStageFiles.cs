using System.Globalization;
using BERTopicNet.Online;

namespace BERTopicNet.Persistence;

/// <summary>Fitted state of the online stages (<see cref="IncrementalPcaReducer"/>, <see cref="MiniBatchKMeansClusterer"/>) as safetensors files.</summary>
internal static class OnlineStageFiles
{
    public const string IncrementalPcaKind = "incremental_pca";
    public const string MiniBatchKMeansKind = "minibatch_kmeans";
    public const string IncrementalPcaFileName = "incremental_pca.safetensors";
    public const string MiniBatchKMeansFileName = "minibatch_kmeans.safetensors";

    public static void SaveIncrementalPca(IncrementalPcaReducer r, string path)
    {
        var c = r.ComponentMatrix!;
        int k = c.GetLength(0), d = c.GetLength(1);
        var flat = new double[k * d];
        Buffer.BlockCopy(c, 0, flat, 0, flat.Length * sizeof(double));
        var f = new SafeTensorsFile()
            .Add(SafeTensor.FromDouble("mean", [.. r.Mean!], d))
            .Add(SafeTensor.FromDouble("components", flat, k, d))
            .Add(SafeTensor.FromDouble("singular_values", [.. r.SingularValues!], k))
            .Add(SafeTensor.FromInt64("samples_seen", [r.SamplesSeen], 1));
        f.Metadata["kind"] = IncrementalPcaKind;
        if (r.BatchSize is { } b) f.Metadata["batch_size"] = b.ToString(CultureInfo.InvariantCulture);
        f.Save(path);
    }

    public static IncrementalPcaReducer LoadIncrementalPca(string path)
    {
        var f = SafeTensorsFile.Read(path);
        var components = f["components"].RequireShape(-1, -1);
        int k = (int)components.Shape[0], d = (int)components.Shape[1];
        if (k < 1 || d < k) throw new ModelFormatException(path, $"'components' has shape [{k}, {d}]; expected k >= 1 components of dimension >= k.");
        var flat = components.ToDoubleArray();
        var matrix = new double[k, d];
        Buffer.BlockCopy(flat, 0, matrix, 0, flat.Length * sizeof(double));
        var mean = f["mean"].RequireShape(d).ToDoubleArray();
        var singular = f["singular_values"].RequireShape(k).ToDoubleArray();
        long seen = f["samples_seen"].RequireShape(1).ToInt64Array()[0];
        if (seen < k) throw new ModelFormatException(path, $"'samples_seen' = {seen} is below the {k} components.");
        int? batch = f.Metadata.TryGetValue("batch_size", out var b) && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out int bs) && bs >= 1 ? bs : null;
        return IncrementalPcaReducer.FromState(mean, matrix, singular, seen, batch);
    }

    public static void SaveMiniBatchKMeans(MiniBatchKMeansClusterer m, string path)
    {
        var f = new SafeTensorsFile()
            .Add(SafeTensor.FromMatrix("centers", m.Centers!))
            .Add(SafeTensor.FromInt64("counts", [.. m.Counts!], m.Clusters));
        f.Metadata["kind"] = MiniBatchKMeansKind;
        f.Metadata["seed"] = m.Seed.ToString(CultureInfo.InvariantCulture);
        f.Metadata["batch_size"] = m.BatchSize.ToString(CultureInfo.InvariantCulture);
        f.Metadata["epochs"] = m.Epochs.ToString(CultureInfo.InvariantCulture);
        f.Save(path);
    }

    public static MiniBatchKMeansClusterer LoadMiniBatchKMeans(string path)
    {
        var f = SafeTensorsFile.Read(path);
        var centers = f["centers"].RequireShape(-1, -1).ToSingleMatrix();
        int k = centers.GetLength(0);
        if (k < 1) throw new ModelFormatException(path, "'centers' holds no cluster.");
        var counts = f["counts"].RequireShape(k).ToInt64Array();
        int Meta(string key, int fallback) =>
            f.Metadata.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int x) ? x : fallback;
        int batch = Meta("batch_size", 1024), epochs = Meta("epochs", 10);
        if (batch < 1 || epochs < 1) throw new ModelFormatException(path, "'batch_size' and 'epochs' must be at least 1.");
        return MiniBatchKMeansClusterer.FromState(centers, counts, Meta("seed", 0), batch, epochs);
    }
}

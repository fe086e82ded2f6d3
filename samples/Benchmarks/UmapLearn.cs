namespace BERTopicNet.Benchmarks;

/// <summary>The Python baseline: umap-learn from Debian's <c>umap-learn</c> package, run by /usr/bin/python3.</summary>
internal static class UmapLearn
{
    /// <summary>Runs umap-learn (BERTopic's settings: 15 neighbours, 5 components, min_dist 0, cosine) on an .npy file,
    /// after a warm-up fit that compiles numba's kernels (on 6,000 rows: above umap-learn's 4,096-row switch to NN-descent,
    /// so pynndescent's kernels are compiled too, not timed); returns its time and the path of its output.</summary>
    public static (double Seconds, double CpuSeconds, double PeakMb, string OutPath) Run(string input, int seed)
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"umap_learn_{Path.GetFileNameWithoutExtension(input)}_{seed}_{Environment.ProcessId}.npy");
        var script = $$"""
import json, resource, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import umap
x = np.load({{PythonScript.Quote(input)}})
umap.UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state={{seed}}).fit(x[:6000])
t = time.perf_counter(); c = time.process_time()
emb = umap.UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state={{seed}}).fit(x).embedding_
s = time.perf_counter() - t; c = time.process_time() - c
np.save({{PythonScript.Quote(outPath)}}, emb.astype(np.float32))
print(json.dumps({"seconds": s, "cpu_seconds": c, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""";
        var o = PythonScript.Run(script, "umap-learn");
        return (Math.Round((double)o["seconds"]!, 3), Math.Round((double)o["cpu_seconds"]!, 3), Math.Round((double)o["peak_mb"]!, 1), outPath);
    }
}

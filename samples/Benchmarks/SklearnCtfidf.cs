namespace BERTopicNet.Benchmarks;

/// <summary>
/// The Python baseline of the c-TF-IDF step, run by /usr/bin/python3 with Debian's scikit-learn: BERTopic 0.17.4's
/// document preprocessing and per-topic joining, <c>CountVectorizer</c>, its <c>ClassTfidfTransformer</c> formula and the
/// top words of each topic, on a given topic assignment. Best of <c>repeat</c> runs.
/// </summary>
internal static class SklearnCtfidf
{
    public static (double Seconds, double PeakMb) Run(string docsJsonl, string bertopicJson, int repeat)
    {
        var script = $$"""
import json, re, resource, time
import numpy as np, scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize
docs = [json.loads(l)["text"] for l in open({{PythonScript.Quote(docsJsonl)}})]
labels = json.load(open({{PythonScript.Quote(bertopicJson)}}))["fit"]["doc_topics"]
def prep(d): return re.sub(r"[^A-Za-z0-9 ]+", "", d.replace("\n", " ").replace("\t", " ")) or "emptydoc"
best = float("inf")
for _ in range({{repeat}}):
    t = time.perf_counter()
    topics = sorted(set(labels)); grouped = {k: [] for k in topics}
    for d, l in zip(docs, labels): grouped[l].append(d)
    joined = [prep(" ".join(grouped[k])) for k in topics]
    cv = CountVectorizer(ngram_range=(1, 1)); x = cv.fit_transform(joined); words = cv.get_feature_names_out()
    tf = normalize(x, axis=1, norm="l1", copy=False)
    df = np.squeeze(np.asarray(x.sum(axis=0))); avg = int(x.sum(axis=1).mean()); idf = np.log((avg / df) + 1)
    w = (tf * sp.diags(idf)).toarray()
    top = [[words[i] for i in row[::-1]] for row in np.argsort(w, axis=1)[:, -30:]]
    best = min(best, time.perf_counter() - t)
print(json.dumps({"seconds": best, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""";
        var o = PythonScript.Run(script, "scikit-learn c-TF-IDF");
        return (Math.Round((double)o["seconds"]!, 3), Math.Round((double)o["peak_mb"]!, 1));
    }
}

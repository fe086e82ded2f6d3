#!/usr/bin/env python3
"""Goldens for guided, zero-shot and semi-supervised fits, from Python BERTopic 0.17.4 (reference stack).

Run:  REF_ROOT=$HOME/.cache/bertopic-ref /usr/bin/python3 make_steering.py   (writes steering.json beside itself)

The corpus is synthetic and written into the JSON: five themes of generated words, 10-d float32 document vectors
near each theme's axis. Zero-shot labels and seed topics get vectors too; Python receives all of them through a
small BaseEmbedder that looks texts up, so both sides embed with the same vectors. The reducer is the identity
(BaseDimensionalityReduction), so the fits are deterministic and both sides must give the same topics.
The semi-supervised case uses umap-learn with y (half the labels hidden as -1) over five seeds and records
Python's ARI against the true themes.
"""
import json, os, sys, warnings

REF = os.environ.get("REF_ROOT", os.path.expanduser("~/.cache/bertopic-ref"))
for p in (f"{REF}/stubs", f"{REF}/src/hdbscan", f"{REF}/src/BERTopic"):
    sys.path.insert(0, p)
warnings.filterwarnings("ignore")

import numpy as np
from bertopic import BERTopic
from bertopic.backend import BaseEmbedder
from bertopic.dimensionality import BaseDimensionalityReduction
from hdbscan import HDBSCAN
from sklearn.metrics import adjusted_rand_score

THEMES = [
    ["space", "rocket", "orbit", "nasa", "launch", "moon", "astronaut", "satellite"],
    ["football", "goal", "match", "league", "player", "coach", "stadium", "referee"],
    ["bread", "flour", "oven", "yeast", "bake", "dough", "crust", "butter"],
    ["guitar", "drums", "concert", "band", "song", "album", "singer", "chord"],
    ["python", "compiler", "code", "debug", "function", "variable", "library", "syntax"],
]
SIZES = [40, 32, 26, 20, 16]
DIM = 10
rng = np.random.RandomState(7)

docs, labels, vecs = [], [], []
for t, size in enumerate(SIZES):
    for i in range(size):
        words = [THEMES[t][rng.randint(len(THEMES[t]))] for _ in range(9)]
        if i % 4 == 0:
            words += ["the", "and", "of"]
        docs.append(" ".join(words))
        labels.append(t)
        v = rng.normal(0, 0.12 if i % 3 else 0.35, DIM)
        v[t] += 1.0
        vecs.append(v)
for i in range(8):
    docs.append(f"misc note number {i} about nothing")
    labels.append(-1)
    vecs.append(rng.normal(0, 1.0, DIM))
order = rng.permutation(len(docs))
docs = [docs[i] for i in order]
labels = [labels[i] for i in order]
emb = np.array([vecs[i] for i in order], dtype=np.float32)
emb /= np.linalg.norm(emb, axis=1, keepdims=True)


def axis(t, extra=None):
    v = np.zeros(DIM, dtype=np.float64)
    v[t] = 1.0
    if extra is not None:
        v += extra
    return (v / np.linalg.norm(v)).astype(np.float32)


text_vectors = {
    "space exploration": axis(0, rng.normal(0, 0.1, DIM)),
    "football": axis(1, rng.normal(0, 0.1, DIM)),
    "gardening": axis(9, rng.normal(0, 0.1, DIM)),
    "space rocket orbit": axis(0, rng.normal(0, 0.3, DIM)),
    "guitar band": axis(3, rng.normal(0, 0.3, DIM)),
}


class LookupEmbedder(BaseEmbedder):
    def embed(self, documents, verbose=False):
        return np.vstack([text_vectors[d] for d in documents])


def model(**kw):
    return BERTopic(embedding_model=LookupEmbedder(), umap_model=BaseDimensionalityReduction(),
                    hdbscan_model=HDBSCAN(min_cluster_size=10, metric="euclidean", cluster_selection_method="eom",
                                          prediction_data=True), **kw)


def dump(m, topics, probs):
    out = {
        "doc_topics": [int(t) for t in topics],
        "topic_sizes": {str(k): int(v) for k, v in sorted(m.topic_sizes_.items())},
        "topic_words": {str(k): [[w, float(s)] for w, s in v] for k, v in sorted(m.topic_representations_.items())},
        "topic_labels": {str(k): v for k, v in sorted(m.topic_labels_.items())},
    }
    if probs is not None:
        p = np.asarray(probs)
        out["probabilities"] = p.tolist()
    return out


result = {
    "docs": docs,
    "labels": labels,
    "embeddings": emb.tolist(),
    "text_vectors": {k: v.tolist() for k, v in text_vectors.items()},
    "cases": {},
}
zs = ["space exploration", "football", "gardening"]
for name, sim in (("zeroshot_mixed", 0.7), ("zeroshot_all", -1.0), ("zeroshot_none", 0.999)):
    m = model(zeroshot_topic_list=zs, zeroshot_min_similarity=sim)
    topics, probs = m.fit_transform(docs, emb.copy())
    result["cases"][name] = {"zeroshot_topic_list": zs, "zeroshot_min_similarity": sim, **dump(m, topics, probs)}
    if name == "zeroshot_mixed":
        t2, p2 = m.transform(docs[:20], emb[:20] + 1e-4)  # shifted: not the training rows
        result["cases"][name]["transform_first20"] = [int(t) for t in t2]

seeds = [["space", "rocket", "orbit"], ["guitar", "band"]]
m = model(seed_topic_list=seeds)
topics, probs = m.fit_transform(docs, emb.copy())
result["cases"]["guided"] = {"seed_topic_list": seeds, **dump(m, topics, probs)}

# merge_models: model A on themes 0-2 and the noise, model B on themes 1, 3, 4 (theme 1 is in both).
parts = {"A": [i for i, l in enumerate(labels) if l in (0, 1, 2, -1)], "B": [i for i, l in enumerate(labels) if l in (1, 3, 4)]}
fitted = []
for key in ("A", "B"):
    idx = parts[key]
    m = model()
    m.fit([docs[i] for i in idx], emb[idx].copy())
    fitted.append(m)
merged = BERTopic.merge_models(fitted, min_similarity=0.7)
result["cases"]["merge"] = {
    "rows_a": parts["A"], "rows_b": parts["B"], "min_similarity": 0.7,
    "doc_topics": [int(t) for t in merged.topics_],
    "topic_sizes": {str(k): int(v) for k, v in sorted(merged.topic_sizes_.items())},
    "topic_words": {str(k): [[w, float(s)] for w, s in v] for k, v in sorted(merged.topic_representations_.items())},
    "topic_embeddings": np.asarray(merged.topic_embeddings_).tolist(),
}

# OnlineCountVectorizer: two batches of per-topic texts, decay 0.5, delete_min_df 2.
from bertopic.vectorizers import OnlineCountVectorizer
batches = [["space rocket orbit space", "goal match goal", "bread oven"],
           ["space moon nasa", "goal league", "oven dough dough", "guitar band song"]]
ocv = OnlineCountVectorizer(decay=0.5, delete_min_df=2)
bags = []
for b in batches:
    X = ocv.partial_fit(b).update_bow(b)
    words = ocv.get_feature_names_out()
    dense = X.toarray()
    bags.append({w: [float(v) for v in dense[:, j]] for j, w in enumerate(words)})
result["cases"]["online_cv"] = {"batches": batches, "decay": 0.5, "delete_min_df": 2, "bags": bags}

# IncrementalPCA as BERTopic's online example uses it (3 components, batches of 40 rows).
from sklearn.decomposition import IncrementalPCA
ipca = IncrementalPCA(n_components=3, batch_size=40)
red = ipca.fit_transform(emb.copy())
result["cases"]["incremental_pca"] = {"n_components": 3, "batch_size": 40, "mean": ipca.mean_.tolist(),
                                      "singular_values": ipca.singular_values_.tolist(), "transform_first5": red[:5].tolist()}

# Supervised: a classifier (NearestCentroid) as the clusterer, identity reducer, the true labels as y.
from sklearn.neighbors import NearestCentroid
m = BERTopic(umap_model=BaseDimensionalityReduction(), hdbscan_model=NearestCentroid())
topics, probs = m.fit_transform(docs, emb.copy(), y=labels)
t2, _ = m.transform(docs[:40], emb[:40] * 0.9 + emb[40:80] * 0.1)  # blends: not training rows
result["cases"]["supervised"] = {"y": labels, **dump(m, topics, probs), "transform_blend40": [int(t) for t in t2]}

# Semi-supervised UMAP: half of the true labels hidden.
from umap import UMAP
y = [l if i % 2 == 0 else -1 for i, l in enumerate(labels)]
aris = []
for seed in range(5):
    m = BERTopic(umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed),
                 hdbscan_model=HDBSCAN(min_cluster_size=10, metric="euclidean", cluster_selection_method="eom",
                                       prediction_data=True))
    topics, _ = m.fit_transform(docs, emb.copy(), y=y)
    aris.append(float(adjusted_rand_score(labels, topics)))
result["cases"]["semi_supervised"] = {"y": y, "python_ari_per_seed": aris, "python_ari_mean": float(np.mean(aris))}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "steering.json")
with open(path, "w") as f:
    json.dump(result, f, separators=(",", ":"))
print(path, {k: len(set(v["doc_topics"])) if "doc_topics" in v else v.get("python_ari_mean") for k, v in result["cases"].items()})

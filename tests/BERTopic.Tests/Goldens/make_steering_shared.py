#!/usr/bin/env python3
"""Zero-shot and guided Python BERTopic 0.17.4 fits on a shared corpus, given Python's own UMAP output.

Run:  REF_ROOT=$HOME/.cache/bertopic-ref /usr/bin/python3 make_steering_shared.py CORPUS TEXTS.json TEXTS.npy OUT.json
  CORPUS      ../shared/data/<corpus> (docs.jsonl, embeddings.npy) with ../shared/data/reference/<corpus>/umap5.npy
  TEXTS.json  {"labels": [...], "seeds": [[...], ...]}
  TEXTS.npy   our encoder's vectors of the labels, then of each seed topic's words joined by a space (CLI `embed`)
The reducer hands back umap5.npy (fit) and its rows (transform), so the fits are deterministic; OUT.json goes
to /work/shared-goldens/ (derived from shared data: never committed). SteeringSharedGoldenTests reads it.
"""
import json, os, sys, warnings

REF = os.environ.get("REF_ROOT", os.path.expanduser("~/.cache/bertopic-ref"))
for p in (f"{REF}/stubs", f"{REF}/src/hdbscan", f"{REF}/src/BERTopic"):
    sys.path.insert(0, p)
warnings.filterwarnings("ignore")
import numpy as np
from bertopic import BERTopic
from bertopic.backend import BaseEmbedder
from hdbscan import HDBSCAN

corpus, spec_path, vec_path, out_path = sys.argv[1:5]
docs = [json.loads(l)["text"] for l in open(os.path.join(corpus, "docs.jsonl"), encoding="utf-8") if l.strip()]
emb = np.load(os.path.join(corpus, "embeddings.npy")).astype(np.float32)
name = os.path.basename(os.path.normpath(corpus))
umap5 = np.load(os.path.join(corpus, "..", "reference", name, "umap5.npy")).astype(np.float32)
spec = json.load(open(spec_path))
vecs = np.load(vec_path).astype(np.float32)
texts = spec["labels"] + [" ".join(s) for s in spec["seeds"]]
lookup = {t: vecs[i] for i, t in enumerate(texts)}


class LookupEmbedder(BaseEmbedder):
    def embed(self, documents, verbose=False):
        return np.vstack([lookup[d] for d in documents])


class Precomputed:
    """fit_transform gives umap5; transform gives the umap5 rows of the embeddings it is handed, which are training
    rows in training order (zero-shot hands over the unassigned ones): identical embeddings (the empty documents)
    take their rows in turn."""
    def __init__(self):
        self.rows = {}
        for i in range(len(emb)):
            self.rows.setdefault(emb[i].tobytes(), []).append(i)

    def fit(self, X, y=None):
        return self

    def fit_transform(self, X, y=None):
        return umap5.copy()

    def transform(self, X):
        taken, idx = {}, []
        for x in X:
            key = x.tobytes()
            rows = self.rows[key]
            k = taken.get(key, 0)
            idx.append(rows[k])
            taken[key] = k + 1
        return umap5[idx]


def fit(**kw):
    m = BERTopic(embedding_model=LookupEmbedder(), umap_model=Precomputed(),
                 hdbscan_model=HDBSCAN(min_cluster_size=10, metric="euclidean", cluster_selection_method="eom",
                                       prediction_data=True), **kw)
    topics, _ = m.fit_transform(docs, emb.copy())
    return {"doc_topics": [int(t) for t in topics], "ctfidf_rows": int(m.c_tf_idf_.shape[0]),
            "idf_to": float(m.ctfidf_model._idf_diag.diagonal()[list(m.vectorizer_model.get_feature_names_out()).index("to")]),
            "topic_words": {str(k): [[w, float(s)] for w, s in v] for k, v in sorted(m.topic_representations_.items())},
            "topic_labels": {str(k): v for k, v in sorted(m.topic_labels_.items())}}


out = {"labels": spec["labels"], "seeds": spec["seeds"], "vectors": vecs.tolist(), "zeroshot_min_similarity": 0.5,
       "zeroshot": fit(zeroshot_topic_list=spec["labels"], zeroshot_min_similarity=0.5),
       "guided": fit(seed_topic_list=spec["seeds"])}
json.dump(out, open(out_path, "w"))
print(out_path, len(set(out["zeroshot"]["doc_topics"])), len(set(out["guided"]["doc_topics"])))

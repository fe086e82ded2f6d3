#!/usr/bin/env python3
"""Regenerates analysis_expected.json: Python BERTopic 0.17.4's topics_per_class, topics_over_time,
hierarchical_topics and get_topic_tree, and SciPy's linkage, on a small synthetic corpus that this script writes.

    export REF_ROOT=$HOME/.cache/bertopic-ref
    /usr/bin/python3 tests/BERTopic.Tests/Goldens/make_analysis.py > tests/BERTopic.Tests/Goldens/analysis_expected.json

Manual mode: identity reducer, BaseCluster, y = the topic each document was drawn from (-1 for noise documents).
Also records that evolution_tuning changes no row (0.17.4 writes its average into a temporary copy).
"""
import json, os, sys, warnings
REF = os.environ["REF_ROOT"]
for p in (f"{REF}/stubs", f"{REF}/src/hdbscan", f"{REF}/src/BERTopic"):
    sys.path.insert(0, p)
warnings.filterwarnings("ignore")
import numpy as np, pandas as pd, scipy
from scipy.cluster import hierarchy as sch
from bertopic import BERTopic
from bertopic.dimensionality import BaseDimensionalityReduction
from bertopic.cluster import BaseCluster

rng = np.random.RandomState(7)
themes = [
    "budget tax economy growth bank rates inflation market jobs trade",
    "war army troops peace treaty navy defense enemy soldiers victory",
    "school children education teachers students learning college reading",
    "health care hospital doctors medicine insurance patients disease",
    "energy oil coal power gas nuclear fuel electricity",
    "farm farmers crops land wheat harvest cattle rural",
    "space moon rocket science astronauts orbit research discovery",
]
common = "the people nation government congress year new america states world".split()
docs, y, classes, years = [], [], [], []
for i in range(420):
    t = int(rng.randint(0, len(themes))) if i % 9 else -1
    words = themes[t].split() if t >= 0 else sum((th.split() for th in themes), [])
    n = int(rng.randint(6, 18))
    text = " ".join(rng.choice(words, n).tolist() + rng.choice(common, int(rng.randint(1, 6))).tolist())
    if i % 17 == 0: text = text.capitalize() + ", and the 1st of May!\n"
    docs.append(text); y.append(t)
    classes.append(["Democratic", "Republican", "Whig"][int(rng.randint(0, 3))])
    years.append(str(1900 + int(rng.randint(0, 60)) + (0 if t < 0 else t * 3)))
y = np.array(y)
emb = rng.normal(size=(len(docs), 8)).astype(np.float32)
m = BERTopic(umap_model=BaseDimensionalityReduction(), hdbscan_model=BaseCluster())
topics, _ = m.fit_transform(docs, embeddings=emb, y=y)

def rows(df, key):
    return [{"topic": int(r.Topic), "words": r.Words, "frequency": int(r.Frequency), key: str(r[key.capitalize()])} for _, r in df.iterrows()]

out = {"scipy": scipy.__version__, "docs": docs, "y": y.tolist(), "classes": classes, "years": years,
       "topics": [int(t) for t in topics]}
pc = m.topics_per_class(docs, classes=classes)
out["per_class"] = rows(pc, "class")
out["per_class_no_global"] = rows(m.topics_per_class(docs, classes=classes, global_tuning=False), "class")
ts = pd.to_datetime(years).tolist()
def over_time(**kw):
    df = m.topics_over_time(docs, ts, **kw)
    df["Timestamp"] = pd.to_datetime(df["Timestamp"]).dt.strftime("%Y-%m-%dT%H:%M:%S")
    return rows(df, "timestamp")
out["over_time_bins7"] = over_time(nr_bins=7)
out["over_time_raw_no_global"] = over_time(global_tuning=False, evolution_tuning=False)
out["over_time_bins7_no_evolution_equal"] = over_time(nr_bins=7, evolution_tuning=False) == out["over_time_bins7"]
h = m.hierarchical_topics(docs)
out["hierarchy"] = [{"parent_id": int(r.Parent_ID), "parent_name": r.Parent_Name, "topics": [int(t) for t in r.Topics],
                     "child_left_id": int(r.Child_Left_ID), "child_left_name": r.Child_Left_Name,
                     "child_right_id": int(r.Child_Right_ID), "child_right_name": r.Child_Right_Name,
                     "distance": float(r.Distance)} for _, r in h.iterrows()]
out["tree"] = m.get_topic_tree(h)
out["tree_tight_cut"] = m.get_topic_tree(h, max_distance=float(np.median(h.Distance)), tight_layout=True)

# SciPy's linkage on random condensed matrices, with and without optimal leaf ordering.
link = []
for n, seed in [(2, 1), (3, 2), (9, 3), (25, 4), (40, 5)]:
    r = np.random.RandomState(seed)
    x = r.normal(size=(n, 4))
    d = scipy.spatial.distance.pdist(x)
    if n == 25: d = np.round(d, 1)  # ties
    case = {"n": n, "condensed": d.tolist()}
    for method in ["ward", "average", "complete", "weighted", "single"]:
        case[method] = sch.linkage(d, method).tolist()
        case[method + "_ordered"] = sch.linkage(d, method, optimal_ordering=True).tolist()
    link.append(case)
out["linkage"] = link
json.dump(out, sys.stdout)

#!/usr/bin/env python3
"""Compares our CLI's `hierarchy` output with Python BERTopic 0.17.4's hierarchical_topics + get_topic_tree on our
topic assignment (manual mode), row by row: merge ids, children, topics, names, distance, and the text tree.

  REF_ROOT=$HOME/.cache/bertopic-ref /usr/bin/python3 compare_hierarchy.py --docs D.jsonl --emb E.npy \
      --topics FIT/topics.json --hierarchy H.json
Prints one JSON line.
"""
import argparse, json, os, sys, warnings
REF = os.environ["REF_ROOT"]
for p in (f"{REF}/stubs", f"{REF}/src/hdbscan", f"{REF}/src/BERTopic"):
    sys.path.insert(0, p)
warnings.filterwarnings("ignore")
import numpy as np
from bertopic import BERTopic
from bertopic.dimensionality import BaseDimensionalityReduction
from bertopic.cluster import BaseCluster

ap = argparse.ArgumentParser()
for a in ("--docs", "--emb", "--topics", "--hierarchy"): ap.add_argument(a, required=True)
a = ap.parse_args()
docs = [json.loads(l)["text"] for l in open(a.docs, encoding="utf-8") if l.strip()]
y = np.array(json.load(open(a.topics))["doc_topics"])
m = BERTopic(umap_model=BaseDimensionalityReduction(), hdbscan_model=BaseCluster())
py_topics, _ = m.fit_transform(docs, embeddings=np.load(a.emb), y=y)
h = m.hierarchical_topics(docs)
ours = json.load(open(a.hierarchy))
want = {int(r.Parent_ID): r for _, r in h.iterrows()}
got = {r["parent_id"]: r for r in ours["rows"]}
same = {"children": 0, "topics": 0, "names": 0}
max_diff = 0.0
for pid, r in want.items():
    g = got.get(pid)
    if g is None: continue
    same["children"] += (int(r.Child_Left_ID), int(r.Child_Right_ID)) == (g["child_left_id"], g["child_right_id"])
    same["topics"] += [int(t) for t in r.Topics] == g["topics"]
    same["names"] += (r.Parent_Name, r.Child_Left_Name, r.Child_Right_Name) == (g["parent_name"], g["child_left_name"], g["child_right_name"])
    max_diff = max(max_diff, abs(float(r.Distance) - g["distance"]))
n = max(len(want), 1)
print(json.dumps({"assignment_identical": bool((np.array(py_topics) == y).all()), "merges_py": len(want), "merges_ours": len(got),
                  **{k + "_equal": v / n for k, v in same.items()}, "max_distance_diff": max_diff,
                  "tree_equal": m.get_topic_tree(h) == ours["tree"]}))

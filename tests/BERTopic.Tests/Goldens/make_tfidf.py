"""Regenerates tfidf_expected.json: scikit-learn's TfidfVectorizer on a small synthetic corpus this script writes.

    /usr/bin/python3 tests/BERTopic.Tests/Goldens/make_tfidf.py > tests/BERTopic.Tests/Goldens/tfidf_expected.json

scikit-learn 1.2.1 (Debian bookworm, the reference stack). TfidfVectorizerGoldenTests compares ours with it.
"""
import json
import random
import sys

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

rng = random.Random(18)
themes = [
    ["rocket", "orbit", "launch", "nasa", "moon", "shuttle", "space", "satellite"],
    ["goal", "match", "league", "player", "coach", "season", "football", "striker"],
    ["bread", "flour", "oven", "yeast", "bake", "dough", "butter", "crust"],
]
filler = ["the", "and", "of", "is", "it", "was", "which", "about", "very", "would", "again", "Café", "naïve"]
docs = []
for i in range(36):
    theme = themes[i % 3]
    words = []
    for _ in range(rng.randint(3, 14)):
        r = rng.random()
        words.append(rng.choice(theme) if r < 0.6 else rng.choice(filler) if r < 0.9 else rng.choice(themes[(i + 1) % 3]))
    if i % 5 == 0:
        words[0] = words[0].upper()
    text = " ".join(words) + (", 2024!" if i % 7 == 0 else ".")
    docs.append(text)
docs += ["", "the and of", "a b c x"]  # an empty document, one of stop words only, one of 1-letter tokens only

cases = {
    "default": {},
    "min_df_2_english": {"min_df": 2, "stop_words": "english"},
    "max_df_half_sublinear_no_smooth": {"max_df": 0.5, "sublinear_tf": True, "smooth_idf": False},
    "l1_bigrams_min_df_2": {"norm": "l1", "ngram_range": [1, 2], "min_df": 2},
    "no_norm_no_idf_max_features": {"norm": None, "use_idf": False, "max_features": 12},
    "min_df_fraction_max_df_count_no_lowercase": {"min_df": 0.1, "max_df": 10, "lowercase": False},
}
out = {"sklearn": sklearn.__version__, "documents": docs, "cases": {}}
for name, kw in cases.items():
    args = dict(kw)
    if "ngram_range" in args:
        args["ngram_range"] = tuple(args["ngram_range"])
    v = TfidfVectorizer(**args)
    x = v.fit_transform(docs).tocsr()
    x.sort_indices()
    vocab = [t for t, _ in sorted(v.vocabulary_.items(), key=lambda kv: kv[1])]
    out["cases"][name] = {
        "options": kw,
        "vocabulary": vocab,
        "idf": [float(f) for f in v.idf_] if v.use_idf else None,
        "indptr": [int(i) for i in x.indptr],
        "indices": [int(i) for i in x.indices],
        "data": [float(f) for f in x.data],
        # Transform of unseen text with the fitted vocabulary (unknown words ignored).
        "transform": {"documents": ["rocket rocket bread unknownword", "nothing known here"],
                      "dense": np.asarray(v.transform(["rocket rocket bread unknownword", "nothing known here"]).todense()).round(12).tolist()},
    }
json.dump(out, sys.stdout, ensure_ascii=False, separators=(",", ":"))
sys.stdout.write("\n")

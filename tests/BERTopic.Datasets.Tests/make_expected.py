"""Regenerates sklearn_expected.json: scikit-learn's fetch_20newsgroups on the test archive, fully offline.

    BERTOPIC_WRITE_TEST_ARCHIVE=/tmp/20news-test.tar.gz dotnet test tests/BERTopic.Datasets.Tests --filter WriteTestArchive
    /usr/bin/python3 tests/BERTopic.Datasets.Tests/make_expected.py /tmp/20news-test.tar.gz > tests/BERTopic.Datasets.Tests/sklearn_expected.json
"""
import json, os, shutil, sys, tempfile
import numpy as np
import sklearn
import sklearn.datasets._twenty_newsgroups as tng

archive = sys.argv[1]
home = tempfile.mkdtemp()

def fake_fetch_remote(remote, dirname=None):  # serve the local archive instead of downloading
    path = os.path.join(dirname, remote.filename)
    shutil.copy(archive, path)
    return path

tng._fetch_remote = fake_fetch_remote
cases = {
    "train_raw_unshuffled": dict(subset="train", shuffle=False),
    "test_raw_unshuffled": dict(subset="test", shuffle=False),
    "all_removed_default_shuffle": dict(subset="all", remove=("headers", "footers", "quotes")),
    "all_headers_seed7": dict(subset="all", remove=("headers",), random_state=7),
    "train_footers_unshuffled": dict(subset="train", remove=("footers",), shuffle=False),
    "test_quotes_unshuffled": dict(subset="test", remove=("quotes",), shuffle=False),
    "all_categories_removed": dict(subset="all", categories=["sci.space", "alt.atheism"], remove=("headers", "footers", "quotes")),
}
out = {"sklearn": sklearn.__version__, "cases": {}}
for name, kw in cases.items():
    b = tng.fetch_20newsgroups(data_home=home, **kw)
    out["cases"][name] = {
        "options": {k: list(v) if isinstance(v, tuple) else v for k, v in kw.items()},
        "data": list(b.data),
        "target": [int(t) for t in b.target],
        "target_names": list(b.target_names),
        "filenames": ["/".join(f.split(os.sep)[-3:]) for f in b.filenames],
    }
perms = {}
for seed, n in [(0, 10), (42, 25), (0, 11314), (42, 18846), (7, 1000)]:
    idx = np.arange(n)
    np.random.RandomState(seed).shuffle(idx)
    # small n: the whole permutation; large n: its first 20 entries and sum(i * perm[i])
    perms[f"{seed}_{n}"] = {"head": [int(i) for i in idx[:20]], "weighted_sum": int(sum(i * int(p) for i, p in enumerate(idx))), "n": n}
out["permutations"] = perms
json.dump(out, sys.stdout, ensure_ascii=True, indent=1)
shutil.rmtree(home)

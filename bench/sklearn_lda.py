#!/usr/bin/env python3
"""scikit-learn peer and the shared topic-quality scorer of the Statewise topic-model benchmark (run-ntm-bench.sh).

Fits LatentDirichletAllocation (online variational Bayes, K topics, the library's defaults otherwise: batch_size 128,
max_iter 10, learning_offset 10, priors 1/K; n_jobs=1, one core) on the training bag-of-words (LibSVM written by
TextToBow), reports its held-out perplexity (scikit-learn's variational bound) on the test documents, and scores its
topics' top words. The same scorer is applied to every topics file given as NAME=FILE (one line per topic, the top
word ids, 0-based, comma-separated; StatewiseNtmBench writes one), so both models' topics are judged by one
implementation:
  npmi       mean over topics of the mean NPMI of each topic's top-10 word pairs, co-occurrence counted per document
             of the test set: log(P(i,j) / (P(i) P(j))) / -log P(i,j), -1 for pairs that never co-occur
  diversity  unique words among the top 25 of all topics / (25 K)
Prints one JSON line.

Usage: sklearn_lda.py --train train.svm --test test.svm --vocabulary V --topics K [NAME=FILE ...]
"""
import argparse
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.datasets import load_svmlight_file
from sklearn.decomposition import LatentDirichletAllocation


def npmi(top, docs):
    """Mean over topics of the mean pairwise NPMI of top (K x n word ids) over binary document-word matrix docs."""
    n = docs.shape[0]
    scores = []
    for words in top:
        cols = docs[:, words].toarray() > 0
        p = cols.sum(axis=0) / n
        both = (cols.T.astype(np.int64) @ cols.astype(np.int64)) / n
        pairs = []
        for a in range(len(words)):
            for b in range(a + 1, len(words)):
                pab = both[a, b]
                if pab == 0:
                    pairs.append(-1.0)
                elif pab == 1:
                    pairs.append(1.0)
                else:
                    pairs.append(np.log(pab / (p[a] * p[b])) / -np.log(pab))
        scores.append(np.mean(pairs))
    return float(np.mean(scores))


def diversity(ranked, k=25):
    top = [list(r[:k]) for r in ranked]
    return len({w for t in top for w in t}) / float(k * len(top))


def score(ranked, test):
    return {"npmi": npmi([list(r[:10]) for r in ranked], test), "topic_diversity": diversity(ranked)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", required=True)
    p.add_argument("--test", required=True)
    p.add_argument("--vocabulary", type=int, required=True)
    p.add_argument("--topics", type=int, required=True)
    p.add_argument("--max-iter", type=int, default=10)
    p.add_argument("scored", nargs="*", metavar="NAME=FILE")
    a = p.parse_args()

    t0 = time.perf_counter()
    x, _ = load_svmlight_file(a.train, n_features=a.vocabulary)
    t1 = time.perf_counter()
    lda = LatentDirichletAllocation(n_components=a.topics, learning_method="online", max_iter=a.max_iter,
                                    random_state=0, n_jobs=1)
    lda.fit(x)
    t2 = time.perf_counter()
    xt, _ = load_svmlight_file(a.test, n_features=a.vocabulary)
    ranked = np.argsort(-lda.components_, axis=1)
    out = {
        "estimator": repr(lda),
        "documents": int(x.shape[0]),
        "test_documents": int(xt.shape[0]),
        "vocabulary": a.vocabulary,
        "topics": a.topics,
        "load_s": round(t1 - t0, 4),
        "fit_s": round(t2 - t1, 4),
        "passes": int(lda.n_iter_),
        "documents_per_s_per_core": x.shape[0] * lda.n_iter_ / (t2 - t1),
        "test_perplexity": float(lda.perplexity(xt)),
        "sklearn": sklearn.__version__, "numpy": np.__version__,
        "top_words": [[int(w) for w in r[:10]] for r in ranked],
    }
    out.update(score(ranked, xt))
    for spec in a.scored:
        name, path = spec.split("=", 1)
        with open(path) as f:
            theirs = [[int(w) for w in line.split(",")] for line in f if line.strip()]
        out[name] = score(theirs, xt)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

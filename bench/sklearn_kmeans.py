#!/usr/bin/env python3
"""scikit-learn peer of the Statewise k-means benchmark (run by run-kmeans-bench.sh).

Loads a headerless CSV with pandas (pd.read_csv), fits one of
  minibatch  MiniBatchKMeans(n_clusters=k, random_state=0)              (library defaults otherwise)
  full       KMeans(n_clusters=k, random_state=0)                       (library defaults otherwise)
  best-lloyd KMeans(n_clusters=k, init='k-means++', n_init=10, algorithm='lloyd', random_state=0)
writes the model's centers (one per line, comma-separated) for the common evaluator, and prints one JSON line:
load_s, fit_s, total_s, ssd (the estimator's inertia_ on the full data), n_iter, n_init, versions.
"""
import argparse
import json
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="headerless CSV of numbers, no label column")
    p.add_argument("--mode", required=True, choices=["minibatch", "full", "best-lloyd"])
    p.add_argument("--k", type=int, required=True)
    p.add_argument("--centers-out", required=True)
    a = p.parse_args()

    # scikit-learn 1.2 warns that the default n_init will change; the defaults are what we want to measure.
    warnings.filterwarnings("ignore", category=FutureWarning)

    t0 = time.perf_counter()
    frame = pd.read_csv(a.data, header=None)
    x = frame.to_numpy(dtype=np.float64)
    t1 = time.perf_counter()
    if a.mode == "minibatch":
        model = MiniBatchKMeans(n_clusters=a.k, random_state=0)
    elif a.mode == "full":
        model = KMeans(n_clusters=a.k, random_state=0)
    else:
        model = KMeans(n_clusters=a.k, init="k-means++", n_init=10, algorithm="lloyd", random_state=0)
    model.fit(x)
    t2 = time.perf_counter()

    os.makedirs(os.path.dirname(os.path.abspath(a.centers_out)), exist_ok=True)
    np.savetxt(a.centers_out, model.cluster_centers_, delimiter=",", fmt="%.17g")
    print(json.dumps({
        "mode": a.mode,
        "estimator": repr(model),
        "rows": int(x.shape[0]),
        "dimension": int(x.shape[1]),
        "load_s": round(t1 - t0, 4),
        "fit_s": round(t2 - t1, 4),
        "total_s": round(t2 - t0, 4),
        "ssd": float(model.inertia_),
        "n_iter": int(model.n_iter_),
        "n_init": str(getattr(model, "_n_init", model.n_init)),
        "sklearn": sklearn.__version__,
        "pandas": pd.__version__,
        "numpy": np.__version__,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""scikit-learn peer and exact reference of the Statewise PCA benchmark (run by run-pca-bench.sh).

Modes (each prints one JSON line):
  pca          pandas load (pd.read_csv) + PCA(n_components=k, random_state=0).fit      (library defaults otherwise;
               scikit-learn picks the solver: 'randomized' for k < 0.8 min(n, d) and max(n, d) > 500)
  incremental  pandas load + IncrementalPCA(n_components=k, batch_size=B).fit
  exact        the reference for the accuracy figure: an exact SVD (numpy.linalg.svd) of the centered data, and for
               each model given as NAME=PREFIX (files written by StatewisePcaBench job --model-out PREFIX): the
               relative difference of its explained variances to the exact ones, and the variance its components
               capture on the data, sum_i ||X_c v_i||^2 / (n - 1), divided by the exact top-k sum.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.decomposition import PCA, IncrementalPCA


def versions():
    return {"sklearn": sklearn.__version__, "pandas": pd.__version__, "numpy": np.__version__}


def load(path):
    return pd.read_csv(path, header=None).to_numpy(dtype=np.float64)


def fit(a):
    t0 = time.perf_counter()
    x = load(a.data)
    t1 = time.perf_counter()
    if a.mode == "pca":
        model = PCA(n_components=a.k, random_state=0)
    else:
        model = IncrementalPCA(n_components=a.k, batch_size=a.batch_size)
    model.fit(x)
    t2 = time.perf_counter()
    out = {
        "mode": a.mode,
        "estimator": repr(model),
        "svd_solver": getattr(model, "_fit_svd_solver", "incremental"),
        "rows": int(x.shape[0]),
        "dimension": int(x.shape[1]),
        "load_s": round(t1 - t0, 4),
        "fit_s": round(t2 - t1, 4),
        "total_s": round(t2 - t0, 4),
        "explained_variance": [float(v) for v in model.explained_variance_],
        "explained_variance_ratio_total": float(np.sum(model.explained_variance_ratio_)),
    }
    out.update(versions())
    return out


def read_rows(path):
    return np.atleast_2d(np.loadtxt(path, delimiter=",", dtype=np.float64))


def exact(a):
    t0 = time.perf_counter()
    x = load(a.data)
    n = x.shape[0]
    xc = x - x.mean(axis=0)
    del x
    t1 = time.perf_counter()
    s = np.linalg.svd(xc, full_matrices=False, compute_uv=False)
    t2 = time.perf_counter()
    variance = s ** 2 / (n - 1)
    top = variance[: a.k]
    out = {
        "rows": int(n),
        "dimension": int(xc.shape[1]),
        "k": a.k,
        "load_s": round(t1 - t0, 4),
        "svd_s": round(t2 - t1, 4),
        "exact_explained_variance": [float(v) for v in top],
        "exact_top_k_variance": float(top.sum()),
        "total_variance": float(variance.sum()),
        "models": {},
    }
    for spec in a.models:
        name, prefix = spec.split("=", 1)
        v = read_rows(prefix + ".components.csv")
        ev = read_rows(prefix + ".variance.csv").ravel()
        k = min(a.k, v.shape[0])
        projected = xc @ v[:k].T
        captured = float(np.sum(projected ** 2) / (n - 1))
        gram = v[:k] @ v[:k].T
        rel = np.abs(ev[:k] - top[:k]) / top[:k]
        out["models"][name] = {
            "components": int(k),
            "explained_variance": [float(e) for e in ev[:k]],
            "max_rel_diff_explained_variance": float(rel.max()),
            "captured_variance": captured,
            "captured_ratio": captured / float(top[:k].sum()),
            "orthonormality_error": float(np.abs(gram - np.eye(k)).max()),
        }
    out.update(versions())
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="headerless CSV of numbers, no label column")
    p.add_argument("--mode", required=True, choices=["pca", "incremental", "exact"])
    p.add_argument("--k", type=int, required=True, help="number of components")
    p.add_argument("--batch-size", type=int, default=5000, help="IncrementalPCA's batch_size")
    p.add_argument("models", nargs="*", metavar="NAME=PREFIX", help="models to score (exact mode)")
    a = p.parse_args()
    print(json.dumps(exact(a) if a.mode == "exact" else fit(a)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""scikit-learn peer and exact references of the Statewise linear-learner benchmark (run by run-linear-bench.sh).

Every mode loads the training CSV (label in column 0, no header) with pandas, fits, and scores the test CSV; it
prints one JSON line with load_s and fit_s (the timed peer: load + fit, as Statewise's job includes its data pass) and
the test metrics (not timed, as for Statewise).

Modes:
  logistic     LogisticRegression() with the library's defaults (lbfgs, C=1.0, max_iter=100): binary labels 0/1
  multinomial  StandardScaler + LogisticRegression(max_iter=M) (lbfgs, multinomial for more than two classes); the
               scaler because lbfgs does not converge on raw 0..255 pixels, as scikit-learn's documentation advises
  ols          LinearRegression(): ordinary least squares, the exact reference of the regression figure
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def load(path):
    a = pd.read_csv(path, header=None).to_numpy(dtype=np.float64)
    return a[:, 1:], a[:, 0]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", required=True)
    p.add_argument("--test", required=True)
    p.add_argument("--mode", required=True, choices=["logistic", "multinomial", "ols"])
    p.add_argument("--max-iter", type=int, default=100, help="lbfgs iterations of the multinomial mode")
    a = p.parse_args()

    t0 = time.perf_counter()
    x, y = load(a.train)
    t1 = time.perf_counter()
    if a.mode == "logistic":
        model = LogisticRegression()
        final = model
    elif a.mode == "multinomial":
        final = LogisticRegression(max_iter=a.max_iter)
        model = make_pipeline(StandardScaler(), final)
    else:
        model = LinearRegression()
        final = model
    model.fit(x, y)
    t2 = time.perf_counter()

    xt, yt = load(a.test)
    out = {
        "mode": a.mode,
        "estimator": repr(model),
        "rows": int(x.shape[0]),
        "dimension": int(x.shape[1]),
        "load_s": round(t1 - t0, 4),
        "fit_s": round(t2 - t1, 4),
        "total_s": round(t2 - t0, 4),
        "sklearn": sklearn.__version__, "pandas": pd.__version__, "numpy": np.__version__,
    }
    if a.mode == "ols":
        residual = model.predict(xt) - yt
        out["test_rmse"] = float(np.sqrt(np.mean(residual ** 2)))
    else:
        out["test_accuracy"] = float(accuracy_score(yt, model.predict(xt)))
        out["iterations"] = int(np.max(final.n_iter_))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

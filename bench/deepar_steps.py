#!/usr/bin/env python3
"""DeepAR's forecasts step by step against seasonal naive: deepar_steps.py TEST_CSV FORECASTS_CSV HORIZON [PERIOD].

TEST_CSV is the benchmark's long CSV of whole series (series,timestamp,value; deepar_data.py's test.csv), FORECASTS_CSV
the forecasts of StatewiseDeepArBench --forecasts-out after each series without its last HORIZON values. Prints, per
forecast step, the MASE terms of DeepAR's median and of seasonal naive (absolute error over the series' in-sample
seasonal error, averaged over series), their ratio, the mean signed error of each as a share of the series' level
(mean absolute value of its last PERIOD known values; negative = below the actual values) and the share of actual
values inside the lowest-highest quantile interval; then the share of DeepAR's MASE from its worst tenth of series,
the share of series it forecasts better than seasonal naive, and the figures over the whole horizon. PERIOD defaults to 12.
"""
import csv
import sys
from collections import defaultdict

import numpy as np


def main():
    test_csv, forecasts_csv, horizon = sys.argv[1], sys.argv[2], int(sys.argv[3])
    period = int(sys.argv[4]) if len(sys.argv) > 4 else 12
    series = defaultdict(list)
    with open(test_csv) as f:
        for row in csv.reader(f):
            series[row[0]].append(float(row[2]))
    with open(forecasts_csv) as f:
        reader = csv.reader(f)
        header = next(reader)
        levels = header[3:]
        median_at = 3 + levels.index("0.5")
        forecasts = defaultdict(dict)
        for row in reader:
            forecasts[row[0]][int(row[1])] = (float(row[median_at]), float(row[3]), float(row[-1]))
    model_terms, naive_terms, model_bias, naive_bias, inside = (np.zeros((len(series), horizon)) for _ in range(5))
    for n, (sid, values) in enumerate(series.items()):
        y = np.array(values)
        history, actual = y[:-horizon], y[-horizon:]
        m = period if len(history) > period else 1
        scale = np.mean(np.abs(history[m:] - history[:-m]))
        level = np.mean(np.abs(history[-period:]))
        naive = np.array([history[len(history) - m + k % m] for k in range(horizon)])
        median = np.array([forecasts[sid][k][0] for k in range(horizon)])
        low = np.array([forecasts[sid][k][1] for k in range(horizon)])
        high = np.array([forecasts[sid][k][2] for k in range(horizon)])
        model_terms[n] = np.abs(actual - median) / scale
        naive_terms[n] = np.abs(actual - naive) / scale
        model_bias[n] = (median - actual) / level
        naive_bias[n] = (naive - actual) / level
        inside[n] = (actual >= low) & (actual <= high)
    print("step  mase_deepar  mase_naive  ratio  bias_deepar  bias_naive  inside")
    for k in range(horizon):
        print(f"{k + 1:4d}  {model_terms[:, k].mean():11.3f}  {naive_terms[:, k].mean():10.3f}  "
              f"{model_terms[:, k].mean() / naive_terms[:, k].mean():5.3f}  {model_bias[:, k].mean():+11.3f}  "
              f"{naive_bias[:, k].mean():+10.3f}  {inside[:, k].mean():6.3f}")
    per_series_model, per_series_naive = model_terms.mean(axis=1), naive_terms.mean(axis=1)
    worst = np.argsort(-per_series_model)[: max(1, len(series) // 10)]
    print(f"the tenth of series with the largest MASE of DeepAR: {per_series_model[worst].sum() / per_series_model.sum():.1%}"
          f" of DeepAR's total, MASE {per_series_model[worst].mean():.3f} vs seasonal naive's"
          f" {per_series_naive[worst].mean():.3f} on them; on the other series {np.delete(per_series_model, worst).mean():.3f}"
          f" vs {np.delete(per_series_naive, worst).mean():.3f}")
    wins = np.mean(per_series_model < per_series_naive)
    print(f"series where DeepAR's MASE is below seasonal naive's: {wins:.1%}")
    print(f" all  {model_terms.mean():11.3f}  {naive_terms.mean():10.3f}  {model_terms.mean() / naive_terms.mean():5.3f}"
          f"  {model_bias.mean():+11.3f}  {naive_bias.mean():+10.3f}  {inside.mean():6.3f}")


if __name__ == "__main__":
    main()

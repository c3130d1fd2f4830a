#!/usr/bin/env python3
"""Assembles the JSON results of run-deepar-bench.sh into a markdown report (printed and written to a file).

Usage: deepar_bench_report.py <results-dir> <report.md>
"""
import sys

from bench_report import Marks, cpu_table, idle_at_start, load, met, preamble, write_report


def main():
    results, report = sys.argv[1], sys.argv[2]
    m3, tourism = load(results, "data-m3"), load(results, "data-tourism")
    m1, m2 = load(results, "deepar-m3-1"), load(results, "deepar-m3-2")
    t1 = load(results, "deepar-tourism-1")
    mark = Marks(results)

    out = []
    w = out.append
    preamble(w, "Forecasting benchmark: Statewise DeepAR against seasonal naive", "no peer (the baseline is computed "
             "by Statewise's evaluator on the same series)", idle_at_start(results))
    for name, r, run in (("M3 monthly", m1, "deepar-m3-1"), ("tourism monthly", t1, "deepar-tourism-1")):
        w(f"| 1 | {name}: MASE / seasonal naive's MASE ({r['test_mase']:.3f} / {r['test_seasonal_naive_mase']:.3f}) "
          f"| {r['test_mase_ratio']:.3f} | <= 0.90 | {met(r['test_mase_ratio'] <= 0.9)} |")
    for name, r in (("M3 monthly", m1), ("tourism monthly", t1)):
        c = r["test_coverage"]
        w(f"| 2 | {name}: share of test observations inside the 10%-90% interval | {c * 100:.1f}% | 70-90% "
          f"| {met(0.7 <= c <= 0.9)} |")
    gap = abs(m2["last_validation_loss"] - m1["last_validation_loss"]) / abs(m1["last_validation_loss"])
    w(f"| 3 | M3, 2 workers against 1: relative difference of the last validation loss "
      f"({m2['last_validation_loss']:.4f} vs {m1['last_validation_loss']:.4f}) | {gap * 100:.2f}% | <= 2% "
      f"| {met(gap <= 0.02)} |")
    ratio = m2["job_s"] / m1["job_s"]
    w(f"| 3 | M3, 2 workers' time / 1 worker's ({m2['job_s']:.1f} s / {m1['job_s']:.1f} s)"
      f"{mark('deepar-m3-1', 'deepar-m3-2')} | {ratio:.2f} | <= 0.6 | {met(ratio <= 0.6)} |")
    mark.end_figures(w)
    w("## Runs")
    w("")
    for name, d in (("M3 monthly", m3), ("tourism monthly", tourism)):
        w(f"{name}: {d['series']} series (length {d['min_length']} to {d['max_length']}, median "
          f"{d['median_length']}; {d['dropped_short']} left out as not longer than the horizon {d['horizon']}).")
    w("")
    w("| Run | Time (s) | Epochs | MASE (naive) | sMAPE (naive) | ND | mean wQL (naive) | Coverage | Notes |")
    w("|---|---|---|---|---|---|---|---|---|")
    for name, r in (("M3, 1 worker", m1), ("M3, 2 workers", m2), ("tourism, 1 worker", t1)):
        w(f"| {name} | {r['job_s']:.1f} | {r['epochs_run']} | {r['test_mase']:.3f} ({r['test_seasonal_naive_mase']:.3f})"
          f" | {r['test_smape']:.4f} ({r['test_seasonal_naive_smape']:.4f}) | {r['test_nd']:.4f} "
          f"| {r['test_mean_wql']:.4f} ({r['test_seasonal_naive_mean_wql']:.4f}) | {r['test_coverage']:.3f} "
          f"| {r['splits']} splits; {r['hyperparameters']} |")
    w("")
    cpu_table(results, w)
    write_report(report, out)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Assembles the JSON results of run-scaling-bench.sh into a markdown report (printed and written to a file).

Usage: scaling_bench_report.py <results-dir> <report.md>
"""
import sys

from bench_report import Marks, cpu_table, efficiency, idle_at_start, load, met, preamble, write_report


def main():
    results, report = sys.argv[1], sys.argv[2]
    mark = Marks(results)
    out = []
    w = out.append
    preamble(w, "Parallel efficiency on one node: 1 vs 2 worker slots", "no peers", idle_at_start(results))
    for name, what in (("kmeans", "k-means, k = 20, 1,000,000 x 50 blobs"),
                       ("pca", "PCA regular, 10 components, 500,000 x 200 low-rank rows")):
        one, two = load(results, f"{name}-w1"), load(results, f"{name}-w2")
        warm = efficiency(one, two, "warm_job_median_s")
        cold = efficiency(one, two, "job_s")
        marks = mark(f"{name}-w1", f"{name}-w2")
        w(f"| {name} | {what}: warm jobs (cached splits), medians {one['warm_job_median_s']:.2f} s (w=1) / "
          f"{two['warm_job_median_s']:.2f} s (w=2){marks} | {warm:.2f} | >= 0.9 | {met(warm >= 0.9)} |")
        w(f"| {name} | ... first job, cold JVM, parses the CSV: {one['job_s']:.2f} s / {two['job_s']:.2f} s{marks} "
          f"| {cold:.2f} | >= 0.9 | {met(cold >= 0.9)} |")
    mark.end_figures(w)
    w("## Runs")
    w("")
    w("| Run | Records | Splits | Cold job (s) | Warm jobs (s) |")
    w("|---|---|---|---|---|")
    for name in ("kmeans-w1", "kmeans-w2", "pca-w1", "pca-w2"):
        r = load(results, name)
        w(f"| {name} | {r['records']} | {r['splits']} | {r['job_s']:.2f} | "
          f"{', '.join(f'{s:.2f}' for s in r['job_s_all'][1:])} |")
    w("")
    cpu_table(results, w)
    write_report(report, out)


if __name__ == "__main__":
    main()

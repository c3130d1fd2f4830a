#!/usr/bin/env python3
"""Assembles the JSON results of run-scaling-bench.sh into a markdown report (printed and written to a file).

Usage: scaling_bench_report.py <results-dir> <report.md>
"""
import statistics
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
        steady = efficiency(one, two, "steady_job_median_s")
        early1, early2 = (statistics.median(r["job_s_all"][1:3]) for r in (one, two))
        early = early1 / (2 * early2)
        cold = efficiency(one, two, "job_s")
        marks = mark(f"{name}-w1", f"{name}-w2")
        jobs = len(one["job_s_all"])
        w(f"| {name} | {what}: warmed node, medians of jobs {jobs - one['steady_jobs'] + 1}-{jobs} of {jobs} "
          f"(cached splits) {one['steady_job_median_s']:.3f} s (w=1) / {two['steady_job_median_s']:.3f} s (w=2)"
          f"{marks} | {steady:.2f} | >= 0.9 | {met(steady >= 0.9)} |")
        w(f"| {name} | ... jobs 2-3 (cached splits, the JIT still compiling): {early1:.3f} s / {early2:.3f} s "
          f"| {early:.2f} | reported | - |")
        w(f"| {name} | ... first job, cold JVM, parses the CSV: {one['job_s']:.2f} s / {two['job_s']:.2f} s "
          f"| {cold:.2f} | reported | - |")
    mark.end_figures(w)
    w("## Runs")
    w("")
    w("| Run | Records | Splits | Cold job (s) | Later jobs (s) |")
    w("|---|---|---|---|---|")
    for name in ("kmeans-w1", "kmeans-w2", "pca-w1", "pca-w2"):
        r = load(results, name)
        w(f"| {name} | {r['records']} | {r['splits']} | {r['job_s']:.2f} | "
          f"{', '.join(f'{s:.3f}' for s in r['job_s_all'][1:])} |")
    w("")
    cpu_table(results, w)
    write_report(report, out)


if __name__ == "__main__":
    main()
